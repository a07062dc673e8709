package io.partnerchannel.orchestrator.partnercenter.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnerchannel.orchestrator.partnercenter.AccessTokenProvider;
import io.partnerchannel.orchestrator.partnercenter.AgreementMetaData;
import io.partnerchannel.orchestrator.partnercenter.AuditRecord;
import io.partnerchannel.orchestrator.partnercenter.AgreementSignatureStatus;
import io.partnerchannel.orchestrator.partnercenter.AzureEntitlement;
import io.partnerchannel.orchestrator.partnercenter.Cart;
import io.partnerchannel.orchestrator.partnercenter.Catalog;
import io.partnerchannel.orchestrator.partnercenter.CartCheckoutResult;
import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.CustomerAgreement;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminAccessAssignment;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationshipRequest;
import io.partnerchannel.orchestrator.partnercenter.Entitlement;
import io.partnerchannel.orchestrator.partnercenter.LegalBusinessProfile;
import io.partnerchannel.orchestrator.partnercenter.MpnProfile;
import io.partnerchannel.orchestrator.partnercenter.GuardedPartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterEndpoints;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterProperties;
import io.partnerchannel.orchestrator.partnercenter.PartnerProperties;
import io.partnerchannel.orchestrator.partnercenter.PartnerReadsCacheConfiguration;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationship;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationshipType;
import io.partnerchannel.orchestrator.partnercenter.RelationshipRequest;
import io.partnerchannel.orchestrator.partnercenter.ResourceCollection;
import io.partnerchannel.orchestrator.partnercenter.ResourceLinks;
import io.partnerchannel.orchestrator.partnercenter.Subscription;
import io.partnerchannel.orchestrator.partnercenter.TenantInformation;
import io.partnerchannel.orchestrator.partnercenter.TransferEntity;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The {@link PartnerCenter} port as a real HTTP client of the Partner Center REST API and the Microsoft
 * Graph GDAP API (reference §2), by default pointed at the built-in sandbox.
 *
 * <p>Base URLs come from {@link PartnerCenterEndpoints} (the partner's cloud, or the sandbox's), resolved on
 * every call. Every request carries {@code Authorization: Bearer ...} ({@link BearerTokenInterceptor}: the
 * mode's {@link AccessTokenProvider}, per audience), {@code MS-RequestId} (new per request),
 * {@code MS-CorrelationId} (one per port operation) and {@code Accept: application/json}. Connect and read
 * timeouts are {@code pco.partner-center.connect-timeout} / {@code read-timeout}; throttled answers are waited
 * out by {@link ThrottlingRetryInterceptor}; listings follow every continuation link ({@link Pager}).
 *
 * <p>Errors: a 404 on a look-up is an empty result; any other 4xx/5xx becomes a {@link PartnerCenterException}
 * carrying the HTTP status and the error code of the body — Partner Center's {@code {"code", "description",
 * "data", "source"}} with a numeric {@code code} (error-codes, e.g. {@code 2205}, read as its decimal text)
 * or Graph's {@code {"error": {"code", "message"}}}; no answer at all is status 0. The response's
 * {@code MS-CorrelationId} / {@code MS-RequestId} are named in the exception's message.
 *
 * <p>The multi-partner rules are not this adapter's: {@link GuardedPartnerCenter} applies them before it sends a
 * change.
 */
@Component
class RestPartnerCenter extends GuardedPartnerCenter {

  /** Property of the Partner Center REST base URL (without {@code /v1}). */
  public static final String API_BASE_URL = PartnerCenterEndpoints.API_BASE_URL;
  /** Property of the Microsoft Graph base URL (with {@code /v1.0}). */
  public static final String GRAPH_BASE_URL = PartnerCenterEndpoints.GRAPH_BASE_URL;
  private static final String RELATIONSHIPS = "/tenantRelationships/delegatedAdminRelationships";
  private static final int PAGE_SIZE = 100;
  private static final String FIND_TENANT_INFORMATION =
      "/tenantRelationships/findTenantInformationByTenantId(tenantId='{tenantId}')";
  private static final String FIND_TENANT_BY_DOMAIN =
      "/tenantRelationships/findTenantInformationByDomainName(domainName='{domainName}')";

  private final RestClient restClient;
  private final PartnerCenterEndpoints endpoints;
  private final PartnerCenterProperties partnerCenter;
  private final PartnerProperties partner;
  private final ObjectMapper objectMapper;

