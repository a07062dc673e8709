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
 * The reading is {@link CustomerTenantLookup}'s; this delegate writes what it found. Shared by
 * {@code ResellerRelationshipInvitation} and {@code IndirectResellerInvitation}.
 */
@Component("lookUpCustomerTenant")
class LookUpCustomerTenantDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(LookUpCustomerTenantDelegate.class);

  private final CustomerTenantLookup lookup;

  LookUpCustomerTenantDelegate(CustomerTenantLookup lookup) {
    this.lookup = lookup;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String domain = CUSTOMER_DOMAIN.from(execution).get();
    CustomerTenantFacts facts = lookup.lookUp(domain, CUSTOMER_COUNTRY.from(execution).getOrNull());
    PARTNER_NAME.on(execution).set(facts.partnerName());
    if (facts.customerTenantId() != null) {
      CUSTOMER_TENANT_ID.on(execution).set(facts.customerTenantId());
    }
    ALREADY_RELATED.on(execution).set(facts.alreadyRelated());
    if (facts.alreadyRelated()) {
      REASON_CODE.on(execution).set("ALREADY_RELATED");
    } else {
      INITIATOR_TYPE.on(execution).set(facts.initiatorType().name());
      if (facts.indirectProviders() != null) {
        INDIRECT_PROVIDERS.on(execution).set(facts.indirectProviders());
      }
      TENANT_KIND.on(execution).set(facts.tenantKind().name());
      SAME_REGION.on(execution).set(facts.sameRegion());
    }
    log.debug("Invitation {}: {} found {}", execution.getProcessInstanceId(), domain, facts);
  }
}
