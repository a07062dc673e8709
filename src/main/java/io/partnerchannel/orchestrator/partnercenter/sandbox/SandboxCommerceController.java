package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnerchannel.orchestrator.partnercenter.AgreementMetaData;
import io.partnerchannel.orchestrator.partnercenter.AzureEntitlement;
import io.partnerchannel.orchestrator.partnercenter.Cart;
import io.partnerchannel.orchestrator.partnercenter.CustomerAgreement;
import io.partnerchannel.orchestrator.partnercenter.MpnProfile;
import io.partnerchannel.orchestrator.partnercenter.ResourceCollection;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
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
 * The sandbox's Partner Center commerce API ({@code /sandbox/v1/...}) for the multi-channel migrations, with
 * Partner Center's JSON shapes and status codes (reference §2.1, §2.2): MPN profile, Microsoft Customer
 * Agreement confirmation, carts and checkout, one subscription, Azure subscriptions under a subscription and
 * their cancellation, and subscription updates (suspend).
 *
 * <p>Visibility: a partner in a relationship with the customer sees every subscription of that customer by
 * id — its own, the customer's other channels (Advisor, Open, EA, Microsoft direct) and other partners'
 * (multi-partner view, {@code partnerId} names the partner of record). It may change its own subscriptions
 * and the Azure services of the customer's non-CSP channels (the cancel-and-recreate path, R3, which in
 * reality the customer performs in its Azure or EA portal); another partner's subscriptions answer 403.
 */
@RestController
@RequestMapping("/sandbox/v1")
@SandboxConfiguration
public class SandboxCommerceController {

  /** Error code of a refused commerce action (sandbox: Partner Center's "action not allowed"). */
  public static final String ACTION_NOT_ALLOWED = "600006";
  /** Error code of a write to another partner's subscription. */
  public static final String FORBIDDEN = "403";
  private static final String AZURE_PLAN_PRODUCT = "DZH318Z0BPS6";
  private static final String LEGACY_AZURE_OFFER = "MS-AZR-0145P";
  private static final String MCA_TEMPLATE_ID = "117a77b0-9360-443b-8795-c6dedc750cf9";
  private static final String MCA_LINK = "https://aka.ms/customeragreement";
  private static final Set<String> SETTABLE_STATUSES = Set.of("active", "suspended");

  private final SandboxDirectory directory;
  private final SandboxCommerce commerce;
  private final SandboxCallers callers;
  private final SandboxDocuments documents;

  /**
   * @param directory the sandbox world
   * @param commerce the commerce tables
   * @param callers identifies the calling partner
   * @param documents reads and writes the stored resources
   */
  public SandboxCommerceController(
      SandboxDirectory directory, SandboxCommerce commerce, SandboxCallers callers, SandboxDocuments documents) {
    this.directory = directory;
    this.commerce = commerce;
    this.callers = callers;
    this.documents = documents;
  }

  /**
   * {@code GET /v1/profiles/mpn}.
   *
   * @param authorization bearer token
   * @return {@code {"partnerName", "mpnId", "profileType": "MpnProfile", "attributes"}}
   */
  @GetMapping("/profiles/mpn")
  public MpnProfile mpnProfile(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    return new MpnProfile(caller.name(), caller.mpnId(), "MpnProfile", Map.of("objectType", "MpnProfile"));
  }

  /**
   * {@code GET /v1/agreements?agreementType=MicrosoftCustomerAgreement} (A10): the current MCA template.
   *
   * @param authorization bearer token
   * @param agreementType the agreement type
   * @return a collection of {@code AgreementMetaData}, empty for other types
   */
  @GetMapping("/agreements")
  public ResourceCollection<AgreementMetaData> agreementMetaData(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestParam(required = false) String agreementType) {
    callers.partnerCenterCaller(authorization);
    List<AgreementMetaData> items = agreementType == null
        || CustomerAgreement.MICROSOFT_CUSTOMER_AGREEMENT.equalsIgnoreCase(agreementType)
        ? List.of(new AgreementMetaData(MCA_TEMPLATE_ID, CustomerAgreement.MICROSOFT_CUSTOMER_AGREEMENT, MCA_LINK, 0,
            Map.of("objectType", "AgreementMetaData")))
        : List.of();
    return SandboxDocuments.collection(items, "/agreements");
  }