  /**
   * @param restClientBuilder Spring Boot's builder (Jackson converters)
   * @param endpoints the base URLs, resolved at call time
   * @param accessTokens the bearer tokens of the mode, per audience
   * @param partnerCenter timeouts, throttling and paging limits
   * @param partner the operating partner
   * @param objectMapper reads error bodies and writes the customer filter
   */
  public RestPartnerCenter(
      RestClient.Builder restClientBuilder,
      PartnerCenterEndpoints endpoints,
      AccessTokenProvider accessTokens,
      PartnerCenterProperties partnerCenter,
      PartnerProperties partner,
      ObjectMapper objectMapper) {
    this.restClient = PartnerCenterHttp.restClient(restClientBuilder, endpoints, accessTokens, partnerCenter)
        // Partner Center's answers are read with the application's mapper, not the strict copy the web layer's
        // converter reads request bodies with (StrictJsonConfiguration): documented examples carry numbers where our
        // records keep text (a transfer line's "id": 0)
        .messageConverters(converters -> {
          converters.removeIf(MappingJackson2HttpMessageConverter.class::isInstance);
          converters.add(new MappingJackson2HttpMessageConverter(objectMapper));
        })
        .defaultStatusHandler(status -> status.isError(), this::raise)
        .build();
    this.endpoints = endpoints;
    this.partnerCenter = partnerCenter;
    this.partner = partner;
    this.objectMapper = objectMapper;
  }

  /** Cached per node for {@code pco.cache.partner-center-reads} ({@link PartnerReadsCacheConfiguration}). */
  @Override
  @Cacheable(cacheNames = PartnerReadsCacheConfiguration.PARTNER_READS, key = "'relationshipRequest'")
  public RelationshipRequest getRelationshipRequest() {
    String correlationId = correlationId();
    return call("GET /v1/customers/relationshiprequests", () -> get(apiBaseUrl() + "/v1/customers/relationshiprequests",
        correlationId).body(RelationshipRequest.class));
  }

  @Override
  public RelationshipRequest getIndirectResellerRelationshipRequest(String indirectResellerTenantId) {
    String correlationId = correlationId();
    return call("GET /v1/customers/relationshiprequests?indirectResellerId=" + indirectResellerTenantId, () ->
        get(apiBaseUrl() + "/v1/customers/relationshiprequests?indirectResellerId={id}", correlationId,
            indirectResellerTenantId).body(RelationshipRequest.class));
  }

  /** Cached per node for {@code pco.cache.partner-center-reads} ({@link PartnerReadsCacheConfiguration}). */
  @Override
  @Cacheable(cacheNames = PartnerReadsCacheConfiguration.PARTNER_READS, key = "'legalBusinessProfile'")
  public LegalBusinessProfile getLegalBusinessProfile() {
    String correlationId = correlationId();
    return call("GET /v1/profiles/legalbusiness", () -> get(apiBaseUrl() + "/v1/profiles/legalbusiness",
        correlationId).body(LegalBusinessProfile.class));
  }

  @Override
  public Optional<Customer> getCustomer(String customerTenantId) {
    String correlationId = correlationId();
    return notFoundAsEmpty(() -> call("GET /v1/customers/" + customerTenantId, () ->
        get(apiBaseUrl() + "/v1/customers/{id}", correlationId, customerTenantId).body(Customer.class)));
  }

  @Override
  public List<Customer> getCustomers() {
    String correlationId = correlationId();
    ParameterizedTypeReference<ResourceCollection<Customer>> type = new ParameterizedTypeReference<>() {};
    ResourceCollection<Customer> first = call("GET /v1/customers?size=" + PAGE_SIZE, () ->
        get(apiBaseUrl() + "/v1/customers?size={size}", correlationId, PAGE_SIZE).body(type));
    return new Pager<ResourceCollection<Customer>, Customer>("GET /v1/customers", partnerCenter.maxPages(),
        ResourceCollection::itemsOrEmpty, RestPartnerCenter::nextLinkKey,
        current -> nextPartnerCenterPage(current.links().next(), correlationId, type))
        .all(first);
  }

  @Override
  public List<Subscription> getSubscriptions(String customerTenantId) {
    String correlationId = correlationId();
    ParameterizedTypeReference<ResourceCollection<Subscription>> type = new ParameterizedTypeReference<>() {};
    return notFoundAsEmpty(() -> call("GET /v1/customers/" + customerTenantId + "/subscriptions", () ->
            get(apiBaseUrl() + "/v1/customers/{id}/subscriptions", correlationId, customerTenantId).body(type)))
        .map(ResourceCollection::itemsOrEmpty)
        .orElse(List.of());
  }

