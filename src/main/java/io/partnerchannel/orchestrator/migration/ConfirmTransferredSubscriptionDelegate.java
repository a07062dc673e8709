package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SOURCE_PARTNER_NAME;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_NOTES;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.Subscription;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Confirm subscriptions moved": after the source partner accepted, the subscription must now show this
 * partner ({@code GET /v1/customers/{id}/subscriptions} lists it). A completed transfer may stay pending for up
 * to 15 minutes (S9), so until then the step fails and is retried. Records what moved and what did not
 * ({@code transferNotes}, R23): billing and support move; Azure RBAC is unaffected and the new partner gets no
 * admin-on-behalf-of access; Azure reservations do not move (2020 tooling).
 */
@Component("confirmTransferredSubscription")
public class ConfirmTransferredSubscriptionDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(ConfirmTransferredSubscriptionDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public ConfirmTransferredSubscriptionDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = (String) execution.getVariable(CUSTOMER_TENANT_ID);
    String subscriptionId = (String) execution.getVariable(SUBSCRIPTION_ID);
    Subscription moved = partnerCenter.getSubscriptions(customerTenantId).stream()
        .filter(subscription -> subscriptionId.equalsIgnoreCase(subscription.id()))
        .findFirst()
        .orElseThrow(() -> new PartnerCenterException(404, null, "Subscription " + subscriptionId
            + " does not show this partner yet; a completed transfer can stay pending up to 15 minutes (S9)", null));
    String notes = "Subscription " + moved.id() + " (" + moved.offerName() + ") now shows this partner (partner of"
        + " record " + moved.partnerId() + "), transferred from " + execution.getVariable(SOURCE_PARTNER_NAME)
        + ". Billing and support moved; Azure RBAC role assignments are unaffected and no admin-on-behalf-of access"
        + " was granted: ask the customer for GDAP to manage it; Azure reservations did not move (R23).";
    execution.setVariable(TRANSFER_NOTES, notes);
    log.info("Process {}: {}", execution.getProcessInstanceId(), notes);
  }
}
