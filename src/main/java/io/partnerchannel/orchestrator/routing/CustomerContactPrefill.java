package io.partnerchannel.orchestrator.routing;

import io.partnerchannel.orchestrator.invitation.AdminAccess;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Prefills "Confirm customer contact" before a process requests the reseller relationship: company name and
 * default domain as Microsoft Graph reports them for the tenant ({@code findTenantInformationByTenantId}),
 * and no admin access with the relationship (GDAP is requested separately, R8).
 */
public final class CustomerContactPrefill {

  private CustomerContactPrefill() {}

  /**
   * @param execution the execution whose variables the form reads
   * @param partnerCenter the Partner Center port
   * @param customerTenantId the customer
   */
  public static void prefill(DelegateExecution execution, PartnerCenter partnerCenter, String customerTenantId) {
    execution.setVariable(InvitationVariables.ADMIN_ACCESS, AdminAccess.NONE.name());
    partnerCenter.findTenantInformation(customerTenantId).ifPresent(information -> {
      execution.setVariable(InvitationVariables.COMPANY_NAME, information.displayName());
      if (information.defaultDomainName() != null) {
        execution.setVariable(InvitationVariables.CUSTOMER_DOMAIN, information.defaultDomainName().toLowerCase(Locale.ROOT));
      }
    });
  }
}