  /** Cached per node and type for {@code pco.cache.partner-center-reads} ({@link PartnerReadsCacheConfiguration}). */
  @Override
  @Cacheable(cacheNames = PartnerReadsCacheConfiguration.PARTNER_READS, key = "'relationships:' + #type")
  public List<PartnerRelationship> getPartnerRelationships(PartnerRelationshipType type) {
    String correlationId = correlationId();
    ParameterizedTypeReference<ResourceCollection<PartnerRelationship>> collection = new ParameterizedTypeReference<>() {};
    ResourceCollection<PartnerRelationship> relationships = call("GET /v1/relationships?relationship_type=" + type, () ->
        get(apiBaseUrl() + "/v1/relationships?relationship_type={type}", correlationId, type.name()).body(collection));
    return relationships == null ? List.of() : relationships.itemsOrEmpty();
  }

  @Override
  @CacheEvict(cacheNames = PartnerReadsCacheConfiguration.PARTNER_READS, allEntries = true)
  public void forgetPartnerReads() {
    // the annotation empties the cache
  }

  @Override
  public AgreementSignatureStatus getIndirectResellerAgreementStatus(String resellerTenantId) {
    String correlationId = correlationId();
    return call("GET /v1/compliance/csp/agreementstatus?tenantId=" + resellerTenantId, () ->
        get(apiBaseUrl() + "/v1/compliance/csp/agreementstatus?tenantId={tenantId}", correlationId, resellerTenantId)
            .body(AgreementSignatureStatus.class));
  }

  @Override
  public Optional<TenantInformation> findTenantInformationByDomainName(String domain) {
    return tenantInformation(FIND_TENANT_BY_DOMAIN.replace("{domainName}", odataString(domain)));
  }

  @Override
  public Optional<DelegatedAdminRelationship> findDelegatedAdminRelationship(String displayName) {
    String correlationId = correlationId();
    String filter = "displayName eq '" + displayName.replace("'", "''") + "'";
    ParameterizedTypeReference<GraphCollection<DelegatedAdminRelationship>> type = new ParameterizedTypeReference<>() {};
    GraphCollection<DelegatedAdminRelationship> page = call("GET " + RELATIONSHIPS + "?$filter=" + filter, () ->
        get(graphBaseUrl() + RELATIONSHIPS + "?$filter={filter}", correlationId, filter).body(type));
    return new Pager<GraphCollection<DelegatedAdminRelationship>, DelegatedAdminRelationship>(
        "GET " + RELATIONSHIPS + "?$filter=" + filter, partnerCenter.maxPages(), GraphCollection::valueOrEmpty,
        GraphCollection::nextLink, current -> nextGraphPage(current.nextLink(), correlationId, type))
        .find(page, relationship -> displayName.equals(relationship.displayName()));
  }

  @Override
  public Optional<DelegatedAdminRelationship> getDelegatedAdminRelationship(String relationshipId) {
    String correlationId = correlationId();
    return notFoundAsEmpty(() -> call("GET " + RELATIONSHIPS + "/" + relationshipId, () ->
        get(graphBaseUrl() + RELATIONSHIPS + "/{id}", correlationId, relationshipId).body(DelegatedAdminRelationship.class)));
  }

  @Override
  public List<DelegatedAdminRelationship> getDelegatedAdminRelationships() {
    String correlationId = correlationId();
    ParameterizedTypeReference<GraphCollection<DelegatedAdminRelationship>> type = new ParameterizedTypeReference<>() {};
    GraphCollection<DelegatedAdminRelationship> page = call("GET " + RELATIONSHIPS, () ->
        get(graphBaseUrl() + RELATIONSHIPS, correlationId).body(type));
    return new Pager<GraphCollection<DelegatedAdminRelationship>, DelegatedAdminRelationship>(
        "GET " + RELATIONSHIPS, partnerCenter.maxPages(), GraphCollection::valueOrEmpty, GraphCollection::nextLink,
        current -> nextGraphPage(current.nextLink(), correlationId, type))
        .all(page);
  }

