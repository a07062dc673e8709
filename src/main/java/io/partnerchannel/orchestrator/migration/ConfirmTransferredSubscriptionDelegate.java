package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SOURCE_PARTNER_NAME;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_LINE_ITEMS;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_NOTES;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.Subscription;
import io.partnerchannel.orchestrator.partnercenter.TransferEntity;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Confirm subscriptions moved": after the transfer completed, every line item the source partner added must now
 * be one of this partner's subscriptions ({@code GET /v1/customers/{id}/subscriptions} lists a subscription with the
 * line's subscription id, or with its offer). A completed transfer may stay pending for up to 15 minutes (S9), so
 * until then the step fails and is retried. Records what moved and what did not ({@code transferNotes}, R23):
 * billing and support move; Azure RBAC is unaffected and the new partner gets no admin-on-behalf-of access; Azure
 * reservations do not move (2020 tooling).
 */
@Component("confirmTransferredSubscription")
class ConfirmTransferredSubscriptionDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(ConfirmTransferredSubscriptionDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public ConfirmTransferredSubscriptionDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = CUSTOMER_TENANT_ID.from(execution).get();
    String transferId = TRANSFER_ID.from(execution).get();
    TransferEntity transfer = partnerCenter.getTransfer(customerTenantId, transferId)
        .orElseThrow(() -> new PartnerCenterException(404, null, "Transfer " + transferId + " not found", null));
    List<Subscription> ours = partnerCenter.getSubscriptions(customerTenantId);
    List<TransferEntity.LineItem> missing = transfer.lineItemsOrEmpty().stream()
        .filter(item -> ours.stream().noneMatch(subscription -> same(subscription, item)))
        .toList();
    if (transfer.lineItemsOrEmpty().isEmpty() || !missing.isEmpty()) {
      throw new PartnerCenterException(404, null, "Transfer " + transferId + " is completed but " + (missing.isEmpty()
          ? "names no line item" : missing.size() + " of its line items do not show this partner yet")
          + "; a completed transfer can stay pending up to 15 minutes (S9)", null);
    }
    TRANSFER_LINE_ITEMS.on(execution).set(CheckTransferStatusDelegate.describe(transfer));
    String notes = "Transfer " + transferId + " from " + SOURCE_PARTNER_NAME.from(execution).getOrNull() + " completed; "
        + transfer.lineItemsOrEmpty().size() + " subscription(s) now show this partner. Billing and support moved;"
        + " Azure RBAC role assignments are unaffected and no admin-on-behalf-of access was granted: ask the customer"
        + " for GDAP to manage them; Azure reservations did not move (R23).";
    TRANSFER_NOTES.on(execution).set(notes);
    log.info("Process {}: {}", execution.getProcessInstanceId(), notes);
  }

  private static boolean same(Subscription subscription, TransferEntity.LineItem item) {
    return (item.subscriptionId() != null && item.subscriptionId().equalsIgnoreCase(subscription.id()))
        || (item.offerId() != null && item.offerId().equalsIgnoreCase(subscription.offerId()));
  }
}
