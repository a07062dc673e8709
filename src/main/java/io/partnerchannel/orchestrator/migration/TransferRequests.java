package io.partnerchannel.orchestrator.migration;

import io.partnerchannel.orchestrator.partnercenter.MultiPartnerGuardException;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerProperties;
import io.partnerchannel.orchestrator.partnercenter.TransferEntity;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Transfer requests from another partner to this one, as new commerce makes them (create-a-transfer:
 * {@code POST /v1/customers/{id}/transfers} with the source partner, the customer's e-mail, us as target,
 * {@code targetProductTypes} and {@code transferType} 5; no line items: the source partner adds them and accepts, R23,
 * R24). A transfer expires after {@value #EXPIRY_DAYS} days (R23).
 */
@Component
public class TransferRequests {

  /** Days the source partner has to act (R23). */
  public static final int EXPIRY_DAYS = 30;

  private static final Set<String> PENDING = Set.of(TransferEntity.ACTIVE, TransferEntity.IN_PROGRESS);

  private final PartnerCenter partnerCenter;
  private final PartnerProperties partner;

  /**
   * @param partnerCenter the Partner Center port
   * @param partner the operating partner, the transfers' target
   */
  public TransferRequests(PartnerCenter partnerCenter, PartnerProperties partner) {
    this.partnerCenter = partnerCenter;
    this.partner = partner;
  }

  /**
   * A transfer request and when it expires.
   *
   * @param transfer the transfer as Partner Center answers it
   * @param reused whether it was pending already (the source partner adds every subscription to it)
   * @param expiresAt its expiration time, else created + {@value #EXPIRY_DAYS} days
   */
  public record Requested(TransferEntity transfer, boolean reused, OffsetDateTime expiresAt) {}

  /**
   * Idempotent: a pending ({@code Active} or {@code InProgress}) transfer from the same source partner to us for the
   * same product type is reused.
   *
   * @param customerTenantId the customer
   * @param source the partner providing the subscriptions today (tenant id)
   * @param sourceName its name
   * @param customerEmail the customer's e-mail Partner Center notifies
   * @param customerName the customer's company name, may be null
   * @param productType {@link TransferEntity#AZURE_SUBSCRIPTION} or {@link TransferEntity#ONLINE_SERVICES_NCE}
   * @return the transfer
   * @throws MultiPartnerGuardException when the transfer would not move subscriptions to us (R7)
   */
  public Requested request(String customerTenantId, String source, String sourceName, String customerEmail,
      String customerName, String productType) {
    Optional<TransferEntity> open = partnerCenter.getTransfers(customerTenantId).stream()
        .filter(transfer -> PENDING.contains(transfer.status()))
        .filter(transfer -> partner.tenantId().equalsIgnoreCase(transfer.targetPartnerTenantId()))
        .filter(transfer -> source.equalsIgnoreCase(transfer.sourcePartnerTenantId()))
        .filter(transfer -> transfer.targetProductTypes() == null || transfer.targetProductTypes().contains(productType))
        .findFirst();
    TransferEntity transfer = open.orElseGet(() -> partnerCenter.createTransfer(customerTenantId, TransferEntity.request(
        source, sourceName, customerEmail, customerName, partner.tenantId(), productType)));
    OffsetDateTime expires = transfer.expirationTime() != null ? transfer.expirationTime()
        : (transfer.createdTime() != null ? transfer.createdTime()
            : ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC)).plusDays(EXPIRY_DAYS);
    return new Requested(transfer, open.isPresent(), expires);
  }
}
