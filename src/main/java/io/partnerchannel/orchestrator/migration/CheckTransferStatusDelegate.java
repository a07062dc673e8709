package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.REASON;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_STATUS;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.TransferEntity;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Check transfer status": reads the transfer ({@code GET /v1/customers/{id}/transfers/{id}}, A14) into
 * {@code transferStatus}: {@code Active} while the source partner has not acted, {@code Completed} once it
 * accepted, {@code Rejected} or {@code Expired} (R23); the reason is recorded for the last two.
 */
@Component("checkTransferStatus")
public class CheckTransferStatusDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(CheckTransferStatusDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public CheckTransferStatusDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = (String) execution.getVariable(CUSTOMER_TENANT_ID);
    String transferId = (String) execution.getVariable(TRANSFER_ID);
    TransferEntity transfer = partnerCenter.getTransfer(customerTenantId, transferId)
        .orElseThrow(() -> new PartnerCenterException(404, null, "Transfer " + transferId + " not found", null));
    execution.setVariable(TRANSFER_STATUS, transfer.status());
    if (TransferEntity.REJECTED.equals(transfer.status())) {
      execution.setVariable(REASON, transfer.sourcePartnerName() + " rejected the transfer request " + transferId
          + "; the subscription stays with it (R23, R24).");
    } else if (TransferEntity.EXPIRED.equals(transfer.status())) {
      execution.setVariable(REASON, "The transfer request " + transferId + " expired: " + transfer.sourcePartnerName()
          + " did not act on it within 30 days (R23).");
    }
    log.info("Process {}: transfer {} is {}", execution.getProcessInstanceId(), transferId, transfer.status());
  }
}