  /**
   * {@code GET /v1/customers/{id}/agreements?agreementType=...} (A10): the calling partner's confirmations.
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param agreementType the agreement type, default {@code MicrosoftCustomerAgreement}
   * @return a collection of {@code Agreement}
   */
  @GetMapping("/customers/{customerTenantId}/agreements")
  public ResourceCollection<JsonNode> customerAgreements(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @RequestParam(required = false) String agreementType) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    String type = agreementType == null ? CustomerAgreement.MICROSOFT_CUSTOMER_AGREEMENT : agreementType;
    List<JsonNode> items = commerce.agreements(customerTenantId, caller.id(), type).stream().map(json -> documents.read(json)).toList();
    return SandboxDocuments.collection(items, "/customers/" + customerTenantId + "/agreements");
  }

  /**
   * {@code POST /v1/customers/{id}/agreements} (A10): confirms the customer's acceptance of the MCA.
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param agreement {@code {primaryContact{firstName,lastName,email}, templateId, dateAgreed, type}}
   * @return 201 with the stored {@code Agreement}
   */
  @PostMapping("/customers/{customerTenantId}/agreements")
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public ResponseEntity<CustomerAgreement> createCustomerAgreement(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @RequestBody CustomerAgreement agreement) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    CustomerAgreement.Contact contact = agreement.primaryContact();
    if (contact == null || blank(contact.firstName()) || blank(contact.lastName()) || blank(contact.email())) {
      throw invalid("primaryContact needs firstName, lastName and email");
    }
    if (!MCA_TEMPLATE_ID.equals(agreement.templateId())) {
      throw invalid("templateId must be a template of GET /v1/agreements?agreementType=MicrosoftCustomerAgreement");
    }
    if (!CustomerAgreement.MICROSOFT_CUSTOMER_AGREEMENT.equalsIgnoreCase(agreement.type())) {
      throw invalid("type must be MicrosoftCustomerAgreement");
    }
    if (blank(agreement.dateAgreed())) {
      throw invalid("dateAgreed is required");
    }
    CustomerAgreement stored = new CustomerAgreement(contact, agreement.templateId(), agreement.dateAgreed(),
        CustomerAgreement.MICROSOFT_CUSTOMER_AGREEMENT, MCA_LINK, Map.of("objectType", "Agreement"));
    commerce.insertAgreement(customerTenantId, caller.id(), stored.type(), documents.write(stored), SandboxDocuments.now());
    return ResponseEntity.status(HttpStatus.CREATED).body(stored);
  }

  /**
   * {@code POST /v1/customers/{id}/carts} (A11).
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param cart {@code {lineItems: [{id, catalogItemId, friendlyName?, quantity, billingCycle, termDuration?}]}}
   * @return 201 with the cart, status {@code Active}
   */
  @PostMapping("/customers/{customerTenantId}/carts")
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public ResponseEntity<Cart> createCart(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @RequestBody Cart cart) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    if (cart.lineItems() == null || cart.lineItems().isEmpty()) {
      throw invalid("lineItems must name at least one item");
    }
    List<Cart.LineItem> lines = new ArrayList<>();
    for (int i = 0; i < cart.lineItems().size(); i++) {
      Cart.LineItem line = cart.lineItems().get(i);
      if (line == null || blank(line.catalogItemId())) {
        throw invalid("lineItems[" + i + "].catalogItemId is required");
      }
      if (line.quantity() == null || line.quantity() < 1) {
        throw invalid("lineItems[" + i + "].quantity must be at least 1");
      }
      if (blank(line.billingCycle())) {
        throw invalid("lineItems[" + i + "].billingCycle is required");
      }
      lines.add(new Cart.LineItem(i, line.catalogItemId(), line.friendlyName(), line.quantity(), line.billingCycle(),
          line.termDuration(), line.provisioningContext()));
    }
    OffsetDateTime now = SandboxDocuments.now();
    Cart created = new Cart(UUID.randomUUID().toString(), now, now, now.plusDays(7), lines, "Active",
        Map.of("objectType", "Cart"));
    commerce.insertCart(new SandboxCommerce.StoredCart(created.id(), customerTenantId, caller.id(), created.status(),
        documents.write(created), null), now);
    return ResponseEntity.status(HttpStatus.CREATED).body(created);
  }

  /**
   * {@code POST /v1/customers/{id}/carts/{cartId}/checkout} (A11): places one order with one subscription per
   * line; an Azure plan gets its first Azure subscription. Refused (400, code 600006) without the customer's
   * MCA confirmed by this partner (R11), for an Azure plan when the customer has MS-AZR-0145P with this
   * partner (R26) or already has an Azure plan with it; a cart already checked out answers 409.
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param cartId the cart
   * @return 201 with the {@code CartCheckoutResult}
   */
  @PostMapping("/customers/{customerTenantId}/carts/{cartId}/checkout")
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public ResponseEntity<JsonNode> checkout(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @PathVariable String cartId) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    SandboxCommerce.StoredCart stored = commerce.cart(cartId)
        .filter(cart -> cart.customerTenantId().equals(customerTenantId) && cart.partnerId().equals(caller.id()))
        .orElseThrow(() -> notFound("Cart " + cartId + " was not found"));
    if (!"Active".equals(stored.status())) {
      throw new PartnerCenterApiException(HttpStatus.CONFLICT, ACTION_NOT_ALLOWED, "Cart " + cartId + " was already checked out");
    }
    if (commerce.agreements(customerTenantId, caller.id(), CustomerAgreement.MICROSOFT_CUSTOMER_AGREEMENT).isEmpty()) {
      throw notAllowed("The customer's acceptance of the Microsoft Customer Agreement is not confirmed;"
          + " POST /v1/customers/" + customerTenantId + "/agreements first (A10, R11)");
    }
    Cart cart = documents.read(stored.document(), Cart.class);
    List<SandboxSubscription> ours = directory.subscriptionsOf(customerTenantId).stream()
        .filter(subscription -> caller.id().equals(subscription.sellerPartnerId()))
        .toList();
    for (Cart.LineItem line : cart.lineItems()) {
      if (line.catalogItemId().startsWith(AZURE_PLAN_PRODUCT)) {
        if (ours.stream().anyMatch(subscription -> offerId(subscription).startsWith(LEGACY_AZURE_OFFER))) {
          throw notAllowed("The customer already has the legacy Azure offer " + LEGACY_AZURE_OFFER
              + "; an Azure plan cannot be created, transition it with the product upgrade APIs (R26)");
        }
        if (ours.stream().anyMatch(subscription -> offerId(subscription).startsWith(AZURE_PLAN_PRODUCT)
            && !"deleted".equals(status(subscription)))) {
          throw notAllowed("The customer already has an Azure plan with this partner");
        }
      }
    }
    OffsetDateTime now = SandboxDocuments.now();
    String orderId = UUID.randomUUID().toString();
    ArrayNode orderLines = JsonNodeFactory.instance.arrayNode();
    for (Cart.LineItem line : cart.lineItems()) {
      String subscriptionId = UUID.randomUUID().toString();
      boolean azurePlan = line.catalogItemId().startsWith(AZURE_PLAN_PRODUCT);
      ObjectNode subscription = newSubscription(subscriptionId, customerTenantId, line, azurePlan, orderId, caller, now);
      directory.insertSubscription(new SandboxSubscription(
          subscriptionId, customerTenantId, caller.id(), "CSP_PARTNER", subscription.toString()));
      if (azurePlan) {
        commerce.insertEntitlement(new SandboxCommerce.Entitlement(UUID.randomUUID().toString(), subscriptionId,
            line.friendlyName() == null ? "Azure subscription 1" : line.friendlyName(), AzureEntitlement.ACTIVE, null, now));
      }
      orderLines.addObject()
          .put("lineItemNumber", line.id())
          .put("offerId", subscription.path("offerId").asText())
          .put("subscriptionId", subscriptionId)
          .put("friendlyName", subscription.path("friendlyName").asText())
          .put("quantity", line.quantity())
          .put("termDuration", line.termDuration());
    }
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    ObjectNode order = result.putArray("orders").addObject();
    order.put("id", orderId)
        .put("referenceCustomerId", customerTenantId)
        .put("billingCycle", cart.lineItems().get(0).billingCycle());
    order.set("lineItems", orderLines);
    order.put("creationDate", now.toString()).put("status", "completed");
    order.putObject("attributes").put("objectType", "Order");
    result.putArray("orderErrors");
    Cart ordered = new Cart(cart.id(), cart.creationTimestamp(), now, cart.expirationTimestamp(), cart.lineItems(),
        "Ordered", cart.attributes());
    commerce.markOrdered(cartId, documents.write(ordered), result.toString());
    return ResponseEntity.status(HttpStatus.CREATED).body(result);
  }

  /**
   * {@code GET /v1/customers/{id}/subscriptions/{subscriptionId}}: any subscription of a customer the calling
   * partner is in a relationship with (see the class comment).
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param subscriptionId the subscription
   * @return the {@code Subscription}
   */
  @GetMapping("/customers/{customerTenantId}/subscriptions/{subscriptionId}")
  public JsonNode subscription(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @PathVariable String subscriptionId) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    return documents.read(requireSubscription(customerTenantId, subscriptionId).document());
  }

  /**
   * {@code PATCH /v1/customers/{id}/subscriptions/{subscriptionId}} with the full {@code Subscription} (A12):
   * the sandbox lets the caller set {@code status} ({@code active}, {@code suspended}) and {@code friendlyName}
   * of its own or a non-CSP channel's subscription. Suspending while Azure subscriptions under it are active
   * is refused (R27); other changed fields answer 400.
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param subscriptionId the subscription
   * @param requested the subscription as the caller wants it
   * @return the updated {@code Subscription}
   */
  @PatchMapping("/customers/{customerTenantId}/subscriptions/{subscriptionId}")
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public JsonNode updateSubscription(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @PathVariable String subscriptionId,
      @RequestBody ObjectNode requested) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    SandboxSubscription subscription = requireWritable(caller, customerTenantId, subscriptionId);
    ObjectNode document = (ObjectNode) documents.read(subscription.document());
    for (Map.Entry<String, JsonNode> field : requested.properties()) {
      String name = field.getKey();
      if (Set.of("status", "friendlyName", "attributes", "links", "id").contains(name) || field.getValue().isNull()) {
        continue;
      }
      if (!field.getValue().equals(document.get(name))) {
        throw invalid("Only status and friendlyName of a subscription can be changed here, not " + name);
      }
    }
    String status = requested.path("status").asText(document.path("status").asText()).toLowerCase(Locale.ROOT);
    if (!SETTABLE_STATUSES.contains(status)) {
      throw invalid("status must be active or suspended");
    }
    if ("suspended".equals(status)) {
      long active = commerce.entitlements(subscriptionId).stream()
          .filter(entitlement -> AzureEntitlement.ACTIVE.equals(entitlement.status()))
          .count();
      if (active > 0) {
        throw notAllowed("Subscription " + subscriptionId + " cannot be suspended while " + active
            + " Azure subscription(s) under it are active; cancel them first (R27)");
      }
    }
    document.put("status", status);
    if (requested.hasNonNull("friendlyName")) {
      document.put("friendlyName", requested.path("friendlyName").asText());
    }
    commerce.updateSubscription(subscriptionId, subscription.sellerPartnerId(), subscription.channel(), document.toString());
    return document;
  }

  /**
   * {@code GET /v1/customers/{id}/subscriptions/{subscriptionId}/azureEntitlements} (A11, A13).
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param subscriptionId the subscription
   * @return a collection of {@code AzureEntitlement}
   */
  @GetMapping("/customers/{customerTenantId}/subscriptions/{subscriptionId}/azureEntitlements")
  public ResourceCollection<AzureEntitlement> azureEntitlements(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @PathVariable String subscriptionId) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    requireSubscription(customerTenantId, subscriptionId);
    List<AzureEntitlement> items = commerce.entitlements(subscriptionId).stream()
        .map(entitlement -> new AzureEntitlement(entitlement.id(), entitlement.friendlyName(), entitlement.status(),
            subscriptionId, Map.of("objectType", "AzureEntitlement")))
        .toList();
    return SandboxDocuments.collection(items, "/customers/" + customerTenantId + "/subscriptions/" + subscriptionId + "/azureEntitlements");
  }

  /**
   * {@code POST /v1/customers/{id}/subscriptions/{subscriptionId}/azureEntitlements/{entitlementId}/cancel}
   * with {@code {"cancellationReason"}} (A13): {@code 202 Accepted}, also for an Azure subscription already
   * cancelled; another partner's subscription answers 403.
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param subscriptionId the subscription
   * @param entitlementId the Azure subscription
   * @param body {@code {"cancellationReason"}}
   * @return 202 without body
   */
  @PostMapping("/customers/{customerTenantId}/subscriptions/{subscriptionId}/azureEntitlements/{entitlementId}/cancel")
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public ResponseEntity<Void> cancelAzureEntitlement(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @PathVariable String subscriptionId,
      @PathVariable String entitlementId,
      @RequestBody(required = false) ObjectNode body) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    requireWritable(caller, customerTenantId, subscriptionId);
    SandboxCommerce.Entitlement entitlement = commerce.entitlements(subscriptionId).stream()
        .filter(candidate -> candidate.id().equalsIgnoreCase(entitlementId))
        .findFirst()
        .orElseThrow(() -> notFound("Azure subscription " + entitlementId + " was not found under " + subscriptionId));
    String reason = body == null ? "" : body.path("cancellationReason").asText("");
    if (blank(reason)) {
      throw invalid("cancellationReason is required");
    }
    if (AzureEntitlement.ACTIVE.equals(entitlement.status())) {
      commerce.cancelEntitlement(entitlement.id(), reason, SandboxDocuments.now());
    }
    return ResponseEntity.accepted().build();
  }

  // ---------------------------------------------------------------- helpers

  private ObjectNode newSubscription(String id, String customerTenantId, Cart.LineItem line, boolean azurePlan,
      String orderId, SandboxPartner caller, OffsetDateTime now) {
    ObjectNode subscription = JsonNodeFactory.instance.objectNode();
    JsonNode example = azurePlan ? null : catalogExample(line.catalogItemId());
    String offerName = azurePlan ? "Azure plan"
        : example != null ? example.path("offerName").asText(line.catalogItemId()) : line.catalogItemId();
    subscription.put("id", id)
        .put("offerId", azurePlan ? Cart.AZURE_PLAN_CATALOG_ITEM : line.catalogItemId())
        .put("offerName", offerName)
        .put("friendlyName", line.friendlyName() == null ? offerName : line.friendlyName())
        .put("quantity", line.quantity())
        .put("unitType", azurePlan ? "Usage-based" : "Licenses")
        .put("creationDate", now.toString())
        .put("effectiveStartDate", now.toString())
        .put("commitmentEndDate", azurePlan ? "9999-12-14T00:00:00Z" : commitmentEnd(now, line.termDuration()))
        .put("status", "active")
        .put("autoRenewEnabled", true)
        .put("billingType", azurePlan ? "usage" : "license")
        .put("billingCycle", line.billingCycle());
    if (!azurePlan && line.termDuration() != null) {
      subscription.put("termDuration", line.termDuration());
    }
    subscription.put("contractType", "subscription")
        .put("orderId", orderId)
        .put("partnerId", caller.mpnId());
    subscription.putObject("attributes").put("objectType", "Subscription");
    return subscription;
  }

  /** Name of an offer, taken from any subscription of the sandbox world that has it (the sandbox's catalog). */
  private JsonNode catalogExample(String offerId) {
    return directory.tenants().stream()
        .flatMap(tenant -> directory.subscriptionsOf(tenant.id()).stream())
        .map(subscription -> documents.read(subscription.document()))
        .filter(document -> offerId.equals(document.path("offerId").asText()))
        .findFirst()
        .orElse(null);
  }

  private static String commitmentEnd(OffsetDateTime now, String termDuration) {
    Period term;
    try {
      term = termDuration == null ? Period.ofMonths(1) : Period.parse(termDuration);
    } catch (DateTimeParseException e) {
      throw invalid("termDuration must be an ISO-8601 period such as P1Y");
    }
    return now.plus(term).minusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private CustomerRelationship requireRelationship(SandboxPartner caller, String customerTenantId) {
    return directory.relationship(customerTenantId, caller.id())
        .orElseThrow(() -> notFound("Customer " + customerTenantId + " was not found for partner " + caller.id()));
  }

  private SandboxSubscription requireSubscription(String customerTenantId, String subscriptionId) {
    return commerce.subscription(customerTenantId, subscriptionId)
        .orElseThrow(() -> notFound("Subscription " + subscriptionId + " was not found for customer " + customerTenantId));
  }

  /** The caller's own subscription or one of the customer's non-CSP channels; another partner's answers 403. */
  private SandboxSubscription requireWritable(SandboxPartner caller, String customerTenantId, String subscriptionId) {
    SandboxSubscription subscription = requireSubscription(customerTenantId, subscriptionId);
    if (subscription.sellerPartnerId() != null && !subscription.sellerPartnerId().equals(caller.id())) {
      throw new PartnerCenterApiException(HttpStatus.FORBIDDEN, FORBIDDEN,
          "Subscription " + subscriptionId + " is provided by another partner and cannot be changed by " + caller.id());
    }
    return subscription;
  }

  private String offerId(SandboxSubscription subscription) {
    return documents.read(subscription.document()).path("offerId").asText("");
  }

  private String status(SandboxSubscription subscription) {
    return documents.read(subscription.document()).path("status").asText("");
  }





  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  static PartnerCenterApiException invalid(String description) {
    return new PartnerCenterApiException(HttpStatus.BAD_REQUEST, PartnerCenterApiException.INVALID_INPUT, description);
  }

  static PartnerCenterApiException notAllowed(String description) {
    return new PartnerCenterApiException(HttpStatus.BAD_REQUEST, ACTION_NOT_ALLOWED, description);
  }

  static PartnerCenterApiException notFound(String description) {
    return new PartnerCenterApiException(HttpStatus.NOT_FOUND, PartnerCenterApiException.NOT_FOUND, description);
  }
}
