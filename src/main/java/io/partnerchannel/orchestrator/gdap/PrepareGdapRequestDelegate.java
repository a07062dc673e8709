package io.partnerchannel.orchestrator.gdap;

import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.TenantInformation;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Prepare GDAP request" ({@code GdapRelationshipRequest}): fills in what the invitation's GDAP steps read and a
 * caller may not know: the partner's name for the approval e-mail ({@code GET /v1/profiles/legalbusiness}) and the
 * customer's default domain and name for the relationship's display name ({@code findTenantInformationByTenantId}).
 * Values the caller passed are kept. Sets {@link GdapVariables#GDAP_REQUEST_COMPLETE}: the customer's Global admin
 * e-mail, at least one role and a duration are known; otherwise a partner admin completes the request first
 * ("Complete GDAP request"). Read-only.
 */
@Component("prepareGdapRequest")
class PrepareGdapRequestDelegate implements JavaDelegate {

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  PrepareGdapRequestDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String tenantId = GdapVariables.CUSTOMER_TENANT_ID.from(execution).getOrNull();
    if (tenantId == null) {
      throw new IllegalStateException("GdapRelationshipRequest needs customerTenantId");
    }
    if (InvitationVariables.PARTNER_NAME.from(execution).getOrNull() == null) {
      InvitationVariables.PARTNER_NAME.on(execution).set(partnerCenter.getLegalBusinessProfile().companyName());
    }
    boolean domainMissing = InvitationVariables.CUSTOMER_DOMAIN.from(execution).getOrNull() == null;
    boolean nameMissing = InvitationVariables.COMPANY_NAME.from(execution).getOrNull() == null;
    boolean complete = InvitationVariables.GLOBAL_ADMIN_EMAIL.from(execution).getOrNull() != null
        && !InvitationVariables.GLOBAL_ADMIN_EMAIL.from(execution).getOrNull().isBlank()
        && !InvitationVariables.GDAP_ROLES.from(execution).isEmpty()
        && InvitationVariables.GDAP_DURATION.from(execution).getOrNull() != null;
    GdapVariables.GDAP_REQUEST_COMPLETE.on(execution).set(complete);
    if (domainMissing || nameMissing) {
      Optional<TenantInformation> tenant = partnerCenter.findTenantInformation(tenantId);
      if (domainMissing) {
        InvitationVariables.CUSTOMER_DOMAIN.on(execution)
            .set(tenant.map(TenantInformation::defaultDomainName).orElse(tenantId));
      }
      if (nameMissing) {
        InvitationVariables.COMPANY_NAME.on(execution)
            .set(tenant.map(TenantInformation::displayName).orElse(tenantId));
      }
    }
  }
}
