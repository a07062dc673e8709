package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
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
 * The sandbox's commerce endpoints ({@code /sandbox/v1/...}) in Microsoft's documented shapes: MPN profile, agreement
 * metadata and confirmation, the catalog the Azure plan order looks up (product → SKU → availability), carts and
 * checkout, one subscription, Azure subscriptions under an Azure plan and their cancellation, and subscription updates
 * (suspend). It owns its JSON (trees, never the client's data classes) and reads request bodies ignoring the casing
 * of property names, so the PascalCase example of suspend-a-subscription works as written.
 *
 * <p>Visibility as Partner Center's: a partner reads and changes only the subscriptions it provides. Another
 * partner's subscription, or one of the customer's other channels (Advisor, Open, EA, Microsoft direct), answers
 * 403 with code {@value #NO_COMMERCE_RELATIONSHIP}; an unknown id answers 404. Services bought through EA, Open or
 * Advisor are cancelled in those channels, not here.
 */
@RestController
@RequestMapping("/sandbox/v1")
@SandboxConfiguration
class SandboxCommerceController {

  /** Error code of a refused commerce action (sandbox: Partner Center's "action not allowed"). */
  public static final String ACTION_NOT_ALLOWED = "600006";
  /** Error code of a transfer call by the wrong partner. */
  public static final String FORBIDDEN = "403";
  /** Error code of reading or changing a subscription the caller has no commerce relationship for. */
  public static final String NO_COMMERCE_RELATIONSHIP = "20002";
  /** The Azure plan product (§1.6); the sandbox catalog has it with one SKU and one availability. */
  public static final String AZURE_PLAN_PRODUCT = "DZH318Z0BPS6";
  private static final String AZURE_PLAN_SKU = "0001";
  private static final String AZURE_PLAN_AVAILABILITY = "DZH318Z0BMGV";
  private static final String LEGACY_AZURE_OFFER = "MS-AZR-0145P";
  private static final String MCA = "MicrosoftCustomerAgreement";
  private static final String MCA_TEMPLATE_ID = "117a77b0-9360-443b-8795-c6dedc750cf9";
  private static final String MCA_LINK = "https://aka.ms/customeragreement";
  private static final Set<String> SETTABLE_STATUSES = Set.of("active", "suspended");
  private static final Set<String> CHANGEABLE = Set.of("status", "friendlyname", "attributes", "links", "id");
  private static final String ACTIVE = "active";

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
  public ObjectNode mpnProfile(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    ObjectNode profile = SandboxJson.object();
    profile.put("partnerName", caller.name()).put("mpnId", caller.mpnId()).put("profileType", "MpnProfile");
    profile.putObject("links").putObject("self").put("uri", "/profiles/mpn").put("method", "GET").putArray("headers");
    profile.putObject("attributes").put("objectType", "MpnProfile");
    return profile;
  }

  /**
   * {@code GET /v1/agreements?agreementType=...} (get-agreement-metadata): the current MCA template.
   *
   * @param authorization bearer token
   * @param agreementType the agreement type
   * @return a collection of AgreementMetaData, empty for other types
   */
  @GetMapping("/agreements")
  public ObjectNode agreementMetaData(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestParam(required = false) String agreementType) {
    callers.partnerCenterCaller(authorization);
    List<ObjectNode> items = agreementType == null || MCA.equalsIgnoreCase(agreementType)
        ? List.of(SandboxJson.object().put("templateId", MCA_TEMPLATE_ID).put("agreementType", MCA)
            .put("agreementLink", MCA_LINK).put("versionRank", 0))
        : List.of();
    return SandboxJson.collection(items, "/agreements");
  }

  /**
   * {@code GET /v1/customers/{id}/agreements?agreementType=...} (get-confirmation-of-customer-agreement): the calling
   * partner's confirmations.
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param agreementType the agreement type, default {@code MicrosoftCustomerAgreement}
   * @return a collection of Agreement
   */
  @GetMapping("/customers/{customerTenantId}/agreements")
  public ObjectNode customerAgreements(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @RequestParam(required = false) String agreementType) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    String type = agreementType == null ? MCA : agreementType;
    List<JsonNode> items = commerce.agreements(customerTenantId, caller.id(), type).stream().map(documents::read).toList();
    return SandboxJson.collection(items, "/customers/" + customerTenantId + "/agreements");
  }

  /**
   * {@code POST /v1/customers/{id}/agreements} (confirm-customer-consent-customer-agreement).
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param agreement {@code {primaryContact{firstName,lastName,email,phoneNumber?}, templateId, dateAgreed, type}}
   * @return 201 with the stored Agreement
   */
  @PostMapping("/customers/{customerTenantId}/agreements")
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public ResponseEntity<ObjectNode> createCustomerAgreement(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @RequestBody ObjectNode agreement) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    JsonNode contact = SandboxJson.field(agreement, "primaryContact");
    if (SandboxJson.text(contact, "firstName") == null || SandboxJson.text(contact, "lastName") == null
        || SandboxJson.text(contact, "email") == null) {
      throw invalid("primaryContact needs firstName, lastName and email");
    }
    if (!MCA_TEMPLATE_ID.equals(SandboxJson.text(agreement, "templateId"))) {
      throw invalid("templateId must be a template of GET /v1/agreements?agreementType=MicrosoftCustomerAgreement");
    }
    if (!MCA.equalsIgnoreCase(SandboxJson.text(agreement, "type"))) {
      throw invalid("type must be MicrosoftCustomerAgreement");
    }
    String dateAgreed = SandboxJson.text(agreement, "dateAgreed");
    if (dateAgreed == null) {
      throw invalid("dateAgreed is required");
    }
    ObjectNode stored = SandboxJson.object();
    stored.put("userId", caller.id());
    ObjectNode storedContact = stored.putObject("primaryContact");
    for (String name : List.of("firstName", "lastName", "email", "phoneNumber")) {
      String value = SandboxJson.text(contact, name);
      if (value != null) {
        storedContact.put(name, value);
      }
    }
    stored.put("templateId", MCA_TEMPLATE_ID).put("dateAgreed", dateAgreed).put("type", MCA).put("agreementLink", MCA_LINK);
    commerce.insertAgreement(customerTenantId, caller.id(), MCA, stored.toString(), SandboxDocuments.now());
    return ResponseEntity.status(HttpStatus.CREATED).body(stored);
  }

  /**
   * {@code GET /v1/products?country=&targetView=} (get-a-list-of-products): the sandbox catalog has the Azure plan in
   * view {@code MicrosoftAzure}, in every country.
   *
   * @param authorization bearer token
   * @param country ISO 3166 two-letter country, required
   * @param targetView the catalog view, required
   * @return a collection of Product
   */
  @GetMapping("/products")
  public ObjectNode products(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestParam(required = false) String country,
      @RequestParam(required = false) String targetView) {
    callers.partnerCenterCaller(authorization);
    String code = requireCountry(country);
    if (targetView == null || targetView.isBlank()) {
      throw invalid("targetView is required");
    }
    List<ObjectNode> items = "MicrosoftAzure".equalsIgnoreCase(targetView) ? List.of(azurePlanProduct(code)) : List.of();
    return SandboxJson.collection(items, "/products?country=" + code + "&targetView=" + targetView);
  }

  /**
   * {@code GET /v1/products/{productId}/skus?country=} (get-a-list-of-skus-for-a-product).
   *
   * @param authorization bearer token
   * @param productId the product
   * @param country ISO 3166 two-letter country, required
   * @return a collection of Sku; 404 for a product the sandbox catalog does not have
   */
  @GetMapping("/products/{productId}/skus")
  public ObjectNode skus(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String productId,
      @RequestParam(required = false) String country) {
    callers.partnerCenterCaller(authorization);
    String code = requireCountry(country);
    requireProduct(productId);
    ObjectNode sku = SandboxJson.object();
    sku.put("id", AZURE_PLAN_SKU).put("productId", AZURE_PLAN_PRODUCT).put("title", "Azure plan")
        .put("description", "Azure plan").put("minimumQuantity", 1).put("maximumQuantity", 1).put("isTrial", false);
    sku.putArray("supportedBillingCycles").add("one_time");
    sku.putArray("purchasePrerequisites");
    sku.putArray("provisioningVariables");
    sku.putObject("dynamicAttributes");
    ObjectNode links = sku.putObject("links");
    links.set("availabilities", SandboxJson.link("/products/" + AZURE_PLAN_PRODUCT + "/skus/" + AZURE_PLAN_SKU
        + "/availabilities?country=" + code));
    links.set("self", SandboxJson.link("/products/" + AZURE_PLAN_PRODUCT + "/skus/" + AZURE_PLAN_SKU + "?country=" + code));
    return SandboxJson.collection(List.of(sku), "/products/" + AZURE_PLAN_PRODUCT + "/skus?country=" + code);
  }

  /**
   * {@code GET /v1/products/{productId}/skus/{skuId}/availabilities?country=} (get-a-list-of-availabilities-for-a-sku).
   *
   * @param authorization bearer token
   * @param productId the product
   * @param skuId the SKU
   * @param country ISO 3166 two-letter country, required
   * @return a collection of Availability with its {@code catalogItemId}
   */
  @GetMapping("/products/{productId}/skus/{skuId}/availabilities")
  public ObjectNode availabilities(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String productId,
      @PathVariable String skuId,
      @RequestParam(required = false) String country) {
    callers.partnerCenterCaller(authorization);
    String code = requireCountry(country);
    requireProduct(productId);
    if (!AZURE_PLAN_SKU.equals(skuId)) {
      throw notFound("SKU " + skuId + " of product " + productId + " was not found");
    }
    ObjectNode availability = SandboxJson.object();
    availability.put("id", AZURE_PLAN_AVAILABILITY).put("productId", AZURE_PLAN_PRODUCT).put("skuId", AZURE_PLAN_SKU)
        .put("catalogItemId", AZURE_PLAN_PRODUCT + ":" + AZURE_PLAN_SKU + ":" + AZURE_PLAN_AVAILABILITY)
        .put("segment", "commercial").put("country", code).put("isPurchasable", true).put("isRenewable", false);
    availability.putObject("defaultCurrency").put("code", "USD").put("symbol", "$");
    availability.putArray("terms");
    String self = "/products/" + AZURE_PLAN_PRODUCT + "/skus/" + AZURE_PLAN_SKU + "/availabilities";
    availability.putObject("links").set("self", SandboxJson.link(self + "/" + AZURE_PLAN_AVAILABILITY + "?country=" + code));
    return SandboxJson.collection(List.of(availability), self + "?country=" + code);
  }

  /**
   * {@code POST /v1/customers/{id}/carts} (create-a-cart): {@code lineItems} (any casing) of {@code {id,
   * catalogItemId, friendlyName?, quantity, billingCycle, termDuration?, provisioningContext?}}.
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param cart the cart
   * @return 201 with the cart, status {@code Active}
   */
  @PostMapping("/customers/{customerTenantId}/carts")
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public ResponseEntity<ObjectNode> createCart(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @RequestBody ObjectNode cart) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    JsonNode requested = SandboxJson.field(cart, "lineItems");
    if (!requested.isArray() || requested.isEmpty()) {
      throw invalid("lineItems must name at least one item");
    }
    OffsetDateTime now = SandboxDocuments.now();
    ObjectNode created = SandboxJson.object();
    created.put("id", UUID.randomUUID().toString()).put("creationTimestamp", now.toString())
        .put("lastModifiedTimestamp", now.toString()).put("expirationTimestamp", now.plusDays(7).toString())
        .put("lastModifiedUser", caller.id()).put("status", "Active");
    ArrayNode lines = created.putArray("lineItems");
    for (int i = 0; i < requested.size(); i++) {
      JsonNode line = requested.get(i);
      String catalogItemId = SandboxJson.text(line, "catalogItemId");
      if (catalogItemId == null) {
        throw invalid("lineItems[" + i + "].catalogItemId is required");
      }
      JsonNode quantity = SandboxJson.field(line, "quantity");
      if (!quantity.canConvertToInt() || quantity.asInt() < 1) {
        throw invalid("lineItems[" + i + "].quantity must be at least 1");
      }
      String billingCycle = SandboxJson.text(line, "billingCycle");
      if (billingCycle == null) {
        throw invalid("lineItems[" + i + "].billingCycle is required");
      }
      ObjectNode stored = lines.addObject().put("id", i).put("catalogItemId", catalogItemId);
      String friendlyName = SandboxJson.text(line, "friendlyName");
      if (friendlyName != null) {
        stored.put("friendlyName", friendlyName);
      }
      stored.put("quantity", quantity.asInt()).put("currencyCode", "USD").put("billingCycle", billingCycle);
      String termDuration = SandboxJson.text(line, "termDuration");
      if (termDuration != null) {
        stored.put("termDuration", termDuration);
      }
      JsonNode provisioningContext = SandboxJson.field(line, "provisioningContext");
      if (provisioningContext.isObject()) {
        stored.set("provisioningContext", provisioningContext.deepCopy());
      }
      stored.put("orderGroup", "0");
    }
    created.putObject("links").set("self", SandboxJson.link("/customers/" + customerTenantId + "/carts/"
        + created.path("id").asText()));
    created.putObject("attributes").put("objectType", "Cart");
    commerce.insertCart(new SandboxCommerce.StoredCart(created.path("id").asText(), customerTenantId, caller.id(),
        "Active", created.toString(), null), now);
    return ResponseEntity.status(HttpStatus.CREATED).body(created);
  }

  /**
   * {@code POST /v1/customers/{id}/carts/{cartId}/checkout} (checkout-a-cart): places one order with one subscription
   * per line; an Azure plan gets its first Azure subscription. Refused (400, code 600006) without the customer's
   * MCA confirmed by this partner (R11), for an Azure plan when the customer has MS-AZR-0145P with this partner
   * (R26) or already has an Azure plan with it; a cart already checked out answers 409.
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param cartId the cart
   * @return 201 with the CartCheckoutResult
   */
  @PostMapping("/customers/{customerTenantId}/carts/{cartId}/checkout")
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public ResponseEntity<ObjectNode> checkout(
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
    if (commerce.agreements(customerTenantId, caller.id(), MCA).isEmpty()) {
      throw notAllowed("The customer's acceptance of the Microsoft Customer Agreement is not confirmed;"
          + " POST /v1/customers/" + customerTenantId + "/agreements first (A10, R11)");
    }
    ObjectNode cart = (ObjectNode) documents.read(stored.document());
    List<SandboxSubscription> ours = directory.subscriptionsOf(customerTenantId).stream()
        .filter(subscription -> caller.id().equals(subscription.sellerPartnerId()))
        .toList();
    for (JsonNode line : cart.withArray("lineItems")) {
      if (line.path("catalogItemId").asText().startsWith(AZURE_PLAN_PRODUCT)) {
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
    for (JsonNode line : cart.withArray("lineItems")) {
      String subscriptionId = UUID.randomUUID().toString();
      boolean azurePlan = line.path("catalogItemId").asText().startsWith(AZURE_PLAN_PRODUCT);
      ObjectNode subscription = newSubscription(subscriptionId, line, azurePlan, orderId, caller, now);
      directory.insertSubscription(new SandboxSubscription(
          subscriptionId, customerTenantId, caller.id(), "CSP_PARTNER", subscription.toString()));
      if (azurePlan) {
        commerce.insertEntitlement(new SandboxCommerce.Entitlement(UUID.randomUUID().toString(), subscriptionId,
            line.path("friendlyName").asText("Azure subscription 1"), ACTIVE, null, now));
      }
      orderLines.addObject()
          .put("lineItemNumber", line.path("id").asInt())
          .put("offerId", subscription.path("offerId").asText())
          .put("subscriptionId", subscriptionId)
          .put("termDuration", line.path("termDuration").asText(null))
          .put("transactionType", "New")
          .put("friendlyName", subscription.path("friendlyName").asText())
          .put("quantity", line.path("quantity").asInt());
    }
    ObjectNode result = SandboxJson.object();
    ObjectNode order = result.putArray("orders").addObject();
    order.put("id", orderId).put("alternateId", orderId)
        .put("referenceCustomerId", customerTenantId)
        .put("billingCycle", cart.withArray("lineItems").get(0).path("billingCycle").asText())
        .put("currencyCode", "USD");
    order.set("lineItems", orderLines);
    order.put("creationDate", now.toString()).put("status", "completed").put("transactionType", "UserPurchase");
    order.putObject("attributes").put("objectType", "Order");
    result.putArray("orderErrors");
    cart.put("status", "Ordered").put("lastModifiedTimestamp", now.toString());
    commerce.markOrdered(cartId, cart.toString(), result.toString());
    return ResponseEntity.status(HttpStatus.CREATED).body(result);
  }

  /**
   * {@code GET /v1/customers/{id}/subscriptions/{subscriptionId}} (get-a-subscription-by-id): one of the caller's
   * subscriptions; another partner's or another channel's answers 403 (code {@value #NO_COMMERCE_RELATIONSHIP}).
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param subscriptionId the subscription
   * @return the Subscription, with its {@code etag} in {@code attributes}
   */
  @GetMapping("/customers/{customerTenantId}/subscriptions/{subscriptionId}")
  public JsonNode subscription(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @PathVariable String subscriptionId) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    return withEtag(requireOwn(caller, customerTenantId, subscriptionId));
  }

  /**
   * {@code PATCH /v1/customers/{id}/subscriptions/{subscriptionId}} (suspend-a-subscription) with the full
   * Subscription, property names in any casing, and {@code If-Match: <etag>}: the caller may set {@code status}
   * ({@code active}, {@code suspended}) and {@code friendlyName} of its own subscription. A stale {@code If-Match}
   * answers 412; suspending while Azure subscriptions under it are active is refused (R27); other changed fields
   * answer 400.
   *
   * @param authorization bearer token
   * @param ifMatch the etag the caller read, optional
   * @param customerTenantId the customer
   * @param subscriptionId the subscription
   * @param requested the subscription as the caller wants it
   * @return the updated Subscription
   */
  @PatchMapping("/customers/{customerTenantId}/subscriptions/{subscriptionId}")
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public JsonNode updateSubscription(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @PathVariable String customerTenantId,
      @PathVariable String subscriptionId,
      @RequestBody ObjectNode requested) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    SandboxSubscription subscription = requireOwn(caller, customerTenantId, subscriptionId);
    if (ifMatch != null && !ifMatch.isBlank() && !"*".equals(ifMatch)
        && !ifMatch.replace("\"", "").equals(etag(subscription))) {
      throw new PartnerCenterApiException(HttpStatus.PRECONDITION_FAILED, ACTION_NOT_ALLOWED,
          "If-Match " + ifMatch + " is not the current etag of subscription " + subscriptionId + "; read it again");
    }
    ObjectNode document = (ObjectNode) documents.read(subscription.document());
    for (Map.Entry<String, JsonNode> field : requested.properties()) {
      String name = field.getKey();
      if (CHANGEABLE.contains(name.toLowerCase(Locale.ROOT)) || field.getValue().isNull()) {
        continue;
      }
      if (!sameValue(field.getValue(), SandboxJson.field(document, name))) {
        throw invalid("Only Status and FriendlyName of a subscription can be changed here, not " + name);
      }
    }
    String status = SandboxJson.text(requested, "status");
    status = (status == null ? document.path("status").asText() : status).toLowerCase(Locale.ROOT);
    if (!SETTABLE_STATUSES.contains(status)) {
      throw invalid("Status must be active or suspended");
    }
    if ("suspended".equals(status)) {
      long active = commerce.entitlements(subscriptionId).stream()
          .filter(entitlement -> ACTIVE.equals(entitlement.status()))
          .count();
      if (active > 0) {
        throw notAllowed("Subscription " + subscriptionId + " cannot be suspended while " + active
            + " Azure subscription(s) under it are active; cancel them first (R27)");
      }
    }
    document.put("status", status);
    String friendlyName = SandboxJson.text(requested, "friendlyName");
    if (friendlyName != null) {
      document.put("friendlyName", friendlyName);
    }
    commerce.updateSubscription(subscriptionId, subscription.sellerPartnerId(), subscription.channel(), document.toString());
    return withEtag(commerce.subscription(customerTenantId, subscriptionId).orElseThrow());
  }

  /**
   * {@code GET /v1/customers/{id}/subscriptions/{subscriptionId}/azureEntitlements}
   * (get-a-list-of-azure-entitlements-for-subscription): the Azure subscriptions under one of the caller's Azure plans.
   *
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param subscriptionId the subscription
   * @return a collection of AzureEntitlement
   */
  @GetMapping("/customers/{customerTenantId}/subscriptions/{subscriptionId}/azureEntitlements")
  public ObjectNode azureEntitlements(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @PathVariable String subscriptionId) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    requireOwn(caller, customerTenantId, subscriptionId);
    List<ObjectNode> items = commerce.entitlements(subscriptionId).stream()
        .map(entitlement -> SandboxJson.object().put("id", entitlement.id())
            .put("friendlyName", entitlement.friendlyName()).put("status", entitlement.status())
            .put("subscriptionId", subscriptionId))
        .toList();
    return SandboxJson.collection(items,
        "/customers/" + customerTenantId + "/subscriptions/" + subscriptionId + "/azureEntitlements");
  }

  /**
   * {@code POST /v1/customers/{id}/subscriptions/{subscriptionId}/azureEntitlements/{entitlementId}/cancel} with
   * {@code {"cancellationReason"}} (cancel-an-azure-entitlement): {@code 202 Accepted}, also for an Azure subscription
   * already cancelled; only under the caller's own Azure plan.
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
    requireOwn(caller, customerTenantId, subscriptionId);
    SandboxCommerce.Entitlement entitlement = commerce.entitlements(subscriptionId).stream()
        .filter(candidate -> candidate.id().equalsIgnoreCase(entitlementId))
        .findFirst()
        .orElseThrow(() -> notFound("Azure subscription " + entitlementId + " was not found under " + subscriptionId));
    String reason = SandboxJson.text(body, "cancellationReason");
    if (reason == null) {
      throw invalid("cancellationReason is required");
    }
    if (ACTIVE.equals(entitlement.status())) {
      commerce.cancelEntitlement(entitlement.id(), reason, SandboxDocuments.now());
    }
    return ResponseEntity.accepted().build();
  }

  // ---------------------------------------------------------------- helpers

  private ObjectNode newSubscription(String id, JsonNode line, boolean azurePlan, String orderId, SandboxPartner caller,
      OffsetDateTime now) {
    String catalogItemId = line.path("catalogItemId").asText();
    JsonNode example = azurePlan ? null : catalogExample(catalogItemId);
    String offerName = azurePlan ? "Azure plan"
        : example != null ? example.path("offerName").asText(catalogItemId) : catalogItemId;
    String termDuration = line.path("termDuration").asText(null);
    ObjectNode subscription = SandboxJson.object();
    subscription.put("id", id)
        .put("offerId", catalogItemId)
        .put("offerName", offerName)
        .put("friendlyName", line.path("friendlyName").asText(offerName))
        .put("quantity", line.path("quantity").asInt())
        .put("unitType", azurePlan ? "Usage-based" : "Licenses")
        .put("creationDate", now.toString())
        .put("effectiveStartDate", now.toString())
        .put("commitmentEndDate", azurePlan ? "9999-12-14T00:00:00Z" : commitmentEnd(now, termDuration))
        .put("status", ACTIVE)
        .put("autoRenewEnabled", true)
        .put("billingType", azurePlan ? "usage" : "license")
        .put("billingCycle", line.path("billingCycle").asText());
    if (!azurePlan && termDuration != null) {
      subscription.put("termDuration", termDuration);
    }
    subscription.put("contractType", "subscription")
        .put("orderId", orderId)
        .put("partnerId", caller.mpnId());
    subscription.putObject("attributes").put("objectType", "Subscription");
    return subscription;
  }

  private static ObjectNode azurePlanProduct(String country) {
    ObjectNode product = SandboxJson.object();
    product.put("id", AZURE_PLAN_PRODUCT).put("title", "Azure plan").put("description", "Azure plan");
    product.putObject("productType").put("id", "Azure").put("displayName", "Azure");
    product.put("isMicrosoftProduct", true).put("publisherName", "Microsoft");
    ObjectNode links = product.putObject("links");
    links.set("skus", SandboxJson.link("/products/" + AZURE_PLAN_PRODUCT + "/skus?country=" + country));
    links.set("self", SandboxJson.link("/products/" + AZURE_PLAN_PRODUCT + "?country=" + country));
    return product;
  }

  private static String requireCountry(String country) {
    if (country == null || !country.matches("[A-Za-z]{2}")) {
      throw invalid("country must be an ISO 3166 two-letter country code");
    }
    return country.toUpperCase(Locale.ROOT);
  }

  private static void requireProduct(String productId) {
    if (!AZURE_PLAN_PRODUCT.equalsIgnoreCase(productId)) {
      throw notFound("Product " + productId + " was not found in the sandbox catalog");
    }
  }

  /** Whether a requested value equals the stored one, dates compared as instants, text ignoring case. */
  private static boolean sameValue(JsonNode requested, JsonNode current) {
    if (requested.equals(current)) {
      return true;
    }
    if (requested.isTextual() && current.isTextual()) {
      try {
        return OffsetDateTime.parse(requested.asText()).isEqual(OffsetDateTime.parse(current.asText()));
      } catch (DateTimeParseException e) {
        return requested.asText().equalsIgnoreCase(current.asText());
      }
    }
    return requested.isNumber() && current.isNumber() && requested.decimalValue().compareTo(current.decimalValue()) == 0;
  }

  /** The subscription with {@code attributes.etag}, which changes with every update (the {@code If-Match} value). */
  private JsonNode withEtag(SandboxSubscription subscription) {
    ObjectNode document = (ObjectNode) documents.read(subscription.document());
    document.withObject("/attributes").put("etag", etag(subscription)).put("objectType", "Subscription");
    return document;
  }

  private static String etag(SandboxSubscription subscription) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest((subscription.id() + subscription.document()).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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

  /**
   * The caller's own subscription. Another partner's, or one of the customer's other channels, answers 403 code
   * {@value #NO_COMMERCE_RELATIONSHIP}; an unknown id 404.
   */
  private SandboxSubscription requireOwn(SandboxPartner caller, String customerTenantId, String subscriptionId) {
    SandboxSubscription subscription = commerce.subscription(customerTenantId, subscriptionId)
        .orElseThrow(() -> notFound("Subscription " + subscriptionId + " was not found for customer " + customerTenantId));
    if (!caller.id().equals(subscription.sellerPartnerId())) {
      throw new PartnerCenterApiException(HttpStatus.FORBIDDEN, NO_COMMERCE_RELATIONSHIP,
          "Partner " + caller.id() + " has no commerce relationship for subscription " + subscriptionId
              + " of customer " + customerTenantId);
    }
    return subscription;
  }

  private String offerId(SandboxSubscription subscription) {
    return documents.read(subscription.document()).path("offerId").asText("");
  }

  private String status(SandboxSubscription subscription) {
    return documents.read(subscription.document()).path("status").asText("");
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
