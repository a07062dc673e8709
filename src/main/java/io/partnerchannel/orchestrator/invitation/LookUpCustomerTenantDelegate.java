package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.ALREADY_RELATED;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_COUNTRY;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_DOMAIN;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.INDIRECT_PROVIDERS;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.INITIATOR_TYPE;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.PARTNER_NAME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REASON_CODE;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.SAME_REGION;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.TENANT_KIND;
import static io.partnerchannel.orchestrator.partnercenter.PartnerRelationshipType.IsIndirectCloudSolutionProviderOf;
import static io.partnerchannel.orchestrator.partnercenter.PartnerRelationshipType.IsIndirectResellerOf;

import io.partnerchannel.orchestrator.partnercenter.AgreementSignatureStatus;
import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.LegalBusinessProfile;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.PartnerProperties;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationship;
import io.partnerchannel.orchestrator.partnercenter.TenantInformation;
import io.partnerchannel.orchestrator.partnercenter.TenantKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Look up customer tenant": reads, and only reads, what the eligibility decision needs. The tenant that
 * owns the typed domain comes from Microsoft Graph ({@code findTenantInformationByDomainName}): its id is
 * kept as {@code customerTenantId}, which is how Partner Center's acceptance events name the customer, so a
 * vanity domain that never appears as the customer's {@code companyProfile.domain} still correlates.
 * Whether that tenant is already our reseller customer ({@code alreadyRelated}) is read by id
 * ({@code GET /v1/customers/{id}}). {@code tenantKind} (R6), from documented answers only:
 * <ul>
 *   <li>{@code NOT_FOUND}: no tenant has the domain (Graph 404);</li>
 *   <li>{@code CSP_TRANSACTION_TENANT}: the operating partner's own tenant, one of its indirect partners
 *       (tenant ids of {@code GET /v1/relationships}), or a tenant Partner Center knows as a CSP indirect
 *       reseller account ({@code GET /v1/compliance/csp/agreementstatus?tenantId=} answers, or fails with
 *       {@code 2201}, {@code 2203} or {@code 2206}; verify-indirect-reseller-mpa-status);</li>
 *   <li>{@code CUSTOMER}: Partner Center has no account for the tenant ({@code 2205}), an ordinary organization
 *       or a partner's non-CSP corporate tenant, which both may buy from us (R6b);</li>
 *   <li>{@code UNKNOWN}: anything else ({@code 2204}, or the call refused to us): Microsoft documents no
 *       other look-up of partners' CSP tenants and refuses them at acceptance.</li>
 * </ul>
 * Then whether the
 * customer's country is in the partner's CSP region ({@code sameRegion}, R9) and what kind of partner the
 * operating partner is ({@code initiatorType}, with {@code indirectProviders} for an indirect reseller, R13).
 * Shared by {@code ResellerRelationshipInvitation} and {@code IndirectResellerInvitation}.
 */
@Component("lookUpCustomerTenant")
class LookUpCustomerTenantDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(LookUpCustomerTenantDelegate.class);

  /** Agreement-status codes that name an existing CSP indirect reseller account (verify-indirect-reseller-mpa-status). */
  private static final Set<String> PARTNER_ACCOUNT_CODES = Set.of(
      AgreementSignatureStatus.REGION_MISMATCH, AgreementSignatureStatus.NOT_SIGNED, AgreementSignatureStatus.NO_AGREEMENT);

  private final PartnerCenter partnerCenter;
  private final PartnerProperties partner;
  private final CspRegions regions;

  /**
   * @param partnerCenter the Partner Center port
   * @param partner the operating partner (its tenant id)
   * @param regions the decision {@code CspRegion}
   */
  public LookUpCustomerTenantDelegate(PartnerCenter partnerCenter, PartnerProperties partner, CspRegions regions) {
    this.partnerCenter = partnerCenter;
    this.partner = partner;
    this.regions = regions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String domain = (String) execution.getVariable(CUSTOMER_DOMAIN);
    LegalBusinessProfile partner = partnerCenter.getLegalBusinessProfile();
    if (partner.address() == null || partner.address().country() == null) {
      throw new IllegalStateException("Partner Center returned no country in the partner's legal business profile");
    }
    execution.setVariable(PARTNER_NAME, partner.companyName());

    Optional<TenantInformation> tenant = partnerCenter.findTenantInformationByDomainName(domain);
    tenant.ifPresent(found -> execution.setVariable(CUSTOMER_TENANT_ID, found.tenantId()));
    Optional<Customer> customer = tenant.flatMap(found -> partnerCenter.getCustomer(found.tenantId()));
    boolean alreadyRelated = customer.map(Customer::isReseller).orElse(false);
    execution.setVariable(ALREADY_RELATED, alreadyRelated);
    if (alreadyRelated) {
      execution.setVariable(REASON_CODE, "ALREADY_RELATED");
      log.debug("Invitation {}: {} is already a reseller customer ({})",
          execution.getProcessInstanceId(), domain, customer.get().id());
      return;
    }

    List<PartnerRelationship> providers = partnerCenter.getPartnerRelationships(IsIndirectResellerOf);
    List<PartnerRelationship> resellers = partnerCenter.getPartnerRelationships(IsIndirectCloudSolutionProviderOf);
    InitiatorType initiatorType = InitiatorType.of(providers, resellers);
    execution.setVariable(INITIATOR_TYPE, initiatorType.name());
    if (initiatorType == InitiatorType.INDIRECT_RESELLER) {
      execution.setVariable(
          INDIRECT_PROVIDERS,
          providers.stream().filter(InitiatorType::isActive).map(PartnerRelationship::name)
              .collect(Collectors.joining(" or ")));
    }

    TenantKind tenantKind = tenant.map(found -> kind(found.tenantId(), providers, resellers)).orElse(TenantKind.NOT_FOUND);
    String partnerRegion = regions.of(partner.address().country());
    String customerRegion = regions.of((String) execution.getVariable(CUSTOMER_COUNTRY));
    execution.setVariable(TENANT_KIND, tenantKind.name());
    execution.setVariable(SAME_REGION, partnerRegion.equals(customerRegion));
    log.debug(
        "Invitation {}: {} is a {} tenant in region {} (partner region {}, partner is a {})",
        execution.getProcessInstanceId(), domain, tenantKind, customerRegion, partnerRegion,
        initiatorType);
  }

  /** The kind of an existing tenant (R6, R6b), see the class comment; a server failure is retried. */
  private TenantKind kind(String tenantId, List<PartnerRelationship> providers, List<PartnerRelationship> resellers) {
    boolean knownPartner = tenantId.equalsIgnoreCase(partner.tenantId())
        || Stream.concat(providers.stream(), resellers.stream()).anyMatch(r -> tenantId.equalsIgnoreCase(r.id()));
    if (knownPartner) {
      return TenantKind.CSP_TRANSACTION_TENANT;
    }
    try {
      partnerCenter.getIndirectResellerAgreementStatus(tenantId);
      return TenantKind.CSP_TRANSACTION_TENANT;
    } catch (PartnerCenterException e) {
      if (e.getHttpStatus() == 0 || e.getHttpStatus() >= 500) {
        throw e;
      }
      if (AgreementSignatureStatus.NO_ACCOUNT.equals(e.getErrorCode())) {
        return TenantKind.CUSTOMER;
      }
      if (PARTNER_ACCOUNT_CODES.contains(e.getErrorCode())) {
        return TenantKind.CSP_TRANSACTION_TENANT;
      }
      return TenantKind.UNKNOWN;
    }
  }
}
