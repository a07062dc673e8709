package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * The sandbox's partner-to-partner transfers ({@code /sandbox/v1/customers/{id}/transfers...}) in the documented
 * new-commerce flow (create-a-transfer, update-a-transfer, transfer-entity-resources):
 * <ol>
 *   <li>the target (future) partner creates the transfer: {@code POST .../transfers} with
 *       {@code sourcePartnerTenantId}, {@code sourcePartnerName}, {@code customerEmailId} (required),
 *       {@code targetPartnerTenantId}, {@code targetProductTypes}, {@code transferType} 3 or 5; no line items;
 *       → {@code 201}, status {@code Active};</li>
 *   <li>the source (current) partner — in the sandbox, whoever calls with its bearer token — adds line items:
 *       {@code PATCH .../transfers/{id}} with {@code {"lineItems": [{"subscriptionId"}]}} (its own, eligible
 *       subscriptions, R25; get-customer-s-subscriptions-transfer-eligibility answers a bare array), then submits
 *       it: the legacy {@code POST .../transfers/{id}/accept} completes it at once and answers a
 *       {@code TransferSubmitResult}; {@code PATCH} with {@code {"status": "Accept"}} answers the transfer
 *       {@code InProgress}, completed when read a minute later. On completion the subscriptions move to the target
 *       (seller and {@code partnerId}) and {@code subscription-updated} is raised for each;</li>
 *   <li>the target may cancel while {@code Active}: {@code PATCH} with {@code {"status": "Cancel"}}.</li>
 * </ol>
 * Property names are read ignoring case. An {@code Active} transfer is {@code Expired} 30 days after creation (R23;
 * the status name is the sandbox's: the docs list none for it, nor for a cancelled transfer, {@code Canceled} here).
 */
@RestController
@RequestMapping("/sandbox/v1/customers/{customerTenantId}")
@SandboxConfiguration
class SandboxTransfersController {

  /** How long the source partner has to act (R23). */
  public static final int EXPIRY_DAYS = 30;
  /** The Partner Center event raised for each subscription a completed transfer moved (A16). */
  public static final String SUBSCRIPTION_UPDATED = "subscription-updated";
  /** Documented status of a pending transfer. */
  public static final String ACTIVE = "Active";
  /** Documented status of a submitted transfer being processed. */
  public static final String IN_PROGRESS = "InProgress";
  /** Documented status of a completed transfer. */
  public static final String COMPLETED = "Completed";
  /** The sandbox's status of a transfer its target cancelled. */
  public static final String CANCELED = "Canceled";
  /** The sandbox's status of a transfer nobody acted on within 30 days. */
  public static final String EXPIRED = "Expired";
  private static final Set<String> NOT_TRANSFERABLE_STATUSES = Set.of("suspended", "deleted", "expired", "disabled");
  private static final Set<String> TRANSFER_TYPES = Set.of("3", "5");
  private static final Set<String> PRODUCT_TYPES =
      Set.of("AzureSubscription", "AzureReservation", "AzureSavingsPlan", "OnlineServicesNCE", "Software", "SaaS");

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
   * {@code GET /v1/customers/{id}/transferseligibility?transferType=...} (get-customer-s-subscriptions-transfer-eligibility):
   * the caller's own subscriptions of the customer, each {@code {id, isEligible, reason?}}; suspended, deleted,
   * expired or disabled ones and those in another pending transfer are not eligible (R25).
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param transferType the transfer type, required
   * @return a bare JSON array
   */
  @GetMapping("/transferseligibility")
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public ArrayNode eligibility(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @RequestParam(required = false) String transferType) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    if (transferType == null || transferType.isBlank()) {
      throw SandboxCommerceController.invalid("transferType is required");
    }
    ArrayNode answer = JsonNodeFactory.instance.arrayNode();
    for (SandboxSubscription subscription : directory.subscriptionsOf(customerTenantId)) {
      if (!caller.id().equals(subscription.sellerPartnerId())) {
        continue;
      }
      String reason = ineligibility(customerTenantId, subscription, null);
      ObjectNode entry = answer.addObject().put("id", subscription.id()).put("isEligible", reason == null);
      if (reason != null) {
        entry.put("reason", reason);
      }
    }
    return answer;
  }

  /**
   * {@code POST /v1/customers/{id}/transfers} by the target partner (create-a-transfer).
   *
   * @param authorization the target partner's bearer token
   * @param customerTenantId the customer, in a relationship with the caller (R24)
   * @param request the TransferEntity as documented
   * @return 201 with the transfer, status {@code Active}, no line items
   */
  @PostMapping("/transfers")
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public ResponseEntity<ObjectNode> create(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @RequestBody ObjectNode request) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    String target = SandboxJson.text(request, "targetPartnerTenantId");
    if (target != null && !caller.id().equalsIgnoreCase(target)) {
      throw new PartnerCenterApiException(HttpStatus.FORBIDDEN, SandboxCommerceController.FORBIDDEN,
          "Only the target partner creates a transfer request; targetPartnerTenantId must be the caller");
    }
    String sourceId = SandboxJson.text(request, "sourcePartnerTenantId");
    SandboxPartner source = sourceId == null ? null : directory.partner(sourceId.toLowerCase(Locale.ROOT)).orElse(null);
    if (source == null || source.id().equals(caller.id())) {
      throw SandboxCommerceController.invalid("sourcePartnerTenantId must name another partner");
    }
    String sourceName = SandboxJson.text(request, "sourcePartnerName");
    if (sourceName == null) {
      throw SandboxCommerceController.invalid("sourcePartnerName is required");
    }
    String email = SandboxJson.text(request, "customerEmailId");
    if (email == null || !email.contains("@")) {
      throw SandboxCommerceController.invalid("customerEmailId is required (an e-mail address)");
    }
    String transferType = SandboxJson.text(request, "transferType");
    if (transferType == null || !TRANSFER_TYPES.contains(transferType)) {
      throw SandboxCommerceController.invalid("transferType must be 3 (ModernAzure) or 5 (NewCommerce)");
    }
    JsonNode productTypes = SandboxJson.field(request, "targetProductTypes");
    if (!productTypes.isMissingNode() && !productTypes.isNull()) {
      if (!productTypes.isArray()) {
        throw SandboxCommerceController.invalid("targetProductTypes must be an array");
      }
      for (JsonNode type : productTypes) {
        if (!PRODUCT_TYPES.contains(type.asText())) {
          throw SandboxCommerceController.invalid("targetProductTypes: unknown type " + type.asText());
        }
      }
    }
    JsonNode lines = SandboxJson.field(request, "lineItems");
    if (lines.isArray() && !lines.isEmpty()) {
      throw SandboxCommerceController.invalid("lineItems are added by the source partner, not in the target's request");
    }
    OffsetDateTime now = SandboxDocuments.now();
    String id = UUID.randomUUID().toString();
    ObjectNode transfer = SandboxJson.object();
    transfer.put("id", id).put("status", ACTIVE).put("transferType", transferType).put("customerEmailId", email)
        .put("createdTime", now.toString()).put("lastModifiedTime", now.toString())
        .put("customerName", directory.tenant(customerTenantId).map(SandboxTenant::companyName)
            .orElse(SandboxJson.text(request, "customerName")))
        .put("customerTenantId", customerTenantId).put("partnertenantid", caller.id())
        .put("sourcePartnerName", sourceName).put("sourcePartnerTenantId", source.id())
        .put("targetPartnerName", caller.name()).put("targetPartnerTenantId", caller.id());
    if (productTypes.isArray()) {
      transfer.set("targetProductTypes", productTypes.deepCopy());
    }
    transfer.putArray("lineItems");
    transfer.putObject("links").set("self", SandboxJson.link("/customers/" + customerTenantId + "/transfers/" + id));
    transfer.putObject("attributes").put("objectType", "TransferEntity");
    commerce.insertTransfer(new SandboxCommerce.StoredTransfer(id, customerTenantId, source.id(), caller.id(), ACTIVE,
        transfer.toString(), now));
    return ResponseEntity.status(HttpStatus.CREATED).body(transfer);
  }

  /**
   * {@code GET /v1/customers/{id}/transfers} (get-all-of-a-customer-s-transfers): those the caller is source or
   * target of.
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @return a bare JSON array of TransferEntity, newest first, as documented
   */
  @GetMapping("/transfers")
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public ArrayNode list(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    ArrayNode items = JsonNodeFactory.instance.arrayNode();
    commerce.transfers(customerTenantId).stream()
        .filter(transfer -> involves(transfer, caller))
        .map(this::current)
        .forEach(items::add);
    return items;
  }

  /**
   * {@code GET /v1/customers/{id}/transfers/{transferId}} (get-transfer-by-id).
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param transferId the transfer
   * @return the TransferEntity; 404 when the caller takes no part in it
   */
  @GetMapping("/transfers/{transferId}")
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public ObjectNode get(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @PathVariable String transferId) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    return current(requireTransfer(caller, customerTenantId, transferId));
  }

  /**
   * {@code POST /v1/customers/{id}/transfers/{transferId}/accept} (accept-a-transfer) by the source partner.
   *
   * @param authorization the source partner's bearer token
   * @param customerTenantId the customer
   * @param transferId the transfer, with line items
   * @return the {@code TransferSubmitResult} {@code {orders, transferErrors, attributes}}
   */
  @PostMapping("/transfers/{transferId}/accept")
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public ObjectNode accept(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @PathVariable String transferId) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    SandboxCommerce.StoredTransfer stored = requireTransfer(caller, customerTenantId, transferId);
    submit(caller, stored);
    ObjectNode transfer = complete(commerce.transfer(customerTenantId, transferId).orElseThrow());
    ObjectNode result = SandboxJson.object();
    ArrayNode orders = result.putArray("orders");
    for (JsonNode line : transfer.withArray("lineItems")) {
      ObjectNode order = orders.addObject();
      String orderId = UUID.randomUUID().toString();
      order.put("id", orderId).put("alternateId", orderId).put("referenceCustomerId", customerTenantId)
          .put("billingCycle", line.path("billingCycle").asText(null)).put("currencyCode", "USD");
      order.putArray("lineItems").addObject()
          .put("lineItemNumber", 0)
          .put("offerId", line.path("offerId").asText(null))
          .put("subscriptionId", line.path("subscriptionId").asText(null))
          .put("termDuration", line.path("termDuration").asText(null))
          .put("transactionType", "New")
          .put("friendlyName", line.path("friendlyName").asText(null))
          .put("quantity", line.path("quantity").asInt())
          .put("partnerIdOnRecord", line.path("partnerIdOnRecord").asText(null));
      order.put("creationDate", SandboxDocuments.now().toString()).put("status", "completed")
          .put("transactionType", "UserPurchase");
      order.putObject("attributes").put("objectType", "Order");
    }
    result.putArray("transferErrors");
    result.putObject("attributes").put("objectType", "TransferSubmitResult");
    return result;
  }

  /**
   * {@code PATCH /v1/customers/{id}/transfers/{transferId}} (update-a-transfer): the target cancels with
   * {@code {"status": "Cancel"}}; the source adds {@code lineItems} and submits with {@code {"status": "Accept"}}.
   *
   * @param authorization bearer token of the target or the source
   * @param customerTenantId the customer
   * @param transferId the transfer
   * @param body the TransferEntity changes
   * @return the transfer as it now stands
   */
  @PatchMapping("/transfers/{transferId}")
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public ObjectNode update(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @PathVariable String transferId,
      @RequestBody ObjectNode body) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    SandboxCommerce.StoredTransfer stored = requireTransfer(caller, customerTenantId, transferId);
    String status = SandboxJson.text(body, "status");
    JsonNode lines = SandboxJson.field(body, "lineItems");
    if ("Cancel".equalsIgnoreCase(status)) {
      return cancel(caller, stored);
    }
    ObjectNode transfer = current(stored);
    if (lines.isArray() && !lines.isEmpty()) {
      transfer = addLineItems(caller, stored, transfer, lines);
    }
    if ("Accept".equalsIgnoreCase(status)) {
      return submit(caller, commerce.transfer(customerTenantId, transferId).orElseThrow());
    }
    if (status != null && !ACTIVE.equalsIgnoreCase(status)) {
      throw SandboxCommerceController.invalid("status must be Cancel (target) or Accept (source)");
    }
    if (!lines.isArray() || lines.isEmpty()) {
      throw SandboxCommerceController.invalid("Nothing to update: send status Cancel or Accept, or lineItems");
    }
    return transfer;
  }

  private ObjectNode cancel(SandboxPartner caller, SandboxCommerce.StoredTransfer stored) {
    if (!caller.id().equals(stored.targetPartnerId())) {
      throw new PartnerCenterApiException(HttpStatus.FORBIDDEN, SandboxCommerceController.FORBIDDEN,
          "Only the target partner that created transfer " + stored.id() + " can cancel it");
    }
    ObjectNode transfer = current(stored);
    if (!ACTIVE.equals(transfer.path("status").asText())) {
      throw new PartnerCenterApiException(HttpStatus.CONFLICT, SandboxCommerceController.ACTION_NOT_ALLOWED,
          "Transfer " + stored.id() + " is " + transfer.path("status").asText() + "; only a pending transfer can be canceled");
    }
    transfer.put("status", CANCELED).put("lastModifiedTime", SandboxDocuments.now().toString());
    commerce.updateTransfer(stored.id(), CANCELED, transfer.toString());
    return transfer;
  }

  private ObjectNode addLineItems(SandboxPartner caller, SandboxCommerce.StoredTransfer stored, ObjectNode transfer,
      JsonNode requested) {
    requireSource(caller, stored);
    requireActive(stored, transfer);
    ArrayNode lines = transfer.putArray("lineItems");
    for (JsonNode item : requested) {
      String subscriptionId = SandboxJson.text(item, "subscriptionId");
      SandboxSubscription subscription = subscriptionId == null ? null
          : commerce.subscription(stored.customerTenantId(), subscriptionId)
              .filter(candidate -> caller.id().equals(candidate.sellerPartnerId()))
              .orElse(null);
      if (subscription == null) {
        throw SandboxCommerceController.invalid("lineItems[" + lines.size() + "].subscriptionId must be one of the"
            + " source partner's subscriptions of customer " + stored.customerTenantId());
      }
      String reason = ineligibility(stored.customerTenantId(), subscription, stored.id());
      if (reason != null) {
        throw SandboxCommerceController.notAllowed(reason);
      }
      JsonNode document = documents.read(subscription.document());
      lines.addObject()
          .put("id", lines.size())
          .put("subscriptionId", subscription.id())
          .put("offerId", document.path("offerId").asText(null))
          .put("billingCycle", document.path("billingCycle").asText(null))
          .put("friendlyName", document.path("friendlyName").asText(null))
          .put("quantity", document.path("quantity").asInt())
          .put("partnerIdOnRecord", document.path("partnerId").asText(null))
          .put("termDuration", document.path("termDuration").asText(null))
          .putArray("addonItems");
    }
    transfer.put("lastModifiedTime", SandboxDocuments.now().toString());
    commerce.updateTransfer(stored.id(), ACTIVE, transfer.toString());
    return transfer;
  }

  /** The source partner submits: {@code InProgress} now, {@code Completed} on the next read. */
  private ObjectNode submit(SandboxPartner caller, SandboxCommerce.StoredTransfer stored) {
    requireSource(caller, stored);
    ObjectNode transfer = current(stored);
    requireActive(stored, transfer);
    if (transfer.withArray("lineItems").isEmpty()) {
      throw SandboxCommerceController.notAllowed("Transfer " + stored.id() + " has no line items; the source partner"
          + " adds them before accepting");
    }
    transfer.put("status", IN_PROGRESS).put("lastModifiedTime", SandboxDocuments.now().toString());
    commerce.updateTransfer(stored.id(), IN_PROGRESS, transfer.toString());
    return transfer;
  }

  /**
   * The transfer as it stands now: an {@code InProgress} one submitted more than a minute ago completes, an
   * {@code Active} one past 30 days expires (R23).
   */
  private ObjectNode current(SandboxCommerce.StoredTransfer stored) {
    ObjectNode transfer = (ObjectNode) documents.read(stored.document());
    String status = transfer.path("status").asText();
    OffsetDateTime now = SandboxDocuments.now();
    if (IN_PROGRESS.equals(status)
        && now.isAfter(OffsetDateTime.parse(transfer.path("lastModifiedTime").asText()).plusMinutes(1))) {
      return complete(stored);
    }
    if (ACTIVE.equals(status) && now.isAfter(stored.createdAt().plusDays(EXPIRY_DAYS))) {
      transfer.put("status", EXPIRED).put("lastModifiedTime", now.toString());
      commerce.updateTransfer(stored.id(), EXPIRED, transfer.toString());
    }
    return transfer;
  }

  /** Completes a submitted transfer: its subscriptions move to the target, {@code subscription-updated} for each. */
  private ObjectNode complete(SandboxCommerce.StoredTransfer stored) {
    ObjectNode transfer = (ObjectNode) documents.read(stored.document());
    OffsetDateTime now = SandboxDocuments.now();
    SandboxPartner target = directory.partner(stored.targetPartnerId()).orElseThrow();
    for (JsonNode line : transfer.withArray("lineItems")) {
      SandboxSubscription subscription = commerce.subscription(stored.customerTenantId(),
          line.path("subscriptionId").asText()).orElseThrow();
      ObjectNode document = (ObjectNode) documents.read(subscription.document());
      document.put("partnerId", target.mpnId());
      commerce.updateSubscription(subscription.id(), target.id(), "CSP_PARTNER", document.toString());
      ((ObjectNode) line).put("status", COMPLETED);
      events.enqueue(SUBSCRIPTION_UPDATED, SandboxEvent.subscriptionUri(stored.customerTenantId(), subscription.id()),
          "subscription");
    }
    transfer.put("status", COMPLETED).put("lastModifiedTime", now.toString()).put("completedTime", now.toString());
    commerce.updateTransfer(stored.id(), COMPLETED, transfer.toString());
    return transfer;
  }

  /** Why a subscription cannot be transferred now (R25), or null when it can. */
  private String ineligibility(String customerTenantId, SandboxSubscription subscription, String exceptTransferId) {
    String status = documents.read(subscription.document()).path("status").asText("").toLowerCase(Locale.ROOT);
    if (NOT_TRANSFERABLE_STATUSES.contains(status)) {
      return "Subscription: " + subscription.id() + " is in state: " + status;
    }
    List<String> other = new ArrayList<>();
    commerce.transfers(customerTenantId).stream()
        .filter(transfer -> !transfer.id().equals(exceptTransferId))
        .filter(transfer -> ACTIVE.equals(transfer.status()) || IN_PROGRESS.equals(transfer.status()))
        .filter(transfer -> documents.read(transfer.document()).path("lineItems").findValuesAsText("subscriptionId")
            .contains(subscription.id()))
        .forEach(transfer -> other.add(transfer.id()));
    return other.isEmpty() ? null
        : "subscription is already part of another transfer request id : " + other.get(0);
  }

  private static void requireSource(SandboxPartner caller, SandboxCommerce.StoredTransfer stored) {
    if (!caller.id().equals(stored.sourcePartnerId())) {
      throw new PartnerCenterApiException(HttpStatus.FORBIDDEN, SandboxCommerceController.FORBIDDEN,
          "Only the source partner " + stored.sourcePartnerId() + " adds line items to and accepts transfer " + stored.id());
    }
  }

  private static void requireActive(SandboxCommerce.StoredTransfer stored, ObjectNode transfer) {
    if (!ACTIVE.equals(transfer.path("status").asText())) {
      throw new PartnerCenterApiException(HttpStatus.CONFLICT, SandboxCommerceController.ACTION_NOT_ALLOWED,
          "Transfer " + stored.id() + " is " + transfer.path("status").asText() + " and can no longer be changed");
    }
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
