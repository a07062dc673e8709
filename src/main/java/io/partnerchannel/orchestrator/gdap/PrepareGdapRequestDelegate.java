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
    String tenantId = GdapVariables.string(execution, GdapVariables.CUSTOMER_TENANT_ID);
    if (tenantId == null) {
      throw new IllegalStateException("GdapRelationshipRequest needs customerTenantId");
    }
    if (GdapVariables.string(execution, InvitationVariables.PARTNER_NAME) == null) {
      execution.setVariable(InvitationVariables.PARTNER_NAME, partnerCenter.getLegalBusinessProfile().companyName());
    }
    boolean domainMissing = GdapVariables.string(execution, InvitationVariables.CUSTOMER_DOMAIN) == null;
    boolean nameMissing = GdapVariables.string(execution, InvitationVariables.COMPANY_NAME) == null;
    boolean complete = GdapVariables.string(execution, InvitationVariables.GLOBAL_ADMIN_EMAIL) != null
        && !GdapVariables.string(execution, InvitationVariables.GLOBAL_ADMIN_EMAIL).isBlank()
        && !InvitationVariables.gdapRoles(execution).isEmpty()
        && GdapVariables.string(execution, InvitationVariables.GDAP_DURATION) != null;
    execution.setVariable(GdapVariables.GDAP_REQUEST_COMPLETE, complete);
    if (domainMissing || nameMissing) {
      Optional<TenantInformation> tenant = partnerCenter.findTenantInformation(tenantId);
      if (domainMissing) {
        execution.setVariable(InvitationVariables.CUSTOMER_DOMAIN,
            tenant.map(TenantInformation::defaultDomainName).orElse(tenantId));
      }
      if (nameMissing) {
        execution.setVariable(InvitationVariables.COMPANY_NAME,
            tenant.map(TenantInformation::displayName).orElse(tenantId));
      }
    }
  }
}
