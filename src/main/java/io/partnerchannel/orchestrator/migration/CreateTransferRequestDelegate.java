package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SOURCE_PARTNER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_EXPIRES_AT;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_STATUS;

import io.partnerchannel.orchestrator.partnercenter.MultiPartnerGuardException;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerProperties;
import io.partnerchannel.orchestrator.partnercenter.TransferEntity;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Create transfer request": asks the current partner to transfer the subscription to us ({@code POST
 * /v1/customers/{id}/transfers}, A14/A15, R23, R24); only that partner can accept it, and it expires after
 * 30 days (R23), which sets {@code transferExpiresAt}. Idempotent: an active transfer of the subscription to
 * us is reused. The multi-partner guard refuses any other direction (R7).
 */
@Component("createTransferRequest")
public class CreateTransferRequestDelegate implements JavaDelegate {

  /** Days the source partner has to act (R23). */
  public static final int EXPIRY_DAYS = 30;

  private static final Logger log = LoggerFactory.getLogger(CreateTransferRequestDelegate.class);

  private final PartnerCenter partnerCenter;
  private final PartnerProperties partner;

  /**
   * @param partnerCenter the Partner Center port
   * @param partner the operating partner, the transfer's target
   */
  public CreateTransferRequestDelegate(PartnerCenter partnerCenter, PartnerProperties partner) {
    this.partnerCenter = partnerCenter;
    this.partner = partner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = (String) execution.getVariable(CUSTOMER_TENANT_ID);
    String subscriptionId = (String) execution.getVariable(SUBSCRIPTION_ID);
    Optional<TransferEntity> open = partnerCenter.getTransfers(customerTenantId).stream()
        .filter(transfer -> TransferEntity.ACTIVE.equals(transfer.status()))
        .filter(transfer -> partner.tenantId().equals(transfer.targetPartnerTenantId()))
        .filter(transfer -> transfer.lineItemsOrEmpty().stream()
            .anyMatch(item -> subscriptionId.equalsIgnoreCase(item.subscriptionId())))
        .findFirst();
    TransferEntity transfer;
    try {
      transfer = open.isPresent() ? open.get() : partnerCenter.createTransfer(customerTenantId, TransferEntity.request(
          customerTenantId, (String) execution.getVariable(SOURCE_PARTNER_TENANT_ID), partner.tenantId(),
          List.of(subscriptionId)));
    } catch (MultiPartnerGuardException refusal) {
      throw MultiPartnerGuardErrors.refused(execution, refusal);
    }
    OffsetDateTime expires = transfer.expirationTime() != null ? transfer.expirationTime()
        : (transfer.createdTime() != null ? transfer.createdTime()
            : ClockUtil.getCurrentTime().toInstant().atOffset(java.time.ZoneOffset.UTC)).plusDays(EXPIRY_DAYS);
    execution.setVariable(TRANSFER_ID, transfer.id());
    execution.setVariable(TRANSFER_STATUS, transfer.status());
    execution.setVariable(TRANSFER_EXPIRES_AT, Date.from(expires.toInstant()));
    log.info("Process {}: transfer {} of subscription {} {} (expires {})", execution.getProcessInstanceId(),
        transfer.id(), subscriptionId, open.isPresent() ? "reused" : "requested", expires);
  }
}
