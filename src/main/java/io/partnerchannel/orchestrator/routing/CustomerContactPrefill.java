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
    InvitationVariables.ADMIN_ACCESS.on(execution).set(AdminAccess.NONE.name());
    partnerCenter.findTenantInformation(customerTenantId).ifPresent(information -> {
      InvitationVariables.COMPANY_NAME.on(execution).set(information.displayName());
      if (information.defaultDomainName() != null) {
        InvitationVariables.CUSTOMER_DOMAIN.on(execution).set(information.defaultDomainName().toLowerCase(Locale.ROOT));
      }
    });
  }
}
