package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnerchannel.orchestrator.partnercenter.ResourceCollection;
import io.partnerchannel.orchestrator.partnercenter.TransferEligibility;
import io.partnerchannel.orchestrator.partnercenter.TransferEntity;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's partner-to-partner transfers ({@code /sandbox/v1/customers/{id}/transfers...}, reference §1.7,
 * §2.3; A14, A15): the future (target) partner checks eligibility and creates a transfer; the current
 * (source) partner — in the sandbox, whoever calls with that partner's bearer token — accepts it
 * ({@code POST .../transfers/{id}/accept}, or {@code PATCH .../transfers/{id}} with {@code {"status": "accept"}})
 * or rejects it ({@code PATCH} with {@code {"status": "reject"}}). Accepting moves the subscriptions to the
 * target partner (seller and {@code partnerId} on record) and raises {@code subscription-updated} for each.
 * An {@code Active} transfer expires 30 days after creation (R23).
 */
@RestController
@RequestMapping("/sandbox/v1/customers/{customerTenantId}")
@SandboxConfiguration
public class SandboxTransfersController {

  /** How long the source partner has to act (R23). */
  public static final int EXPIRY_DAYS = 30;
  /** The Partner Center event raised for each subscription a completed transfer moved (A16). */
  public static final String SUBSCRIPTION_UPDATED = "subscription-updated";
  private static final Set<String> NOT_TRANSFERABLE_STATUSES = Set.of("suspended", "deleted", "expired", "disabled");

  private final SandboxDirectory directory;
  private final SandboxCommerce commerce;
  private final SandboxCallers callers;
  private final SandboxEventQueue events;
  private final SandboxDocuments documents;

  /**
   * @param directory the sandbox world
   * @param commerce the commerce tables
   * @param callers identifies the calling partner
   * @param events queues the webhook events
   * @param documents reads and writes the stored resources
   */
  public SandboxTransfersController(SandboxDirectory directory, SandboxCommerce commerce, SandboxCallers callers,
      SandboxEventQueue events, SandboxDocuments documents) {
    this.directory = directory;
    this.commerce = commerce;
    this.callers = callers;
    this.events = events;
    this.documents = documents;
  }

