package io.partnerchannel.orchestrator.partnercenter.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.system.LocalServer;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.partnerchannel.orchestrator.partnercenter.AgreementMetaData;
import io.partnerchannel.orchestrator.partnercenter.AzureEntitlement;
import io.partnerchannel.orchestrator.partnercenter.Cart;
import io.partnerchannel.orchestrator.partnercenter.CartCheckoutResult;
import io.partnerchannel.orchestrator.partnercenter.Catalog;
import io.partnerchannel.orchestrator.partnercenter.CustomerAgreement;
import io.partnerchannel.orchestrator.partnercenter.MultiPartnerGuardException;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterEndpoints;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterProperties;
import io.partnerchannel.orchestrator.partnercenter.PartnerProperties;
import io.partnerchannel.orchestrator.partnercenter.Subscription;
import io.partnerchannel.orchestrator.partnercenter.TransferEntity;
import io.partnerchannel.orchestrator.partnercenter.contract.ContractFixture;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * The commerce and transfer calls of {@link RestPartnerCenter} against Microsoft's documented examples
 * ({@code src/test/resources/contract/partner-center/*.json}), not against our sandbox: WireMock answers each call
 * with the documented response, and the test compares the request the client sent with the documented request —
 * method, path, query, the documented headers, and the body's property names (every name we send is one the page
 * uses, in its casing; for create-a-transfer, confirm-customer-consent and suspend every documented name is sent too)
 * — then checks that the documented answer parses into the port's types.
 */
class CommerceContractTest {

  private static final String NORTHWIND = "a1b2c3d4-0000-4000-8000-000000000001";
  private static final String OUR_MPN = "6100001";
  /**
   * Property names of the {@code Subscription} resource (subscription-resources): suspend-a-subscription PATCHes the
   * full resource, so any of them may be sent, in the example's PascalCase.
   */
  private static final Set<String> SUBSCRIPTION_PROPERTIES = Set.of("Id", "OfferId", "EntitlementId", "OfferName",
      "FriendlyName", "Quantity", "UnitType", "ParentSubscriptionId", "CreationDate", "EffectiveStartDate",
      "CommitmentEndDate", "Status", "AutoRenewEnabled", "BillingType", "BillingCycle", "HasPurchasableAddons",
      "IsTrial", "IsMicrosoftProduct", "PublisherName", "Actions", "PartnerId", "SuspensionReasons", "ContractType",
      "RefundOptions", "Links", "OrderId", "TermDuration", "Attributes", "RenewalTermDuration", "Etag", "ObjectType");

  private static final WireMockServer wireMock = new WireMockServer(options().dynamicPort());
  private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

  private RestPartnerCenter partnerCenter;

  @BeforeAll
  static void startWireMock() {
    wireMock.start();
  }

  @AfterAll
  static void stopWireMock() {
    wireMock.stop();
  }

  @BeforeEach
  void pointTheClientAtWireMock() {
    wireMock.resetAll();
    RestClient.Builder builder = RestClient.builder().messageConverters(converters -> {
      converters.removeIf(MappingJackson2HttpMessageConverter.class::isInstance);
      converters.add(new MappingJackson2HttpMessageConverter(JSON));
    });
    partnerCenter = client(builder, NORTHWIND);
  }

  /** The client as the partner with this tenant id, signed in (a fixed token), throttling as configured by default. */
  private static RestPartnerCenter client(RestClient.Builder builder, String partnerTenantId) {
    PartnerProperties partner = new PartnerProperties(partnerTenantId, "GLOBAL");
    PartnerCenterProperties properties = new PartnerCenterProperties(PartnerCenterProperties.Mode.PARTNER_CENTER,
        null, null, null, null, Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(60),
        new PartnerCenterProperties.Throttling(3, Duration.ofSeconds(30), Duration.ofSeconds(2)), 100,
        new PartnerCenterProperties.Webhook(false, List.of()), wireMock.baseUrl(), wireMock.baseUrl() + "/v1.0");
    LocalServer unused = new LocalServer(new StaticListableBeanFactory().getBeanProvider(ServerProperties.class));
    return new RestPartnerCenter(builder, new PartnerCenterEndpoints(properties, partner, unused),
        audience -> "contract-test-token", properties, partner, JSON);
  }

  @Test
  void getAllOfACustomersSubscriptions() {
    ContractFixture fixture = serve("get-all-of-a-customer-s-subscriptions");

    List<Subscription> subscriptions = partnerCenter.getSubscriptions("c0ffee00-0000-4000-8000-000000000006");

    assertRequest(fixture, last());
    assertThat(subscriptions).singleElement().satisfies(subscription -> {
      assertThat(subscription.id()).isEqualTo("83ef9d05-4169-4ef9-9657-0e86b1eab1de");
      assertThat(subscription.status()).isEqualTo("active");
      assertThat(subscription.commitmentEndDate()).isEqualTo(OffsetDateTime.parse("2016-12-12T08:00:00Z"));
      assertThat(subscription.attributes()).containsEntry("objectType", "Subscription");
    });
  }

  @Test
  void getASubscriptionById() {
    ContractFixture fixture = serve("get-a-subscription-by-id");

    Subscription subscription = partnerCenter.getSubscription("4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04",
        "A356AC8C-E310-44F4-BF85-C7F29044AF99").orElseThrow();

    assertRequest(fixture, last());
    assertThat(subscription.offerId()).isEqualTo("MS-AZR-0145P");
    assertThat(subscription.billingType()).isEqualTo("usage");
    assertThat(subscription.attributes()).containsKey("etag");
  }

  @Test
  void aSubscriptionOfAnotherPartnerIsForbiddenAndNeverChanged() {
    wireMock.stubFor(get(urlPathMatching("/v1/customers/[^/]+/subscriptions/[^/]+")).willReturn(aResponse()
        .withStatus(403).withHeader("Content-Type", "application/json")
        .withBody("{\"code\":20002,\"description\":\"No commerce relationship\",\"source\":\"PartnerFD\"}")));

    assertThatThrownBy(() -> partnerCenter.getSubscription("c0ffee00-0000-4000-8000-000000000006",
            "5b5c0000-0000-4000-8000-000000000009"))
        .isInstanceOfSatisfying(PartnerCenterException.class, refused -> {
          assertThat(refused.getHttpStatus()).isEqualTo(403);
          assertThat(refused.getErrorCode()).isEqualTo("20002");
        });
    assertThatThrownBy(() -> partnerCenter.updateSubscription("c0ffee00-0000-4000-8000-000000000006",
            new Subscription("5b5c0000-0000-4000-8000-000000000009", null, null, null, null, null, null, null, null,
                null, "suspended", null, null)))
        .isInstanceOf(MultiPartnerGuardException.class);
    assertThat(wireMock.findAll(anyRequestedFor(anyUrl())).stream().map(LoggedRequest::getMethod).map(Object::toString))
        .containsOnly("GET");
  }

  @Test
  void suspendASubscription() {
    ContractFixture current = ContractFixture.load("partner-center/get-a-subscription-by-id");
    ObjectNode ours = (ObjectNode) current.response().body().deepCopy();
    ours.put("id", "83ef9d05-4169-4ef9-9657-0e86b1eab1de");
    wireMock.stubFor(get(urlPathMatching("/v1/customers/[^/]+/subscriptions/83ef9d05-4169-4ef9-9657-0e86b1eab1de"))
        .willReturn(json(200, ours)));
    ContractFixture fixture = serve("suspend-a-subscription");
    stubMpnProfile();
    String etag = ours.path("attributes").path("etag").asText();

    Subscription read = partnerCenter.getSubscription("c0ffee00-0000-4000-8000-000000000004",
        "83ef9d05-4169-4ef9-9657-0e86b1eab1de").orElseThrow();
    wireMock.resetRequests();
    Subscription suspended = partnerCenter.updateSubscription("c0ffee00-0000-4000-8000-000000000004",
        new Subscription(read.id(), read.offerId(), read.offerName(), read.friendlyName(), read.quantity(), read.unitType(),
            read.billingType(), read.billingCycle(), read.termDuration(), read.commitmentEndDate(), "suspended",
            read.partnerId(), read.attributes()));

    LoggedRequest patch = only("PATCH");
    assertRequest(fixture, patch);
    assertThat(patch.getHeader("If-Match")).isEqualTo(etag);
    JsonNode body = body(patch);
    assertThat(names(body)).isSubsetOf(SUBSCRIPTION_PROPERTIES);
    assertThat(body.path("Status").asText()).isEqualTo("suspended");
    assertThat(body.path("Id").asText()).isEqualTo("83ef9d05-4169-4ef9-9657-0e86b1eab1de");
    assertThat(body.path("OfferId").asText()).isEqualTo("MS-AZR-0145P");
    assertThat(suspended.status()).isEqualTo("suspended");
    assertThat(suspended.friendlyName()).isEqualTo("nickname");
    assertThat(suspended.commitmentEndDate()).isEqualTo(OffsetDateTime.parse("2016-12-12T08:00:00Z"));
  }

  @Test
  void getAListOfAzureEntitlementsForASubscription() {
    ContractFixture fixture = serve("get-a-list-of-azure-entitlements-for-subscription");

    List<AzureEntitlement> entitlements = partnerCenter.getAzureEntitlements("11f9bc2a-1f38-431c-a0b0-9455c6f5bbc0",
        "3f15978e-005c-b763-bb78-2a8fab289c58");

    assertRequest(fixture, last());
    assertThat(entitlements).singleElement().satisfies(azure -> {
      assertThat(azure.id()).isEqualTo("899ae6f1-8a74-4d5e-b6c6-e6b5019bbff8");
      assertThat(azure.isActive()).isTrue();
      assertThat(azure.subscriptionId()).isEqualTo("3f15978e-005c-b763-bb78-2a8fab289c58");
    });
  }

  @Test
  void cancelAnAzureEntitlementOfOurOwnAzurePlan() {
    ContractFixture current = ContractFixture.load("partner-center/get-a-subscription-by-id");
    ObjectNode plan = (ObjectNode) current.response().body().deepCopy();
    plan.put("id", "5b5c0000-0000-4000-8000-0000000000aa").put("partnerId", OUR_MPN);
    wireMock.stubFor(get(urlPathMatching("/v1/customers/[^/]+/subscriptions/5b5c0000-0000-4000-8000-0000000000aa"))
        .willReturn(json(200, plan)));
    stubMpnProfile();
    ContractFixture fixture = serve("cancel-an-azure-entitlement");

    partnerCenter.cancelAzureEntitlement("c0ffee00-0000-4000-8000-000000000004", "5b5c0000-0000-4000-8000-0000000000aa",
        "a2e00000-0000-4000-8000-0000000000bb", "Migration withdrawn");

    LoggedRequest post = only("POST");
    assertRequest(fixture, post);
    assertThat(names(body(post))).isEqualTo(names(fixture.request().body()));
    assertThat(body(post).path("cancellationReason").asText()).isEqualTo("Migration withdrawn");
  }

  @Test
  void getAListOfProducts() {
    ContractFixture fixture = serve("get-a-list-of-products");

    List<Catalog.Product> products = partnerCenter.getProducts("US", Catalog.MICROSOFT_AZURE_VIEW);

    assertRequest(fixture, last());
    assertThat(products).singleElement().satisfies(product -> {
      assertThat(product.id()).isEqualTo("DZH318Z0BQ3Q");
      assertThat(product.productType().id()).isEqualTo("Azure");
    });
  }

  @Test
  void getAListOfSkusForAProduct() {
    ContractFixture fixture = serve("get-a-list-of-skus-for-a-product");

    List<Catalog.Sku> skus = partnerCenter.getSkus(Catalog.AZURE_PLAN_PRODUCT, "US");

    assertRequest(fixture, last());
    assertThat(skus).singleElement().satisfies(sku -> {
      assertThat(sku.id()).isEqualTo("0001");
      assertThat(sku.productId()).isEqualTo("DZH318Z0BQ5S");
    });
  }

  @Test
  void getAListOfAvailabilitiesForASku() {
    ContractFixture fixture = serve("get-a-list-of-availabilities-for-a-sku");

    List<Catalog.Availability> availabilities = partnerCenter.getAvailabilities("DZH318Z0BQ3Q", "0001", "US");

    assertRequest(fixture, last());
    assertThat(availabilities).singleElement().satisfies(availability -> {
      assertThat(availability.catalogItemId()).isEqualTo("DZH318Z0BQ3Q:0001:DZH318XZXVNF");
      assertThat(availability.isPurchasable()).isTrue();
    });
  }

  @Test
  void createACart() {
    ContractFixture fixture = serve("create-a-cart");

    Cart cart = partnerCenter.createCart("d6bf25b7-e0a8-4f2d-a31b-97b55cfc774d", Cart.of(List.of(
        new Cart.LineItem(0, "DZH318Z0BPS6:0001:DZH318Z0BMGV", "Azure plan (migration 1)", 1, "one_time", null, null))));

    LoggedRequest post = last();
    assertRequest(fixture, post);
    assertThat(names(body(post))).isSubsetOf(names(fixture.request().body()));
    // friendlyName: a CartLineItem property (cart-resources) the example does not use; it names the new subscription
    assertThat(lineItemNames(body(post))).isSubsetOf(
        union(lineItemNames(fixture.request().body()), Set.of("friendlyName")));
    assertThat(body(post).path("lineItems").get(0).path("catalogItemId").asText()).isEqualTo("DZH318Z0BPS6:0001:DZH318Z0BMGV");
    assertThat(cart.id()).isEqualTo("3655b1a0-b1c9-4268-9824-577fdbc4d0be");
    assertThat(cart.status()).isEqualTo("Active");
    assertThat(cart.lineItems()).hasSize(6);
  }

  @Test
  void checkoutACart() {
    ContractFixture fixture = serve("checkout-a-cart");

    CartCheckoutResult result = partnerCenter.checkoutCart("d6bf25b7-e0a8-4f2d-a31b-97b55cfc774d",
        "b4c8fdea-cbe4-4d17-9576-13fcacbf9605");

    LoggedRequest post = last();
    assertRequest(fixture, post);
    assertThat(post.getBody()).isEmpty();
    assertThat(result.ordersOrEmpty()).hasSize(3);
    assertThat(result.ordersOrEmpty().get(0).lineItems().get(0).subscriptionId())
        .isEqualTo("EF2E1307-86E6-40E3-A794-872403FBD31C");
  }

  @Test
  void getConfirmationOfCustomerAgreement() {
    ContractFixture fixture = serve("get-confirmation-of-customer-agreement");

    List<CustomerAgreement> agreements = partnerCenter.getCustomerAgreements("14876998-c0dc-46e6-9d0c-65a57a6c32ec",
        CustomerAgreement.MICROSOFT_CUSTOMER_AGREEMENT);

    assertRequest(fixture, last());
    assertThat(agreements).hasSize(2).first().satisfies(agreement -> {
      assertThat(agreement.templateId()).isEqualTo("117a77b0-9360-443b-8795-c6dedc750cf9");
      assertThat(agreement.primaryContact().email()).isEqualTo("SomeEmail@example.com");
    });
  }

  @Test
  void getAgreementMetadata() {
    ContractFixture fixture = serve("get-agreement-metadata");

    List<AgreementMetaData> templates = partnerCenter.getAgreementMetaData(CustomerAgreement.MICROSOFT_CUSTOMER_AGREEMENT);

    assertRequest(fixture, last());
    assertThat(templates).singleElement().satisfies(template -> {
      assertThat(template.templateId()).isEqualTo("998b88de-aa99-4388-a42c-1b3517d49490");
      assertThat(template.versionRank()).isZero();
    });
  }

  @Test
  void confirmCustomerConsentToTheCustomerAgreement() {
    ContractFixture fixture = serve("confirm-customer-consent-customer-agreement");

    CustomerAgreement stored = partnerCenter.createCustomerAgreement("14876998-c0dc-46e6-9d0c-65a57a6c32ec",
        new CustomerAgreement(new CustomerAgreement.Contact("Tania", "Carr", "someone@example.com", "1234567890"),
            "117a77b0-9360-443b-8795-c6dedc750cf9", "2018-06-14T00:00:00.000Z",
            CustomerAgreement.MICROSOFT_CUSTOMER_AGREEMENT, null, null));

    LoggedRequest post = last();
    assertRequest(fixture, post);
    assertThat(body(post)).isEqualTo(fixture.request().body());
    assertThat(stored.type()).isEqualTo(CustomerAgreement.MICROSOFT_CUSTOMER_AGREEMENT);
    assertThat(stored.primaryContact().lastName()).isEqualTo("Carr");
  }

  @Test
  void createATransferForNewCommerce() {
    ContractFixture fixture = serve("create-a-transfer");
    String target = fixture.request().body().path("targetPartnerTenantId").asText();
    RestPartnerCenter asTarget = client(RestClient.builder().messageConverters(converters -> {
          converters.removeIf(MappingJackson2HttpMessageConverter.class::isInstance);
          converters.add(new MappingJackson2HttpMessageConverter(JSON));
        }), target);
    JsonNode documented = fixture.request().body();

    TransferEntity created = asTarget.createTransfer("a624f7f8-408b-49b0-9320-df79e56bed55", TransferEntity.request(
        documented.path("sourcePartnerTenantId").asText(), documented.path("sourcePartnerName").asText(),
        documented.path("customerEmailId").asText(), documented.path("customerName").asText(), target,
        TransferEntity.AZURE_SUBSCRIPTION));

    LoggedRequest post = last();
    assertRequest(fixture, post);
    JsonNode sent = body(post);
    assertThat(names(sent)).isEqualTo(names(documented));
    assertThat(sent.path("transferType").isNumber()).as("transferType is a number").isTrue();
    assertThat(sent.path("transferType").asInt()).isIn(3, 5).isEqualTo(TransferEntity.NEW_COMMERCE);
    ObjectNode comparable = ((ObjectNode) sent.deepCopy()).put("transferType", documented.path("transferType").asInt());
    assertThat(comparable).isEqualTo(documented);
    assertThat(created.id()).isEqualTo("43fb1d3a-79fe-45a9-863e-9a4acf17b630");
    assertThat(created.status()).isEqualTo(TransferEntity.ACTIVE);
    assertThat(created.transferType()).isEqualTo(3);
    assertThat(created.lineItemsOrEmpty()).isEmpty();
  }

  @Test
  void getATransferById() {
    ContractFixture fixture = serve("get-transfer-by-id");

    TransferEntity transfer = partnerCenter.getTransfer("b67f0b00-f9e8-4c57-bcb5-0b8b95c6ccf0",
        "46e8ed67-8adf-4f65-b3d8-d31318080556").orElseThrow();

    assertRequest(fixture, last());
    assertThat(transfer.status()).isEqualTo(TransferEntity.ACTIVE);
    assertThat(transfer.sourcePartnerTenantId()).isEqualTo("7c8db11f-1e5e-4472-8386-f0b627d1f3e1");
    assertThat(transfer.lineItemsOrEmpty()).hasSize(3).first().satisfies(line -> {
      assertThat(line.id()).isEqualTo("0");
      assertThat(line.subscriptionId()).isEqualTo("75B71186-73C3-45B4-A403-281C0D7EB032");
      assertThat(line.partnerIdOnRecord()).isEqualTo("5139005");
    });
  }

  @Test
  void getAllOfACustomersTransfers() {
    ContractFixture fixture = serve("get-all-of-a-customer-s-transfers");

    List<TransferEntity> transfers = partnerCenter.getTransfers("b67f0b00-f9e8-4c57-bcb5-0b8b95c6ccf0");

    assertRequest(fixture, last());
    assertThat(fixture.response().body().isArray()).isTrue();
    assertThat(transfers).hasSize(fixture.response().body().size());
    assertThat(transfers).extracting(TransferEntity::status).contains("Complete");
  }

  @Test
  void updateATransferToCancelIt() {
    ContractFixture fixture = serve("update-a-transfer");
    JsonNode documented = fixture.request().body();
    String target = documented.path("targetPartnerTenantId").asText();
    RestPartnerCenter asTarget = client(RestClient.builder().messageConverters(converters -> {
          converters.removeIf(MappingJackson2HttpMessageConverter.class::isInstance);
          converters.add(new MappingJackson2HttpMessageConverter(JSON));
        }), target);
    TransferEntity pending = new TransferEntity(documented.path("id").asText(), null, null, null, "Contoso", null,
        documented.path("sourcePartnerTenantId").asText(), "Fabrikam", target, null, List.of("AzureSubscription"), 5,
        List.of(), TransferEntity.ACTIVE, null, null, Map.of("objectType", "TransferEntity"));

    TransferEntity answer = asTarget.cancelTransfer("a624f7f8-408b-49B0-9320-df79e56bed55", pending);

    LoggedRequest patch = last();
    assertRequest(fixture, patch);
    assertThat(body(patch)).isEqualTo(documented);
    assertThat(answer.status()).isEqualTo("Canceled");
  }

  // ---------------------------------------------------------------- helpers

  /** Stubs the documented response for the documented method and path (placeholders match any segment). */
  private ContractFixture serve(String page) {
    ContractFixture fixture = ContractFixture.load("partner-center/" + page);
    MappingBuilder mapping = request(fixture.request().method(), urlPathMatching(pathPattern(fixture.request().path())));
    ResponseDefinitionBuilder response = aResponse().withStatus(fixture.response().status());
    fixture.response().headers().forEach(response::withHeader);
    if (fixture.response().body() != null) {
      response.withHeader("Content-Type", "application/json").withBody(fixture.responseBodyText());
    }
    wireMock.stubFor(mapping.willReturn(response));
    return fixture;
  }

  private void stubMpnProfile() {
    wireMock.stubFor(get(urlPathEqualTo("/v1/profiles/mpn")).willReturn(json(200,
        JSON.createObjectNode().put("partnerName", "Northwind Cloud Solutions").put("mpnId", OUR_MPN)
            .put("profileType", "MpnProfile"))));
  }

  private static ResponseDefinitionBuilder json(int status, JsonNode body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString());
  }

  /** Method, path, query and the documented headers of the request the client sent. */
  private static void assertRequest(ContractFixture fixture, LoggedRequest sent) {
    assertThat(sent.getMethod().toString()).isEqualTo(fixture.request().method());
    assertThat(sent.getUrl().split("\\?")[0]).matches(pathPattern(fixture.request().path()));
    fixture.request().query().forEach((name, value) ->
        assertThat(sent.queryParameter(name).firstValue()).as("query %s", name).isEqualTo(value));
    Set<String> sentQuery = sent.getUrl().contains("?") ? new HashSet<>(queryNames(sent.getUrl())) : Set.of();
    assertThat(sentQuery).as("query parameters").isEqualTo(fixture.request().query().keySet());
    for (String header : fixture.request().headers().keySet()) {
      assertThat(sent.containsHeader(header)).as("header %s", header).isTrue();
    }
    if (fixture.request().headers().containsKey("Accept")) {
      assertThat(sent.getHeader("Accept")).contains("application/json");
    }
    if (fixture.request().headers().containsKey("Content-Type")) {
      assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
    }
    assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer contract-test-token");
  }

  private static List<String> queryNames(String url) {
    List<String> names = new ArrayList<>();
    for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
      names.add(pair.split("=")[0]);
    }
    return names;
  }

  /** The documented path as a pattern: a {@code {placeholder}} matches one segment, example ids ignore case. */
  private static String pathPattern(String documented) {
    StringBuilder pattern = new StringBuilder("(?i)");
    for (String part : documented.split("(?=\\{)|(?<=\\})")) {
      pattern.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
    }
    return pattern.toString();
  }

  private static LoggedRequest last() {
    List<LoggedRequest> requests = wireMock.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).isNotEmpty();
    return requests.get(requests.size() - 1);
  }

  private static LoggedRequest only(String method) {
    List<LoggedRequest> requests = wireMock.findAll(anyRequestedFor(anyUrl())).stream()
        .filter(request -> request.getMethod().toString().equals(method))
        .toList();
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  private static JsonNode body(LoggedRequest request) {
    try {
      return JSON.readTree(request.getBodyAsString());
    } catch (Exception e) {
      throw new AssertionError("Request body is not JSON: " + request.getBodyAsString(), e);
    }
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new HashSet<>();
    for (Iterator<String> fields = object.fieldNames(); fields.hasNext(); ) {
      names.add(fields.next());
    }
    return names;
  }

  private static Set<String> lineItemNames(JsonNode cart) {
    Set<String> names = new HashSet<>();
    cart.path("lineItems").forEach(line -> names.addAll(names(line)));
    return names;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    return union;
  }
}
