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
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerProperties;
import io.partnerchannel.orchestrator.partnercenter.TransferEntity;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Create transfer request": asks the current partner to transfer subscriptions to us, as new commerce does it
 * (create-a-transfer: {@code POST /v1/customers/{id}/transfers} with the source partner, the customer's e-mail, us as
 * target, {@code targetProductTypes} [{@code transferProductType}] and {@code transferType} 5; no line items, the
 * source partner adds them and accepts, R23, R24). The transfer expires after 30 days (R23), which sets
 * {@code transferExpiresAt}. Idempotent: a pending ({@code Active} or {@code InProgress}) transfer from the same
 * source partner to us for the same product type is reused (the source partner adds every subscription to it). The multi-partner guard refuses any other direction (R7).
 */
@Component("createTransferRequest")
class CreateTransferRequestDelegate implements JavaDelegate {

  /** Days the source partner has to act (R23). */
  public static final int EXPIRY_DAYS = 30;

  private static final Set<String> PENDING = Set.of(TransferEntity.ACTIVE, TransferEntity.IN_PROGRESS);
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
    String customerTenantId = CUSTOMER_TENANT_ID.from(execution).get();
    String source = SOURCE_PARTNER_TENANT_ID.from(execution).get();
    String productType = TRANSFER_PRODUCT_TYPE.from(execution).get();
    Optional<TransferEntity> open = partnerCenter.getTransfers(customerTenantId).stream()
        .filter(transfer -> PENDING.contains(transfer.status()))
        .filter(transfer -> partner.tenantId().equalsIgnoreCase(transfer.targetPartnerTenantId()))
        .filter(transfer -> source.equalsIgnoreCase(transfer.sourcePartnerTenantId()))
        .filter(transfer -> transfer.targetProductTypes() == null || transfer.targetProductTypes().contains(productType))
        .findFirst();
    TransferEntity transfer;
    try {
      transfer = open.isPresent() ? open.get() : partnerCenter.createTransfer(customerTenantId, TransferEntity.request(
          source, SOURCE_PARTNER_NAME.from(execution).getOrNull(), CUSTOMER_EMAIL.from(execution).getOrNull(),
          COMPANY_NAME.from(execution).getOrNull(), partner.tenantId(), productType));
    } catch (MultiPartnerGuardException refusal) {
      throw MultiPartnerGuardErrors.refused(execution, refusal);
    }
    OffsetDateTime expires = transfer.expirationTime() != null ? transfer.expirationTime()
        : (transfer.createdTime() != null ? transfer.createdTime()
            : ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC)).plusDays(EXPIRY_DAYS);
    TRANSFER_ID.on(execution).set(transfer.id());
    TRANSFER_STATUS.on(execution).set(transfer.status());
    TRANSFER_EXPIRES_AT.on(execution).set(Date.from(expires.toInstant()));
    log.info("Process {}: transfer {} from {} {} (expires {})", execution.getProcessInstanceId(), transfer.id(), source,
        open.isPresent() ? "reused" : "requested", expires);
  }
}