  @Override
  public DelegatedAdminRelationship createDelegatedAdminRelationship(DelegatedAdminRelationship relationship) {
    String correlationId = correlationId();
    return call("POST " + RELATIONSHIPS, () ->
        post(graphBaseUrl() + RELATIONSHIPS, correlationId, relationship).body(DelegatedAdminRelationship.class));
  }

  @Override
  public DelegatedAdminRelationshipRequest requestDelegatedAdminRelationshipAction(
      String relationshipId, DelegatedAdminRelationshipRequest.Action action) {
    String correlationId = correlationId();
    return call("POST " + RELATIONSHIPS + "/" + relationshipId + "/requests", () ->
        post(graphBaseUrl() + RELATIONSHIPS + "/{id}/requests", correlationId, Map.of("action", action.name()),
            relationshipId).body(DelegatedAdminRelationshipRequest.class));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads the relationship first: its {@code @odata.etag} goes into the {@code If-Match} header the update
   * page requires.
   */
  @Override
  public DelegatedAdminRelationship updateDelegatedAdminRelationshipAutoExtendDuration(
      String relationshipId, String autoExtendDuration) {
    String correlationId = correlationId();
    JsonNode current = call("GET " + RELATIONSHIPS + "/" + relationshipId, () ->
        get(graphBaseUrl() + RELATIONSHIPS + "/{id}", correlationId, relationshipId).body(JsonNode.class));
    String etag = current == null ? null : textOrNull(current.get("@odata.etag"));
    return call("PATCH " + RELATIONSHIPS + "/" + relationshipId, () ->
        restClient.patch()
            .uri(graphBaseUrl() + RELATIONSHIPS + "/{id}", relationshipId)
            .headers(headers -> {
              standardHeaders(headers, correlationId);
              if (etag != null) {
                headers.set(HttpHeaders.IF_MATCH, etag);
              }
            })
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("autoExtendDuration", autoExtendDuration))
            .retrieve()
            .body(DelegatedAdminRelationship.class));
  }

  @Override
  public List<DelegatedAdminAccessAssignment> getAccessAssignments(String relationshipId) {
    String correlationId = correlationId();
    ParameterizedTypeReference<GraphCollection<DelegatedAdminAccessAssignment>> type = new ParameterizedTypeReference<>() {};
    GraphCollection<DelegatedAdminAccessAssignment> page = call("GET " + RELATIONSHIPS + "/" + relationshipId
        + "/accessAssignments", () ->
        get(graphBaseUrl() + RELATIONSHIPS + "/{id}/accessAssignments", correlationId, relationshipId).body(type));
    return new Pager<GraphCollection<DelegatedAdminAccessAssignment>, DelegatedAdminAccessAssignment>(
        "GET " + RELATIONSHIPS + "/" + relationshipId + "/accessAssignments", partnerCenter.maxPages(),
        GraphCollection::valueOrEmpty, GraphCollection::nextLink,
        current -> nextGraphPage(current.nextLink(), correlationId, type))
        .all(page);
  }

  @Override
  public DelegatedAdminAccessAssignment createAccessAssignment(
      String relationshipId, DelegatedAdminAccessAssignment assignment) {
    String correlationId = correlationId();
    return call("POST " + RELATIONSHIPS + "/" + relationshipId + "/accessAssignments", () ->
        post(graphBaseUrl() + RELATIONSHIPS + "/{id}/accessAssignments", correlationId, assignment, relationshipId)
            .body(DelegatedAdminAccessAssignment.class));
  }

  // ---------------------------------------------------------------- ending a relationship

  @Override
  public List<Entitlement> getEntitlements(String customerTenantId) {
    String correlationId = correlationId();
    ParameterizedTypeReference<ResourceCollection<Entitlement>> type = new ParameterizedTypeReference<>() {};
    return notFoundAsEmpty(() -> call("GET /v1/customers/" + customerTenantId + "/entitlements", () ->
            get(apiBaseUrl() + "/v1/customers/{id}/entitlements?showExpiry=true", correlationId, customerTenantId)
                .body(type)))
        .map(ResourceCollection::itemsOrEmpty)
        .orElse(List.of());
  }

