package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.ALREADY_RELATED;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.COMPANY_NAME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_COUNTRY;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_DOMAIN;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.INDIRECT_PROVIDERS;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.INITIATOR_TYPE;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.PARTNER_NAME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REASON;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.SAME_REGION;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.TENANT_KIND;
import static io.partnerchannel.orchestrator.partnercenter.PartnerRelationshipType.IsIndirectCloudSolutionProviderOf;
import static io.partnerchannel.orchestrator.partnercenter.PartnerRelationshipType.IsIndirectResellerOf;

import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.LegalBusinessProfile;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationship;
import io.partnerchannel.orchestrator.partnercenter.TenantKind;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Look up customer tenant": reads, and only reads, what the eligibility decision needs from Partner
 * Center: whether the domain is already our reseller customer ({@code alreadyRelated},
 * {@code customerTenantId}), what kind of tenant owns it ({@code tenantKind}, R6/R6b), whether the
 * customer's country is in the partner's CSP region ({@code sameRegion}, R9) and what kind of partner the
 * operating partner is ({@code initiatorType}, with {@code indirectProviders} for an indirect reseller, R13).
 * Shared by {@code ResellerRelationshipInvitation} and {@code IndirectResellerInvitation}.
 */
@Component("lookUpCustomerTenant")
public class LookUpCustomerTenantDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(LookUpCustomerTenantDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public LookUpCustomerTenantDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String domain = (String) execution.getVariable(CUSTOMER_DOMAIN);
    LegalBusinessProfile partner = partnerCenter.getLegalBusinessProfile();
    if (partner.address() == null || partner.address().country() == null) {
      throw new IllegalStateException("Partner Center returned no country in the partner's legal business profile");
    }
    execution.setVariable(PARTNER_NAME, partner.companyName());

    Optional<Customer> customer = partnerCenter.findCustomerByDomain(domain);
    boolean alreadyRelated = customer.map(Customer::isReseller).orElse(false);
    execution.setVariable(ALREADY_RELATED, alreadyRelated);
    customer.ifPresent(found -> execution.setVariable(CUSTOMER_TENANT_ID, found.id()));
    if (alreadyRelated) {
      execution.setVariable(
          REASON,
          execution.getVariable(COMPANY_NAME)
              + " (" + domain + ") is already a reseller customer of " + partner.companyName()
              + "; no second relationship was requested and nothing was changed.");
      log.info("Invitation {}: {} is already a reseller customer ({})",
          execution.getProcessInstanceId(), domain, customer.get().id());
      return;
    }

    List<PartnerRelationship> providers = partnerCenter.getPartnerRelationships(IsIndirectResellerOf);
    InitiatorType initiatorType =
        InitiatorType.of(providers, partnerCenter.getPartnerRelationships(IsIndirectCloudSolutionProviderOf));
    execution.setVariable(INITIATOR_TYPE, initiatorType.name());
    if (initiatorType == InitiatorType.INDIRECT_RESELLER) {
      execution.setVariable(
          INDIRECT_PROVIDERS,
          providers.stream().filter(InitiatorType::isActive).map(PartnerRelationship::name)
              .collect(Collectors.joining(" or ")));
    }

    TenantKind tenantKind = partnerCenter.classifyTenant(domain);
    CspRegion partnerRegion = CspRegion.of(partner.address().country());
    CspRegion customerRegion = CspRegion.of((String) execution.getVariable(CUSTOMER_COUNTRY));
    execution.setVariable(TENANT_KIND, tenantKind.name());
    execution.setVariable(SAME_REGION, partnerRegion.equals(customerRegion));
    log.info(
        "Invitation {}: {} is a {} tenant in region {} (partner region {}, partner is a {})",
        execution.getProcessInstanceId(), domain, tenantKind, customerRegion.name(), partnerRegion.name(),
        initiatorType);
  }
}