  /**
   * {@code GET /v1/customers/{id}/transferseligibility?transferType=...}: in the target partner's view, one
   * entry per subscription another partner provides to the customer; suspended, deleted or expired ones and
   * those already in an active transfer are not eligible (R25).
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param transferType the transfer type, e.g. {@code NewCommerce}
   * @return a collection of {@code TransferEligibility}
   */
  @GetMapping("/transferseligibility")
  public ResourceCollection<TransferEligibility> eligibility(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @RequestParam(required = false) String transferType) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    List<TransferEligibility> items = directory.subscriptionsOf(customerTenantId).stream()
        .filter(subscription -> subscription.sellerPartnerId() != null && !subscription.sellerPartnerId().equals(caller.id()))
        .map(subscription -> {
          String reason = ineligibility(customerTenantId, subscription);
          SandboxPartner source = directory.partner(subscription.sellerPartnerId()).orElseThrow();
          return new TransferEligibility(subscription.id(), reason == null, reason, source.id(), source.name());
        })
        .toList();
    return SandboxDocuments.collection(items, "/customers/" + customerTenantId + "/transferseligibility");
  }

  /**
   * {@code POST /v1/customers/{id}/transfers} by the target partner: the caller must be the target, be in a
   * relationship with the customer (R24), and name eligible subscriptions of the source partner (R25).
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param request {@code {sourcePartnerTenantId, targetPartnerTenantId, transferType, lineItems[{subscriptionId}]}}
   * @return 201 with the {@code TransferEntity}, status {@code Active}
   */
  @PostMapping("/transfers")
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public ResponseEntity<TransferEntity> create(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @RequestBody TransferEntity request) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    if (!caller.id().equals(request.targetPartnerTenantId())) {
      throw new PartnerCenterApiException(HttpStatus.FORBIDDEN, SandboxCommerceController.FORBIDDEN,
          "Only the target partner creates a transfer request; targetPartnerTenantId must be the caller");
    }
    SandboxPartner source = request.sourcePartnerTenantId() == null ? null
        : directory.partner(request.sourcePartnerTenantId()).orElse(null);
    if (source == null || source.id().equals(caller.id())) {
      throw SandboxCommerceController.invalid("sourcePartnerTenantId must name another partner");
    }
    if (request.lineItemsOrEmpty().isEmpty()) {
      throw SandboxCommerceController.invalid("lineItems must name at least one subscription");
    }
    List<TransferEntity.LineItem> lines = new ArrayList<>();
    for (TransferEntity.LineItem item : request.lineItemsOrEmpty()) {
      SandboxSubscription subscription = commerce.subscription(customerTenantId, item.subscriptionId())
          .filter(candidate -> source.id().equals(candidate.sellerPartnerId()))
          .orElseThrow(() -> SandboxCommerceController.invalid(
              "Subscription " + item.subscriptionId() + " is not provided by " + source.id() + " to " + customerTenantId));
      String reason = ineligibility(customerTenantId, subscription);
      if (reason != null) {
        throw SandboxCommerceController.notAllowed(reason);
      }
      JsonNode document = documents.read(subscription.document());
      lines.add(new TransferEntity.LineItem(String.valueOf(lines.size()), subscription.id(),
          document.path("quantity").asInt(), document.path("billingCycle").asText(null),
          document.path("friendlyName").asText(null), document.path("partnerId").asText(null),
          document.path("offerId").asText(null), TransferEntity.ACTIVE, null));
    }
    OffsetDateTime now = SandboxDocuments.now();
    TransferEntity transfer = new TransferEntity(UUID.randomUUID().toString(), now, now, customerTenantId,
        directory.tenant(customerTenantId).map(SandboxTenant::companyName).orElse(null),
        source.id(), source.name(), caller.id(), caller.name(),
        request.transferType() == null ? TransferEntity.NEW_COMMERCE : request.transferType(),
        lines, TransferEntity.ACTIVE, now.plusDays(EXPIRY_DAYS), null, Map.of("objectType", "TransferEntity"));
    commerce.insertTransfer(new SandboxCommerce.StoredTransfer(transfer.id(), customerTenantId, source.id(), caller.id(),
        transfer.status(), documents.write(transfer), now));
    return ResponseEntity.status(HttpStatus.CREATED).body(transfer);
  }

  /**
   * {@code GET /v1/customers/{id}/transfers}: the transfers the caller is source or target of.
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @return a collection of {@code TransferEntity}, newest first
   */
  @GetMapping("/transfers")
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public ResourceCollection<TransferEntity> list(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    List<TransferEntity> items = commerce.transfers(customerTenantId).stream()
        .filter(transfer -> involves(transfer, caller))
        .map(this::current)
        .toList();
    return SandboxDocuments.collection(items, "/customers/" + customerTenantId + "/transfers");
  }

  /**
   * {@code GET /v1/customers/{id}/transfers/{transferId}}.
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param transferId the transfer
   * @return the {@code TransferEntity}; 404 when the caller takes no part in it
   */
  @GetMapping("/transfers/{transferId}")
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public TransferEntity get(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @PathVariable String transferId) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    return current(requireTransfer(caller, customerTenantId, transferId));
  }

  /**
   * {@code POST /v1/customers/{id}/transfers/{transferId}/accept} (A14) by the source partner.
   *
   * @param authorization the source partner's bearer token
   * @param customerTenantId the customer
   * @param transferId the transfer
   * @return the {@code TransferEntity}, now {@code Completed}
   */
  @PostMapping("/transfers/{transferId}/accept")
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public TransferEntity accept(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @PathVariable String transferId) {
    return decide(authorization, customerTenantId, transferId, true);
  }

  /**
   * {@code PATCH /v1/customers/{id}/transfers/{transferId}} (A14 reject, A15 update) by the source partner,
   * with {@code {"status": "accept"}} or {@code {"status": "reject"}}.
   *
   * @param authorization the source partner's bearer token
   * @param customerTenantId the customer
   * @param transferId the transfer
   * @param body {@code {"status"}}
   * @return the {@code TransferEntity}, now {@code Completed} or {@code Rejected}
   */
  @PatchMapping("/transfers/{transferId}")
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public TransferEntity update(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @PathVariable String transferId,
      @RequestBody ObjectNode body) {
    String status = body.path("status").asText("").toLowerCase(Locale.ROOT);
    return switch (status) {
      case "accept", "accepted", "completed" -> decide(authorization, customerTenantId, transferId, true);
      case "reject", "rejected" -> decide(authorization, customerTenantId, transferId, false);
      default -> throw SandboxCommerceController.invalid("status must be accept or reject");
    };
  }

  private TransferEntity decide(String authorization, String customerTenantId, String transferId, boolean accept) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    SandboxCommerce.StoredTransfer stored = requireTransfer(caller, customerTenantId, transferId);
    if (!caller.id().equals(stored.sourcePartnerId())) {
      throw new PartnerCenterApiException(HttpStatus.FORBIDDEN, SandboxCommerceController.FORBIDDEN,
          "Only the source partner " + stored.sourcePartnerId() + " can accept or reject transfer " + transferId);
    }
    TransferEntity transfer = current(stored);
    if (!TransferEntity.ACTIVE.equals(transfer.status())) {
      throw new PartnerCenterApiException(HttpStatus.CONFLICT, SandboxCommerceController.ACTION_NOT_ALLOWED,
          "Transfer " + transferId + " is " + transfer.status() + " and can no longer be accepted or rejected");
    }
    OffsetDateTime now = SandboxDocuments.now();
    String status = accept ? TransferEntity.COMPLETED : TransferEntity.REJECTED;
    if (accept) {
      SandboxPartner target = directory.partner(stored.targetPartnerId()).orElseThrow();
      for (TransferEntity.LineItem item : transfer.lineItemsOrEmpty()) {
        SandboxSubscription subscription = commerce.subscription(customerTenantId, item.subscriptionId()).orElseThrow();
        ObjectNode document = (ObjectNode) documents.read(subscription.document());
        document.put("partnerId", target.mpnId());
        commerce.updateSubscription(subscription.id(), target.id(), "CSP_PARTNER", document.toString());
        events.enqueue(SUBSCRIPTION_UPDATED, "/v1/customers/" + customerTenantId + "/subscriptions/" + subscription.id(),
            "subscription");
      }
    }
    List<TransferEntity.LineItem> lines = transfer.lineItemsOrEmpty().stream()
        .map(item -> new TransferEntity.LineItem(item.id(), item.subscriptionId(), item.quantity(), item.billingCycle(),
            item.friendlyName(), item.partnerIdOnRecord(), item.offerId(), status, null))
        .toList();
    TransferEntity decided = new TransferEntity(transfer.id(), transfer.createdTime(), now, transfer.customerTenantId(),
        transfer.customerName(), transfer.sourcePartnerTenantId(), transfer.sourcePartnerName(),
        transfer.targetPartnerTenantId(), transfer.targetPartnerName(), transfer.transferType(), lines, status,
        transfer.expirationTime(), accept ? now : null, transfer.attributes());
    commerce.updateTransfer(transferId, status, documents.write(decided));
    return decided;
  }

  /** The transfer as it stands now: an {@code Active} one past its expiration time is {@code Expired} (R23). */
  private TransferEntity current(SandboxCommerce.StoredTransfer stored) {
    TransferEntity transfer = documents.read(stored.document(), TransferEntity.class);
    if (TransferEntity.ACTIVE.equals(transfer.status()) && transfer.expirationTime() != null
        && SandboxDocuments.now().isAfter(transfer.expirationTime())) {
      TransferEntity expired = new TransferEntity(transfer.id(), transfer.createdTime(), transfer.expirationTime(),
          transfer.customerTenantId(), transfer.customerName(), transfer.sourcePartnerTenantId(),
          transfer.sourcePartnerName(), transfer.targetPartnerTenantId(), transfer.targetPartnerName(),
          transfer.transferType(), transfer.lineItems(), TransferEntity.EXPIRED, transfer.expirationTime(), null,
          transfer.attributes());
      commerce.updateTransfer(transfer.id(), TransferEntity.EXPIRED, documents.write(expired));
      return expired;
    }
    return transfer;
  }

  /** Why a subscription cannot be transferred now (R25), or null when it can. */
  private String ineligibility(String customerTenantId, SandboxSubscription subscription) {
    String status = documents.read(subscription.document()).path("status").asText("").toLowerCase(Locale.ROOT);
    if (NOT_TRANSFERABLE_STATUSES.contains(status)) {
      return "Subscription " + subscription.id() + " is " + status + " and cannot be transferred (R25)";
    }
    boolean inTransfer = commerce.transfers(customerTenantId).stream()
        .map(this::current)
        .filter(transfer -> TransferEntity.ACTIVE.equals(transfer.status()))
        .flatMap(transfer -> transfer.lineItemsOrEmpty().stream())
        .anyMatch(item -> subscription.id().equals(item.subscriptionId()));
    return inTransfer ? "Subscription " + subscription.id() + " is already part of another transfer (R25)" : null;
  }

  private SandboxCommerce.StoredTransfer requireTransfer(SandboxPartner caller, String customerTenantId, String transferId) {
    return commerce.transfer(customerTenantId, transferId)
        .filter(transfer -> involves(transfer, caller))
        .orElseThrow(() -> SandboxCommerceController.notFound("Transfer " + transferId + " was not found"));
  }

  private static boolean involves(SandboxCommerce.StoredTransfer transfer, SandboxPartner caller) {
    return caller.id().equals(transfer.sourcePartnerId()) || caller.id().equals(transfer.targetPartnerId());
  }

  private void requireRelationship(SandboxPartner caller, String customerTenantId) {
    if (directory.relationship(customerTenantId, caller.id()).isEmpty()) {
      throw SandboxCommerceController.notFound("Customer " + customerTenantId + " was not found for partner " + caller.id()
          + "; the customer must first have a relationship with the target partner (R24)");
    }
  }





}