  /**
   * {@inheritDoc}
   *
   * <p>The body is remove-a-reseller-relationship-with-a-customer's example, property names as written there.
   */
  @Override
  public Customer removeResellerRelationship(String customerTenantId) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("relationshipToPartner", Customer.NONE);
    body.putObject("attributes").put("objectType", "Customer");
    String correlationId = correlationId();
    return call("PATCH /v1/customers/" + customerTenantId, () -> restClient.patch()
        .uri(apiBaseUrl() + "/v1/customers/{id}", customerTenantId)
        .headers(headers -> standardHeaders(headers, correlationId))
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .body(Customer.class));
  }

  @Override
  public List<AuditRecord> getAuditRecords(LocalDate startDate, LocalDate endDate, String resourceType) {
    ObjectNode filter = JsonNodeFactory.instance.objectNode()
        .put("Field", "ResourceType").put("Value", resourceType).put("Operator", "equals");
    String correlationId = correlationId();
    ParameterizedTypeReference<ResourceCollection<AuditRecord>> type = new ParameterizedTypeReference<>() {};
    ResourceCollection<AuditRecord> records = call("GET /v1/auditrecords?startDate=" + startDate + "&endDate=" + endDate
        + "&filter=" + filter, () -> get(apiBaseUrl() + "/v1/auditrecords?startDate={start}&endDate={end}&filter={filter}",
        correlationId, startDate.toString(), endDate.toString(), filter.toString()).body(type));
    return records == null ? List.of() : records.itemsOrEmpty();
  }

  // ---------------------------------------------------------------- subscriptions, commerce and transfers

  @Override
  public MpnProfile getMpnProfile() {
    String correlationId = correlationId();
    return call("GET /v1/profiles/mpn", () -> get(apiBaseUrl() + "/v1/profiles/mpn", correlationId).body(MpnProfile.class));
  }

  @Override
  public Optional<TenantInformation> findTenantInformation(String tenantId) {
    return tenantInformation(FIND_TENANT_INFORMATION.replace("{tenantId}", odataString(tenantId)));
  }

  /** A Graph {@code tenantRelationship} function call answering a {@code tenantInformation}; 404 is empty. */
  private Optional<TenantInformation> tenantInformation(String function) {
    String correlationId = correlationId();
    return notFoundAsEmpty(() -> call("GET " + function, () -> restClient.get()
        .uri(URI.create(graphBaseUrl() + function))
        .headers(headers -> standardHeaders(headers, correlationId))
        .retrieve()
        .body(TenantInformation.class)));
  }

  /** An OData string literal's content, quotes doubled, percent-encoded for the URL path. */
  private static String odataString(String value) {
    return URLEncoder.encode(value.trim().replace("'", "''"), StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public Optional<Subscription> getSubscription(String customerTenantId, String subscriptionId) {
    String correlationId = correlationId();
    return notFoundAsEmpty(() -> call("GET /v1/customers/" + customerTenantId + "/subscriptions/" + subscriptionId, () ->
        get(apiBaseUrl() + "/v1/customers/{id}/subscriptions/{sid}", correlationId, customerTenantId, subscriptionId)
            .body(Subscription.class)));
  }

  @Override
  public List<AzureEntitlement> getAzureEntitlements(String customerTenantId, String subscriptionId) {
    String correlationId = correlationId();
    ParameterizedTypeReference<ResourceCollection<AzureEntitlement>> type = new ParameterizedTypeReference<>() {};
    ResourceCollection<AzureEntitlement> entitlements = call("GET /v1/customers/" + customerTenantId
        + "/subscriptions/" + subscriptionId + "/azureEntitlements", () ->
        get(apiBaseUrl() + "/v1/customers/{id}/subscriptions/{sid}/azureEntitlements", correlationId,
            customerTenantId, subscriptionId).body(type));
    return entitlements == null ? List.of() : entitlements.itemsOrEmpty();
  }

  @Override
  protected void sendCancelAzureEntitlement(
      String customerTenantId, String subscriptionId, String entitlementId, String cancellationReason) {
    String correlationId = correlationId();
    call("POST .../azureEntitlements/" + entitlementId + "/cancel", () ->
        post(apiBaseUrl() + "/v1/customers/{id}/subscriptions/{sid}/azureEntitlements/{eid}/cancel", correlationId,
            Map.of("cancellationReason", cancellationReason), customerTenantId, subscriptionId, entitlementId)
            .toBodilessEntity());
  }

  /**
   * {@inheritDoc}
   *
   * <p>The body is sent as suspend-a-subscription writes it: the full Subscription with PascalCase property names.
   */
  @Override
  protected Subscription sendUpdateSubscription(String customerTenantId, Subscription current, Subscription subscription) {
    String etag = current.attributes() == null ? null : current.attributes().get("etag");
    JsonNode body = pascalCase(objectMapper.valueToTree(subscription));
    String correlationId = correlationId();
    return call("PATCH /v1/customers/" + customerTenantId + "/subscriptions/" + subscription.id(), () ->
        restClient.patch()
            .uri(apiBaseUrl() + "/v1/customers/{id}/subscriptions/{sid}", customerTenantId, subscription.id())
            .headers(headers -> {
              standardHeaders(headers, correlationId);
              if (etag != null) {
                headers.setIfMatch(etag);
              }
            })
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .body(Subscription.class));
  }

  @Override
  public List<CustomerAgreement> getCustomerAgreements(String customerTenantId, String agreementType) {
    String correlationId = correlationId();
    ParameterizedTypeReference<ResourceCollection<CustomerAgreement>> type = new ParameterizedTypeReference<>() {};
    ResourceCollection<CustomerAgreement> agreements = call("GET /v1/customers/" + customerTenantId + "/agreements", () ->
        get(apiBaseUrl() + "/v1/customers/{id}/agreements?agreementType={type}", correlationId, customerTenantId,
            agreementType).body(type));
    return agreements == null ? List.of() : agreements.itemsOrEmpty();
  }

  @Override
  public List<AgreementMetaData> getAgreementMetaData(String agreementType) {
    String correlationId = correlationId();
    ParameterizedTypeReference<ResourceCollection<AgreementMetaData>> type = new ParameterizedTypeReference<>() {};
    ResourceCollection<AgreementMetaData> templates = call("GET /v1/agreements?agreementType=" + agreementType, () ->
        get(apiBaseUrl() + "/v1/agreements?agreementType={type}", correlationId, agreementType).body(type));
    return templates == null ? List.of() : templates.itemsOrEmpty();
  }

  @Override
  public CustomerAgreement createCustomerAgreement(String customerTenantId, CustomerAgreement agreement) {
    String correlationId = correlationId();
    return call("POST /v1/customers/" + customerTenantId + "/agreements", () ->
        post(apiBaseUrl() + "/v1/customers/{id}/agreements", correlationId, agreement, customerTenantId)
            .body(CustomerAgreement.class));
  }

  @Override
  public List<Catalog.Product> getProducts(String country, String targetView) {
    String correlationId = correlationId();
    ParameterizedTypeReference<ResourceCollection<Catalog.Product>> type = new ParameterizedTypeReference<>() {};
    ResourceCollection<Catalog.Product> products = call("GET /v1/products?country=" + country + "&targetView=" + targetView,
        () -> get(apiBaseUrl() + "/v1/products?country={country}&targetView={view}", correlationId, country, targetView)
            .body(type));
    return products == null ? List.of() : products.itemsOrEmpty();
  }

  @Override
  public List<Catalog.Sku> getSkus(String productId, String country) {
    String correlationId = correlationId();
    ParameterizedTypeReference<ResourceCollection<Catalog.Sku>> type = new ParameterizedTypeReference<>() {};
    ResourceCollection<Catalog.Sku> skus = call("GET /v1/products/" + productId + "/skus", () ->
        get(apiBaseUrl() + "/v1/products/{id}/skus?country={country}", correlationId, productId, country).body(type));
    return skus == null ? List.of() : skus.itemsOrEmpty();
  }

  @Override
  public List<Catalog.Availability> getAvailabilities(String productId, String skuId, String country) {
    String correlationId = correlationId();
    ParameterizedTypeReference<ResourceCollection<Catalog.Availability>> type = new ParameterizedTypeReference<>() {};
    ResourceCollection<Catalog.Availability> availabilities = call("GET /v1/products/" + productId + "/skus/" + skuId
        + "/availabilities", () -> get(apiBaseUrl() + "/v1/products/{id}/skus/{sku}/availabilities?country={country}",
        correlationId, productId, skuId, country).body(type));
    return availabilities == null ? List.of() : availabilities.itemsOrEmpty();
  }

  @Override
  public Cart createCart(String customerTenantId, Cart cart) {
    String correlationId = correlationId();
    return call("POST /v1/customers/" + customerTenantId + "/carts", () ->
        post(apiBaseUrl() + "/v1/customers/{id}/carts", correlationId, cart, customerTenantId).body(Cart.class));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Sent without a body, as checkout-a-cart's example ({@code Content-Length: 0}).
   */
  @Override
  public CartCheckoutResult checkoutCart(String customerTenantId, String cartId) {
    String correlationId = correlationId();
    return call("POST /v1/customers/" + customerTenantId + "/carts/" + cartId + "/checkout", () ->
        restClient.post()
            .uri(apiBaseUrl() + "/v1/customers/{id}/carts/{cartId}/checkout", customerTenantId, cartId)
            .headers(headers -> standardHeaders(headers, correlationId))
            .contentType(MediaType.APPLICATION_JSON)
            .retrieve()
            .body(CartCheckoutResult.class));
  }

  @Override
  protected TransferEntity sendCreateTransfer(String customerTenantId, TransferEntity transfer) {
    String correlationId = correlationId();
    return call("POST /v1/customers/" + customerTenantId + "/transfers", () ->
        post(apiBaseUrl() + "/v1/customers/{id}/transfers", correlationId, transfer, customerTenantId)
            .body(TransferEntity.class));
  }

  @Override
  protected TransferEntity sendCancelTransfer(String customerTenantId, TransferEntity transfer) {
    String correlationId = correlationId();
    return call("PATCH /v1/customers/" + customerTenantId + "/transfers/" + transfer.id(), () ->
        restClient.patch()
            .uri(apiBaseUrl() + "/v1/customers/{id}/transfers/{tid}", customerTenantId, transfer.id())
            .headers(headers -> standardHeaders(headers, correlationId))
            .contentType(MediaType.APPLICATION_JSON)
            .body(transfer.cancelRequest())
            .retrieve()
            .body(TransferEntity.class));
  }

  @Override
  public Optional<TransferEntity> getTransfer(String customerTenantId, String transferId) {
    String correlationId = correlationId();
    return notFoundAsEmpty(() -> call("GET /v1/customers/" + customerTenantId + "/transfers/" + transferId, () ->
        get(apiBaseUrl() + "/v1/customers/{id}/transfers/{tid}", correlationId, customerTenantId, transferId)
            .body(TransferEntity.class)));
  }

  /**
   * {@inheritDoc}
   *
   * <p>get-all-of-a-customer-s-transfers answers a bare JSON array; a collection object ({@code items}) is read too.
   */
  @Override
  public List<TransferEntity> getTransfers(String customerTenantId) {
    String correlationId = correlationId();
    JsonNode transfers = call("GET /v1/customers/" + customerTenantId + "/transfers", () ->
        get(apiBaseUrl() + "/v1/customers/{id}/transfers", correlationId, customerTenantId).body(JsonNode.class));
    JsonNode items = transfers == null ? null : transfers.isArray() ? transfers : transfers.get("items");
    if (items == null || !items.isArray()) {
      return List.of();
    }
    List<TransferEntity> list = new ArrayList<>();
    for (JsonNode item : items) {
      list.add(call("read TransferEntity", () -> {
        try {
          return objectMapper.treeToValue(item, TransferEntity.class);
        } catch (JsonProcessingException e) {
          throw new PartnerCenterException(0, null, "Unreadable TransferEntity: " + e.getOriginalMessage(), e);
        }
      }));
    }
    return list;
  }


  /** Property names as the suspend-a-subscription example writes them: {@code status} → {@code Status}, nested too. */
  private static JsonNode pascalCase(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(field -> copy.set(
          Character.toUpperCase(field.getKey().charAt(0)) + field.getKey().substring(1), pascalCase(field.getValue())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> copy.add(pascalCase(item)));
      return copy;
    }
    return node;
  }

  @Override
  protected String ourTenantId() {
    return partner.tenantId();
  }

  // ---------------------------------------------------------------- HTTP plumbing

  /**
   * The key the {@link Pager} compares to notice a loop: a Partner Center {@code links.next} is its relative
   * {@code uri} plus its headers (the continuation token), since the uri alone repeats from page to page.
   */
  private static String nextLinkKey(ResourceCollection<?> page) {
    ResourceLinks.Link next = page.links() == null ? null : page.links().next();
    if (next == null || next.uri() == null) {
      return null;
    }
    return next.uri() + (next.headers() == null ? "" : next.headers().stream()
        .map(header -> " " + header.key() + "=" + header.value()).collect(java.util.stream.Collectors.joining()));
  }

  /** Fetches a Partner Center {@code links.next}: its uri relative to the API base, with the headers it names. */
  private <T> T nextPartnerCenterPage(ResourceLinks.Link next, String correlationId, ParameterizedTypeReference<T> type) {
    String uri = next.uri().startsWith("/v1/") ? next.uri() : "/v1" + (next.uri().startsWith("/") ? "" : "/") + next.uri();
    return call("GET " + uri, () -> restClient.get()
        .uri(URI.create(apiBaseUrl() + uri))
        .headers(headers -> {
          standardHeaders(headers, correlationId);
          if (next.headers() != null) {
            next.headers().forEach(header -> headers.set(header.key(), header.value()));
          }
        })
        .retrieve()
        .body(type));
  }

  /** Fetches a Graph {@code @odata.nextLink} (an absolute URL). */
  private <T> T nextGraphPage(String nextLink, String correlationId, ParameterizedTypeReference<T> type) {
    return call("GET " + nextLink, () -> restClient.get()
        .uri(URI.create(nextLink))
        .headers(headers -> standardHeaders(headers, correlationId))
        .retrieve()
        .body(type));
  }

  private RestClient.ResponseSpec get(String uriTemplate, String correlationId, Object... variables) {
    return restClient.get()
        .uri(uriTemplate, variables)
        .headers(headers -> standardHeaders(headers, correlationId))
        .retrieve();
  }

  private RestClient.ResponseSpec post(String uriTemplate, String correlationId, Object body, Object... variables) {
    return restClient.post()
        .uri(uriTemplate, variables)
        .headers(headers -> standardHeaders(headers, correlationId))
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve();
  }

  private void standardHeaders(HttpHeaders headers, String correlationId) {
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    headers.set("MS-RequestId", UUID.randomUUID().toString());
    headers.set("MS-CorrelationId", correlationId);
    headers.set("X-Locale", "en-US");
  }

  /** @return the Partner Center REST base URL, resolved now */
  public String apiBaseUrl() {
    return endpoints.apiBaseUrl();
  }

  /** @return the Microsoft Graph base URL, resolved now */
  public String graphBaseUrl() {
    return endpoints.graphBaseUrl();
  }

  private static String correlationId() {
    return UUID.randomUUID().toString();
  }

  /** Runs a call, turning transport and conversion failures into {@link PartnerCenterException}. */
  private static <T> T call(String operation, Supplier<T> request) {
    try {
      return request.get();
    } catch (PartnerCenterException e) {
      throw e;
    } catch (RestClientException e) {
      throw new PartnerCenterException(0, null, operation + " failed: " + e.getMessage(), e);
    }
  }

  private static <T> Optional<T> notFoundAsEmpty(Supplier<T> request) {
    try {
      return Optional.ofNullable(request.get());
    } catch (PartnerCenterException e) {
      if (e.getHttpStatus() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Status handler: reads the error body of Partner Center or Graph and throws. */
  private void raise(HttpRequest request, ClientHttpResponse response) throws IOException {
    int status = response.getStatusCode().value();
    String body = StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8);
    String code = null;
    String description = body;
    try {
      JsonNode error = objectMapper.readTree(body);
      if (error != null && error.path("error").isObject()) {
        code = textOrNull(error.path("error").path("code"));
        description = error.path("error").path("message").asText(body);
      } else if (error != null && error.has("code")) {
        code = textOrNull(error.path("code"));
        description = error.path("description").asText(body);
      }
    } catch (JsonProcessingException e) {
      // not JSON: keep the raw body as description
    }
    String correlationId = response.getHeaders().getFirst("MS-CorrelationId");
    String requestId = response.getHeaders().getFirst("MS-RequestId");
    throw new PartnerCenterException(status, code,
        request.getMethod() + " " + request.getURI().getPath() + " answered " + status
            + (code == null ? "" : " (code " + code + ")") + ": " + description
            + (correlationId == null ? "" : " [MS-CorrelationId " + correlationId
                + (requestId == null ? "" : ", MS-RequestId " + requestId) + "]"),
        null);
  }

  private static String textOrNull(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  /**
   * A Microsoft Graph collection: {@code {"@odata.context", "value": [...], "@odata.nextLink"}}.
   *
   * @param value the items of this page
   * @param nextLink absolute URL of the next page, or null
   * @param <T> the entity type
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record GraphCollection<T>(List<T> value, @JsonProperty("@odata.nextLink") String nextLink) {

    List<T> valueOrEmpty() {
      return value == null ? List.of() : value;
    }
  }
}
