package io.partnerchannel.orchestrator.partnercenter.sandbox;

import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnerchannel.orchestrator.support.SandboxWorldTest;
import io.partnerchannel.orchestrator.partnercenter.contract.ContractFixture;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The sandbox answers the requests of Microsoft's documented examples ({@code contract/partner-center/*.json}) — the
 * same fixtures the client's {@code CommerceContractTest} serves — with the documented shapes: the request is sent as
 * the page writes it (method, path and query, body and its casing; ids of the page replaced by the sandbox's), and the
 * answer must have the documented status, the same JSON kind (a bare array where the page shows one) and every
 * property the documented answer has, apart from the few listed per call that the sandbox does not emulate.
 */
class SandboxCommerceContractTest extends SandboxWorldTest {

  @Override
  protected List<String> processKeys() {
    return List.of();
  }

  @Test
  void subscriptionsOfACustomer() {
    answersLikeTheDocs("get-all-of-a-customer-s-subscriptions", NORTHWIND, Map.of("{customer-tenant-id}", PROSEWARE), null,
        Set.of("entitlementId", "links"));
    answersLikeTheDocs("get-a-subscription-by-id", NORTHWIND, Map.of(
        "4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04", PROSEWARE, "A356AC8C-E310-44F4-BF85-C7F29044AF99", PROSEWARE_LICENSES),
        null, Set.of("entitlementId", "links"));
  }

  @Test
  void suspendASubscriptionInPascalCaseWithIfMatch() {
    ContractFixture fixture = ContractFixture.load("partner-center/suspend-a-subscription");
    JsonNode ours = send("GET", "/v1/customers/" + PROSEWARE + "/subscriptions/" + PROSEWARE_LICENSES, NORTHWIND, null,
        Map.of()).getBody();
    ObjectNode body = pascalCase(ours);
    body.put("Status", "suspended");

    ResponseEntity<JsonNode> answer = send(fixture.request().method(), fixture.request().path()
            .replace("{customer-tenant-id}", PROSEWARE).replace("83ef9d05-4169-4ef9-9657-0e86b1eab1de", PROSEWARE_LICENSES),
        NORTHWIND, body, Map.of("If-Match", ours.path("attributes").path("etag").asText()));

    assertThat(answer.getStatusCode().value()).isEqualTo(fixture.response().status());
    assertThat(answer.getBody().path("status").asText()).isEqualTo("suspended");
  }

  @Test
  void azurePlanCatalogCartAndCheckout() {
    sandbox.relate(DATUM, NORTHWIND);
    answersLikeTheDocs("get-a-list-of-products", NORTHWIND, Map.of(), null, Set.of("subType"));
    answersLikeTheDocs("get-a-list-of-skus-for-a-product", NORTHWIND, Map.of(), null, Set.of("dynamicAttributes"));
    answersLikeTheDocs("get-a-list-of-availabilities-for-a-sku", NORTHWIND, Map.of("DZH318Z0BQ3Q", "DZH318Z0BPS6"), null,
        Set.of("product", "sku"));
    answersLikeTheDocs("get-agreement-metadata", NORTHWIND, Map.of(), null, Set.of());
    answersLikeTheDocs("confirm-customer-consent-customer-agreement", NORTHWIND,
        Map.of("14876998-c0dc-46e6-9d0c-65a57a6c32ec", DATUM), null, Set.of());
    answersLikeTheDocs("get-confirmation-of-customer-agreement", NORTHWIND,
        Map.of("14876998-c0dc-46e6-9d0c-65a57a6c32ec", DATUM), null, Set.of());

    ContractFixture cartFixture = ContractFixture.load("partner-center/create-a-cart");
    ObjectNode azurePlanOnly = cartFixture.request().body().deepCopy();
    ((ObjectNode) azurePlanOnly.withArray("lineItems").get(0)).put("catalogItemId", "DZH318Z0BPS6:0001:DZH318Z0BMGV")
        .put("billingCycle", "one_time").remove("termDuration");
    while (azurePlanOnly.withArray("lineItems").size() > 1) {
      azurePlanOnly.withArray("lineItems").remove(1);
    }
    JsonNode cart = answersLikeTheDocs("create-a-cart", NORTHWIND,
        Map.of("d6bf25b7-e0a8-4f2d-a31b-97b55cfc774d", DATUM), azurePlanOnly, Set.of("termDuration"));
    JsonNode checkout = answersLikeTheDocs("checkout-a-cart", NORTHWIND, Map.of(
        "d6bf25b7-e0a8-4f2d-a31b-97b55cfc774d", DATUM, "b4c8fdea-cbe4-4d17-9576-13fcacbf9605", cart.path("id").asText()),
        null, Set.of("links"));
    String plan = checkout.path("orders").get(0).path("lineItems").get(0).path("subscriptionId").asText();
    answersLikeTheDocs("get-a-list-of-azure-entitlements-for-subscription", NORTHWIND, Map.of(
        "11f9bc2a-1f38-431c-a0b0-9455c6f5bbc0", DATUM, "3f15978e-005c-b763-bb78-2a8fab289c58", plan), null, Set.of());
    String azure = commerce.entitlements(plan).get(0).id();
    answersLikeTheDocs("cancel-an-azure-entitlement", NORTHWIND, Map.of(
        "{customer_id}", DATUM, "{subscription_id}", plan, "{entitlement_id}", azure), null, Set.of());
    assertThat(commerce.entitlements(plan).get(0).status()).isEqualTo("cancelled");
  }

  @Test
  void newCommerceTransferCreatedByTheTargetFilledAcceptedByTheSourceOrCancelledByTheTarget() {
    sandbox.relate(LAMNA, NORTHWIND);
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("{customer-id}", LAMNA);
    ids.put("bbbbcccc-1111-dddd-2222-eeee3333ffff", LITWARE);
    ids.put("aaaabbbb-0000-cccc-1111-dddd2222eeee", NORTHWIND);
    JsonNode created = answersLikeTheDocs("create-a-transfer", NORTHWIND, ids, null, Set.of("links"));
    assertThat(created.path("transferType").asText()).isEqualTo("3");
    String transferId = created.path("id").asText();

    answersLikeTheDocs("get-customer-s-subscriptions-transfer-eligibility", LITWARE,
        Map.of("823c6c3f-9259-4d51-bae2-5dd06743177f", LAMNA), null, Set.of("reason"));
    sandbox.addLineItems(LITWARE, LAMNA, transferId, LAMNA_LITWARE_LICENSES);
    answersLikeTheDocs("get-transfer-by-id", NORTHWIND, Map.of(
        "b67f0b00-f9e8-4c57-bcb5-0b8b95c6ccf0", LAMNA, "46e8ed67-8adf-4f65-b3d8-d31318080556", transferId), null,
        Set.of("lastModifiedUser"));
    answersLikeTheDocs("get-all-of-a-customer-s-transfers", NORTHWIND, Map.of("b67f0b00-f9e8-4c57-bcb5-0b8b95c6ccf0", LAMNA),
        null, Set.of("lastModifiedUser"));
    answersLikeTheDocs("accept-a-transfer", LITWARE, Map.of(
        "d6bf25b7-e0a8-4f2d-a31b-97b55cfc774d", LAMNA, "aa2bddb6-9cc8-4949-80fe-a37d5e0a13ba", transferId), null,
        Set.of("links"));
    assertThat(commerce.subscription(LAMNA, LAMNA_LITWARE_LICENSES).orElseThrow().sellerPartnerId()).isEqualTo(NORTHWIND);

    String second = send("POST", "/v1/customers/" + LAMNA + "/transfers", NORTHWIND,
        replaceIds(ContractFixture.load("partner-center/create-a-transfer").request().body(), ids), Map.of())
        .getBody().path("id").asText();
    Map<String, String> cancelIds = new LinkedHashMap<>();
    cancelIds.put("a624f7f8-408b-49B0-9320-df79e56bed55", LAMNA);
    cancelIds.put("43fb1d3a-79fe-45a9-863e-9a4acf17b630", second);
    cancelIds.put("bbbbcccc-1111-dddd-2222-eeee3333fff", LITWARE);
    cancelIds.put("aaaabbbb-0000-cccc-1111-dddd2222eeee", NORTHWIND);
    JsonNode cancelled = answersLikeTheDocs("update-a-transfer", NORTHWIND, cancelIds, null, Set.of());
    assertThat(cancelled.path("status").asText()).isEqualTo("Canceled");
  }

  /**
   * Sends the fixture's request with the page's ids replaced and checks the answer against the documented response.
   *
   * @param page the fixture
   * @param partner the calling partner (bearer token)
   * @param ids page id → sandbox id, in the path and the body
   * @param body the body to send instead of the documented one, or null
   * @param notEmulated documented properties the sandbox does not answer
   * @return the sandbox's answer
   */
  private JsonNode answersLikeTheDocs(String page, String partner, Map<String, String> ids, JsonNode body,
      Set<String> notEmulated) {
    ContractFixture fixture = ContractFixture.load("partner-center/" + page);
    String path = fixture.request().path();
    for (Map.Entry<String, String> id : ids.entrySet()) {
      path = path.replace(id.getKey(), id.getValue());
    }
    StringBuilder query = new StringBuilder();
    fixture.request().query().forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
        .append(value));
    JsonNode sent = body != null ? body : fixture.request().body() == null ? null : replaceIds(fixture.request().body(), ids);
    ResponseEntity<JsonNode> answer = send(fixture.request().method(), path + query, partner, sent, Map.of());

    assertThat(answer.getStatusCode().value()).as("%s status", page).isEqualTo(fixture.response().status());
    JsonNode documented = fixture.response().body();
    if (documented == null) {
      return answer.getBody();
    }
    assertThat(answer.getBody()).as("%s answer", page).isNotNull();
    assertThat(answer.getBody().getNodeType()).as("%s JSON kind", page).isEqualTo(documented.getNodeType());
    assertSameProperties(page, documented, answer.getBody(), notEmulated);
    return answer.getBody();
  }

  /** Every property of the documented answer is in the sandbox's (objects, then the first item of arrays). */
  private static void assertSameProperties(String where, JsonNode documented, JsonNode answered, Set<String> notEmulated) {
    if (documented.isArray()) {
      if (!documented.isEmpty() && !answered.isEmpty()) {
        assertSameProperties(where + "[0]", documented.get(0), answered.get(0), notEmulated);
      }
      return;
    }
    if (!documented.isObject()) {
      return;
    }
    Set<String> missing = new HashSet<>(names(documented));
    missing.removeAll(names(answered));
    missing.removeAll(notEmulated);
    missing.removeIf(name -> documented.get(name).isNull());
    assertThat(missing).as("%s: documented properties missing in the sandbox's answer", where).isEmpty();
    for (String name : names(documented)) {
      if (answered.has(name) && !notEmulated.contains(name) && !"attributes".equals(name)) {
        assertSameProperties(where + "." + name, documented.get(name), answered.get(name), notEmulated);
      }
    }
  }

  private ResponseEntity<JsonNode> send(String method, String path, String partner, JsonNode body,
      Map<String, String> headers) {
    RestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method)).uri("/sandbox" + path)
        .header("Authorization", "Bearer " + partner)
        .header("MS-RequestId", "00000000-0000-4000-8000-000000000001")
        .header("MS-CorrelationId", "00000000-0000-4000-8000-000000000002")
        .accept(MediaType.APPLICATION_JSON);
    headers.forEach(request::header);
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return request.retrieve().toEntity(JsonNode.class);
  }

  private JsonNode replaceIds(JsonNode body, Map<String, String> ids) {
    String text = body.toString();
    for (Map.Entry<String, String> id : ids.entrySet()) {
      text = text.replace(id.getKey(), id.getValue());
    }
    try {
      return objectMapper.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode pascalCase(JsonNode node) {
    ObjectNode copy = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    node.fields().forEachRemaining(field -> copy.set(
        Character.toUpperCase(field.getKey().charAt(0)) + field.getKey().substring(1), field.getValue()));
    return copy;
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new HashSet<>();
    for (Iterator<String> fields = object.fieldNames(); fields.hasNext(); ) {
      names.add(fields.next());
    }
    return names;
  }
}
