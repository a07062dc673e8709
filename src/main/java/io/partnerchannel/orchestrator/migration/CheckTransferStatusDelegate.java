package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_LINE_ITEMS;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_STATUS;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.TransferEntity;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Check transfer status": reads the transfer (get-transfer-by-id: {@code GET /v1/customers/{id}/transfers/{id}})
 * into {@code transferStatus} as Partner Center answers it (documented: {@code Active} while the source partner has
 * not submitted, {@code InProgress}, {@code Completed}), and the line items the source partner added into
 * {@code transferLineItems}, one per line, for the agent. The model routes any other status to a person.
 */
@Component("checkTransferStatus")
class CheckTransferStatusDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(CheckTransferStatusDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public CheckTransferStatusDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = CUSTOMER_TENANT_ID.from(execution).get();
    String transferId = TRANSFER_ID.from(execution).get();
    TransferEntity transfer = partnerCenter.getTransfer(customerTenantId, transferId)
        .orElseThrow(() -> new PartnerCenterException(404, null, "Transfer " + transferId + " not found", null));
    TRANSFER_STATUS.on(execution).set(transfer.status());
    TRANSFER_LINE_ITEMS.on(execution).set(describe(transfer));
    log.info("Process {}: transfer {} is {}", execution.getProcessInstanceId(), transferId, transfer.status());
  }

  /**
   * @param transfer a transfer
   * @return its line items, one per line ({@code friendlyName (offerId) x quantity, subscription id}), or a sentence
   *     saying the source partner added none yet
   */
  static String describe(TransferEntity transfer) {
    if (transfer.lineItemsOrEmpty().isEmpty()) {
      return "The source partner has not added line items yet.";
    }
    return transfer.lineItemsOrEmpty().stream()
        .map(item -> item.friendlyName() + " (" + item.offerId() + ") x " + item.quantity() + ", subscription "
            + item.subscriptionId())
        .collect(Collectors.joining("\n"));
  }
}
