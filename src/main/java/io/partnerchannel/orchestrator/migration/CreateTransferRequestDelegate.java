package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.COMPANY_NAME;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_EMAIL;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SOURCE_PARTNER_NAME;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SOURCE_PARTNER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_EXPIRES_AT;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_PRODUCT_TYPE;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_STATUS;

import io.partnerchannel.orchestrator.partnercenter.MultiPartnerGuardException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Create transfer request": asks the current partner to transfer subscriptions to us ({@link TransferRequests#request}:
 * a pending transfer from the same source for the same product type is reused) and records its id, status and
 * expiry ({@code transferExpiresAt}, R23). The multi-partner guard's refusal of any other direction (R7) becomes the
 * BPMN error {@code MultiPartnerGuard}.
 */
@Component("createTransferRequest")
class CreateTransferRequestDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(CreateTransferRequestDelegate.class);

  private final TransferRequests transfers;

  /** @param transfers the transfer requests to this partner */
  public CreateTransferRequestDelegate(TransferRequests transfers) {
    this.transfers = transfers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TransferRequests.Requested requested;
    try {
      requested = transfers.request(CUSTOMER_TENANT_ID.from(execution).get(), SOURCE_PARTNER_TENANT_ID.from(execution).get(),
          SOURCE_PARTNER_NAME.from(execution).getOrNull(), CUSTOMER_EMAIL.from(execution).getOrNull(),
          COMPANY_NAME.from(execution).getOrNull(), TRANSFER_PRODUCT_TYPE.from(execution).get());
    } catch (MultiPartnerGuardException refusal) {
      throw MultiPartnerGuardErrors.refused(execution, refusal);
    }
    TRANSFER_ID.on(execution).set(requested.transfer().id());
    TRANSFER_STATUS.on(execution).set(requested.transfer().status());
    TRANSFER_EXPIRES_AT.on(execution).set(Date.from(requested.expiresAt().toInstant()));
    log.info("Process {}: transfer {} {} (expires {})", execution.getProcessInstanceId(), requested.transfer().id(),
        requested.reused() ? "reused" : "requested", requested.expiresAt());
  }
}
