package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.REASON;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_STATUS;

import io.partnerchannel.orchestrator.partnercenter.MultiPartnerGuardException;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.TransferEntity;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Cancel transfer request": the target partner cancels its pending transfer (update-a-transfer: {@code PATCH
 * /v1/customers/{id}/transfers/{id}} with {@code "status": "Cancel"}; "a transfer can only be canceled if it's in the
 * pending state"). Idempotent: a transfer no longer {@code Active} is left as it is and the reason says so.
 */
@Component("cancelTransferRequest")
class CancelTransferRequestDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(CancelTransferRequestDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public CancelTransferRequestDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = CUSTOMER_TENANT_ID.from(execution).get();
    String transferId = TRANSFER_ID.from(execution).get();
    TransferEntity transfer = partnerCenter.getTransfer(customerTenantId, transferId)
        .orElseThrow(() -> new PartnerCenterException(404, null, "Transfer " + transferId + " not found", null));
    if (!TransferEntity.ACTIVE.equals(transfer.status())) {
      TRANSFER_STATUS.on(execution).set(transfer.status());
      REASON.on(execution).set("Transfer " + transferId + " was not cancelled: it is " + transfer.status()
          + ", and only a pending (Active) transfer can be cancelled (update-a-transfer).");
      return;
    }
    TransferEntity cancelled;
    try {
      cancelled = partnerCenter.cancelTransfer(customerTenantId, transfer);
    } catch (MultiPartnerGuardException refusal) {
      throw MultiPartnerGuardErrors.refused(execution, refusal);
    }
    TRANSFER_STATUS.on(execution).set(cancelled.status());
    REASON.on(execution).set("Transfer " + transferId + " cancelled by this partner; the subscriptions stay with "
        + transfer.sourcePartnerName() + ".");
    log.info("Process {}: transfer {} cancelled ({})", execution.getProcessInstanceId(), transferId, cancelled.status());
  }
}
