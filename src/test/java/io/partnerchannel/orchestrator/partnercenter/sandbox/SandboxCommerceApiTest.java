package io.partnerchannel.orchestrator.partnercenter.sandbox;

import io.partnerchannel.orchestrator.support.SandboxWorldTest;
import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The sandbox's commerce and transfer endpoints with their documented shapes and refusals: MPN profile,
 * MCA confirmation (R11), the catalog (product, SKU, availability), cart and checkout (Azure plan, R26, one plan
 * per customer), subscription by id (only the caller's own: 403 code 20002 otherwise), Azure subscriptions and their
 * cancellation (202), suspension with PascalCase bodies and If-Match (R27), the new-commerce transfer (the target
 * creates, the source adds line items and accepts, the target may cancel; R23-R25), Graph tenant information.
 */
class SandboxCommerceApiTest extends SandboxWorldTest {

  @Override
  protected List<String> processKeys() {
    return List.of();
  }

  @Test
  void catalogOffersTheAzurePlanPerCountryWithItsSkuAndAvailability() {
    assertThat(call("GET", "/profiles/mpn", NORTHWIND, null).getBody().path("mpnId").asText()).isEqualTo(NORTHWIND_MPN);
    JsonNode product = call("GET", "/products?country=GB&targetView=MicrosoftAzure", NORTHWIND, null).getBody()
        .path("items").get(0);
    assertThat(product.path("id").asText()).isEqualTo("DZH318Z0BPS6");
    JsonNode sku = call("GET", "/products/DZH318Z0BPS6/skus?country=GB", NORTHWIND, null).getBody().path("items").get(0);
    JsonNode availability = call("GET", "/products/DZH318Z0BPS6/skus/" + sku.path("id").asText() + "/availabilities?country=GB",
        NORTHWIND, null).getBody().path("items").get(0);
    assertThat(availability.path("catalogItemId").asText()).isEqualTo("DZH318Z0BPS6:0001:DZH318Z0BMGV");
    assertThat(call("GET", "/products?country=GBR&targetView=MicrosoftAzure", NORTHWIND, null).getStatusCode().value())
        .isEqualTo(400);
  }

  @Test
  void azurePlanCheckoutNeedsTheConfirmedCustomerAgreement() {
    sandbox.relate(DATUM, NORTHWIND);
    String cartId = createAzurePlanCart(DATUM);

    ResponseEntity<JsonNode> noAgreement = checkout(DATUM, cartId);
    assertThat(noAgreement.getStatusCode().value()).isEqualTo(400);
    assertThat(noAgreement.getBody().path("code").asText()).isEqualTo("600006");
    assertThat(noAgreement.getBody().path("description").asText()).contains("(A10, R11)");
    assertThat(confirmAgreement(DATUM, "nope").getStatusCode().value()).isEqualTo(400);

    assertThat(confirmAgreement(DATUM, agreementTemplateId()).getStatusCode().value()).isEqualTo(201);
    assertThat(call("GET", "/customers/" + DATUM + "/agreements", NORTHWIND, null).getBody().path("totalCount").asInt())
        .isEqualTo(1);
    assertThat(checkout(DATUM, cartId).getStatusCode().value()).isEqualTo(201);
  }

  @Test
  void azurePlanComesWithItsFirstAzureSubscriptionAndOnlyOncePerCustomer() {
    String cartId = agreedAzurePlanCart(DATUM);

    ResponseEntity<JsonNode> checkout = checkout(DATUM, cartId);
    JsonNode line = checkout.getBody().path("orders").get(0).path("lineItems").get(0);
    assertThat(line.path("offerId").asText()).isEqualTo("DZH318Z0BPS6:0001:DZH318Z0BMGV");
    String plan = line.path("subscriptionId").asText();
    JsonNode subscription = call("GET", "/customers/" + DATUM + "/subscriptions/" + plan, NORTHWIND, null).getBody();
    assertThat(subscription.path("status").asText()).isEqualTo("active");
    assertThat(subscription.path("partnerId").asText()).isEqualTo(NORTHWIND_MPN);
    assertThat(subscription.path("billingType").asText()).isEqualTo("usage");
    JsonNode azure = azureSubscriptions(DATUM, plan);
    assertThat(azure.path("totalCount").asInt()).isEqualTo(1);
    assertThat(azure.path("items").get(0).path("status").asText()).isEqualTo("active");

    assertThat(checkout(DATUM, cartId).getStatusCode().value()).isEqualTo(409);
    ResponseEntity<JsonNode> second = checkout(DATUM, createAzurePlanCart(DATUM));
    assertThat(second.getStatusCode().value()).isEqualTo(400);
    assertThat(second.getBody().path("description").asText()).contains("already has an Azure plan");
  }

  @Test
  void azurePlanIsSuspendedOnlyWithoutActiveAzureSubscriptionsItsTermsUnchangedAndTheCurrentEtag() {
    String plan = checkout(DATUM, agreedAzurePlanCart(DATUM)).getBody().path("orders").get(0).path("lineItems").get(0)
        .path("subscriptionId").asText();
    String entitlement = azureSubscriptions(DATUM, plan).path("items").get(0).path("id").asText();

    ResponseEntity<JsonNode> suspendActive = call("PATCH", "/customers/" + DATUM + "/subscriptions/" + plan, NORTHWIND,
        Map.of("id", plan, "status", "suspended"));
    assertThat(suspendActive.getStatusCode().value()).isEqualTo(400);
    assertThat(suspendActive.getBody().path("description").asText()).contains("(R27)");
    ResponseEntity<JsonNode> cancelled = call("POST", "/customers/" + DATUM + "/subscriptions/" + plan
        + "/azureEntitlements/" + entitlement + "/cancel", NORTHWIND, Map.of("cancellationReason", "test"));
    assertThat(cancelled.getStatusCode().value()).isEqualTo(202);
    ResponseEntity<JsonNode> changeTerms = call("PATCH", "/customers/" + DATUM + "/subscriptions/" + plan, NORTHWIND,
        Map.of("id", plan, "status", "suspended", "quantity", 5));
    assertThat(changeTerms.getStatusCode().value()).isEqualTo(400);
    assertThat(suspend(DATUM, plan, "stale").getStatusCode().value()).isEqualTo(412);
    String etag = call("GET", "/customers/" + DATUM + "/subscriptions/" + plan, NORTHWIND, null).getBody()
        .path("attributes").path("etag").asText();

    ResponseEntity<JsonNode> suspended = suspend(DATUM, plan, etag);
    assertThat(suspended.getStatusCode().value()).isEqualTo(200);
    assertThat(suspended.getBody().path("status").asText()).isEqualTo("suspended");
    assertThat(suspended.getBody().path("attributes").path("etag").asText()).isNotEqualTo(etag);
  }

  /** @return the id of the Microsoft Customer Agreement's template */
  private String agreementTemplateId() {
    return call("GET", "/agreements?agreementType=MicrosoftCustomerAgreement", NORTHWIND, null).getBody()
        .path("items").get(0).path("templateId").asText();
  }

  /** Northwind confirms that the customer accepted the Microsoft Customer Agreement (R11). */
  private ResponseEntity<JsonNode> confirmAgreement(String customer, String templateId) {
    return call("POST", "/customers/" + customer + "/agreements", NORTHWIND,
        Map.of("templateId", templateId, "type", "MicrosoftCustomerAgreement", "dateAgreed", "2026-01-01T00:00:00Z",
            "primaryContact", Map.of("firstName", "Oliver", "lastName", "Smith", "email", "oliver@datum.example")));
  }

  /** @return a cart with an Azure plan for a Northwind customer who accepted the agreement */
  private String agreedAzurePlanCart(String customer) {
    sandbox.relate(customer, NORTHWIND);
    assertThat(confirmAgreement(customer, agreementTemplateId()).getStatusCode().value()).isEqualTo(201);
    return createAzurePlanCart(customer);
  }

  private ResponseEntity<JsonNode> checkout(String customer, String cartId) {
    return call("POST", "/customers/" + customer + "/carts/" + cartId + "/checkout", NORTHWIND, Map.of());
  }

  private JsonNode azureSubscriptions(String customer, String plan) {
    return call("GET", "/customers/" + customer + "/subscriptions/" + plan + "/azureEntitlements", NORTHWIND, null).getBody();
  }

  /** Suspends with a PascalCase body and {@code If-Match}, as the Partner Center SDK sends it. */
  private ResponseEntity<JsonNode> suspend(String customer, String plan, String etag) {
    return http.patch().uri("/sandbox/v1/customers/" + customer + "/subscriptions/" + plan)
        .header("Authorization", "Bearer " + NORTHWIND).header("If-Match", etag)
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("Id", plan, "Status", "suspended", "BillingType", "usage"))
        .retrieve().toEntity(JsonNode.class);
  }

  @Test
  void legacyAzureOfferRulesOutAnAzurePlan() {
    sandbox.relate(DATUM, NORTHWIND);
    directory.insertSubscription(new SandboxSubscription("5b5c0000-0000-4000-8000-0000000001e9", DATUM, NORTHWIND,
        "CSP_PARTNER", "{\"id\":\"5b5c0000-0000-4000-8000-0000000001e9\",\"offerId\":\"MS-AZR-0145P\",\"status\":\"active\"}"));
    call("POST", "/customers/" + DATUM + "/agreements", NORTHWIND, Map.of("templateId", "117a77b0-9360-443b-8795-c6dedc750cf9",
        "type", "MicrosoftCustomerAgreement", "dateAgreed", "2026-01-01T00:00:00Z",
        "primaryContact", Map.of("firstName", "Oliver", "lastName", "Smith", "email", "oliver@datum.example")));

    ResponseEntity<JsonNode> refused = call("POST", "/customers/" + DATUM + "/carts/" + createAzurePlanCart(DATUM)
        + "/checkout", NORTHWIND, Map.of());
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().path("description").asText()).contains("MS-AZR-0145P", "(R26)");
  }

  @Test
  void otherPartnersAndOtherChannelsSubscriptionsAreNeitherReadNorChanged() {
    sandbox.relate(LAMNA, NORTHWIND);
    sandbox.relate(DATUM, NORTHWIND);
    ResponseEntity<JsonNode> litwares = call("GET", "/customers/" + LAMNA + "/subscriptions/" + LAMNA_LITWARE_AZURE_PLAN,
        NORTHWIND, null);
    assertThat(litwares.getStatusCode().value()).isEqualTo(403);
    assertThat(litwares.getBody().path("code").asText()).isEqualTo("20002");
    assertThat(call("GET", "/customers/" + LAMNA + "/subscriptions/" + LAMNA_LITWARE_AZURE_PLAN + "/azureEntitlements",
        NORTHWIND, null).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> ea = call("GET", "/customers/" + DATUM + "/subscriptions/" + DATUM_EA_AZURE, NORTHWIND, null);
    assertThat(ea.getStatusCode().value()).isEqualTo(403);
    assertThat(ea.getBody().path("code").asText()).isEqualTo("20002");
    assertThat(call("GET", "/customers/" + DATUM + "/subscriptions/5b5c0000-0000-4000-8000-00000000ffff", NORTHWIND, null)
        .getStatusCode().value()).isEqualTo(404);

    ResponseEntity<JsonNode> cancel = call("POST", "/customers/" + LAMNA + "/subscriptions/" + LAMNA_LITWARE_AZURE_PLAN
        + "/azureEntitlements/" + LAMNA_PATIENT_PORTAL + "/cancel", NORTHWIND, Map.of("cancellationReason", "mine now"));
    assertThat(cancel.getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> cancelEa = call("POST", "/customers/" + DATUM + "/subscriptions/" + DATUM_EA_AZURE
        + "/azureEntitlements/" + DATUM_ANALYTICS + "/cancel", NORTHWIND, Map.of("cancellationReason", "moved"));
    assertThat(cancelEa.getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> suspend = call("PATCH", "/customers/" + LAMNA + "/subscriptions/" + LAMNA_LITWARE_AZURE_PLAN,
        NORTHWIND, Map.of("Status", "suspended"));
    assertThat(suspend.getStatusCode().value()).isEqualTo(403);
    assertThat(call("GET", "/customers/" + LAMNA + "/subscriptions/" + LAMNA_LITWARE_AZURE_PLAN, LITWARE, null)
        .getBody().path("partnerId").asText()).isEqualTo(LITWARE_MPN);
    assertThat(call("GET", "/profiles/mpn", null, null).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void transferIsCreatedOnlyByTheTargetWithItsTypeAndWithoutLineItems() {
    sandbox.relate(LAMNA, NORTHWIND);
    ResponseEntity<JsonNode> notTarget = call("POST", "/customers/" + LAMNA + "/transfers", NORTHWIND,
        transfer(LITWARE, WINGTIP, 5));
    assertThat(notTarget.getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> named = call("POST", "/customers/" + LAMNA + "/transfers", NORTHWIND,
        Map.of("sourcePartnerTenantId", LITWARE, "sourcePartnerName", "Litware CSP", "customerEmailId",
            "claire.dubois@lamna.example", "transferType", "NewCommerce"));
    assertThat(named.getStatusCode().value()).isEqualTo(400);
    assertThat(named.getBody().path("description").asText()).contains("transferType");
    Map<String, Object> withLines = new java.util.HashMap<>(transfer(LITWARE, NORTHWIND, 5));
    withLines.put("lineItems", List.of(Map.of("subscriptionId", LAMNA_LITWARE_AZURE_PLAN)));
    assertThat(call("POST", "/customers/" + LAMNA + "/transfers", NORTHWIND, withLines).getStatusCode().value()).isEqualTo(400);

    ResponseEntity<JsonNode> created = call("POST", "/customers/" + LAMNA + "/transfers", NORTHWIND, transfer(LITWARE, NORTHWIND, 5));

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getBody().path("status").asText()).isEqualTo("Active");
    assertThat(created.getBody().path("transferType").asText()).isEqualTo("5");
    assertThat(created.getBody().path("lineItems")).isEmpty();
  }

  @Test
  void onlyTheSourceFillsATransferAndAcceptsItOnlyWithLineItems() {
    String transferId = newTransfer(5);

    ResponseEntity<JsonNode> byTarget = call("PATCH", "/customers/" + LAMNA + "/transfers/" + transferId, NORTHWIND,
        Map.of("lineItems", List.of(Map.of("subscriptionId", LAMNA_LITWARE_AZURE_PLAN))));
    assertThat(byTarget.getStatusCode().value()).isEqualTo(403);
    assertThat(call("PATCH", "/customers/" + LAMNA + "/transfers/" + transferId, LITWARE, Map.of("status", "reject"))
        .getStatusCode().value()).isEqualTo(400);
    ResponseEntity<JsonNode> noLines = call("POST", "/customers/" + LAMNA + "/transfers/" + transferId + "/accept", LITWARE, null);
    assertThat(noLines.getStatusCode().value()).isEqualTo(400);
    JsonNode filled = sandbox.addLineItems(LITWARE, LAMNA, transferId, LAMNA_LITWARE_AZURE_PLAN);
    assertThat(filled.path("lineItems").get(0).path("partnerIdOnRecord").asText()).isEqualTo(LITWARE_MPN);
  }

  @Test
  void aSubscriptionInAnOpenTransferIsNoLongerEligibleForAnother() {
    String transferId = newTransfer(5);
    JsonNode eligibility = call("GET", "/customers/" + LAMNA + "/transferseligibility?transferType=5", LITWARE, null).getBody();
    assertThat(eligibility.isArray()).isTrue();
    assertThat(eligibility.findValuesAsText("id")).containsExactlyInAnyOrder(LAMNA_LITWARE_LICENSES, LAMNA_LITWARE_AZURE_PLAN);

    sandbox.addLineItems(LITWARE, LAMNA, transferId, LAMNA_LITWARE_AZURE_PLAN);

    JsonNode inTransfer = call("GET", "/customers/" + LAMNA + "/transferseligibility?transferType=5", LITWARE, null).getBody();
    assertThat(inTransfer.findValuesAsText("reason")).singleElement().asString()
        .contains("already part of another transfer request id : " + transferId);
  }

  @Test
  void acceptedTransferMovesTheSubscriptionToTheTargetAndCanNoLongerBeCancelled() {
    String transferId = newTransfer(5);
    sandbox.addLineItems(LITWARE, LAMNA, transferId, LAMNA_LITWARE_AZURE_PLAN);

    JsonNode result = sandbox.acceptTransfer(LITWARE, LAMNA, transferId);

    assertThat(result.path("attributes").path("objectType").asText()).isEqualTo("TransferSubmitResult");
    assertThat(result.path("orders").get(0).path("lineItems").get(0).path("subscriptionId").asText())
        .isEqualTo(LAMNA_LITWARE_AZURE_PLAN);
    JsonNode completed = call("GET", "/customers/" + LAMNA + "/transfers/" + transferId, NORTHWIND, null).getBody();
    assertThat(completed.path("status").asText()).isEqualTo("Completed");
    JsonNode moved = call("GET", "/customers/" + LAMNA + "/subscriptions/" + LAMNA_LITWARE_AZURE_PLAN, NORTHWIND, null)
        .getBody();
    assertThat(moved.path("partnerId").asText()).isEqualTo(NORTHWIND_MPN);
    assertThat(call("GET", "/customers/" + LAMNA + "/subscriptions", NORTHWIND, null).getBody().path("items")
        .findValuesAsText("id")).contains(LAMNA_LITWARE_AZURE_PLAN);
    assertThat(call("PATCH", "/customers/" + LAMNA + "/transfers/" + transferId, NORTHWIND, Map.of("status", "Cancel"))
        .getStatusCode().value()).isEqualTo(409);
  }

  @Test
  void onlyTheTargetCancelsAnOpenTransfer() {
    String transferId = newTransfer(3);

    assertThat(call("PATCH", "/customers/" + LAMNA + "/transfers/" + transferId, LITWARE, Map.of("status", "Cancel"))
        .getStatusCode().value()).isEqualTo(403);
    JsonNode cancelled = call("PATCH", "/customers/" + LAMNA + "/transfers/" + transferId, NORTHWIND,
        Map.of("id", transferId, "status", "Cancel", "targetPartnerTenantId", NORTHWIND, "sourcePartnerTenantId", LITWARE))
        .getBody();
    assertThat(cancelled.path("status").asText()).isEqualTo("Canceled");
  }

  /** @return a new transfer of Lamna's Litware subscriptions to Northwind, which Lamna is a customer of */
  private String newTransfer(int transferType) {
    sandbox.relate(LAMNA, NORTHWIND);
    ResponseEntity<JsonNode> created = call("POST", "/customers/" + LAMNA + "/transfers", NORTHWIND,
        transfer(LITWARE, NORTHWIND, transferType));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    return created.getBody().path("id").asText();
  }

  @Test
  void tenantInformationNamesAnyOrganization() {
    ResponseEntity<JsonNode> datum = http.get()
        .uri("/sandbox/graph/v1.0/tenantRelationships/findTenantInformationByTenantId(tenantId='" + DATUM + "')")
        .header("Authorization", "Bearer " + NORTHWIND)
        .retrieve().toEntity(JsonNode.class);
    assertThat(datum.getStatusCode().value()).isEqualTo(200);
    assertThat(datum.getBody().path("defaultDomainName").asText()).isEqualTo("datum.onmicrosoft.com");
    assertThat(datum.getBody().path("displayName").asText()).isEqualTo("A. Datum Enterprise");
    ResponseEntity<JsonNode> unknown = http.get()
        .uri("/sandbox/graph/v1.0/tenantRelationships/findTenantInformationByTenantId(tenantId='c0ffee00-0000-4000-8000-00000000ffff')")
        .header("Authorization", "Bearer " + NORTHWIND)
        .retrieve().toEntity(JsonNode.class);
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getBody().path("error").path("code").asText()).isEqualTo("ResourceNotFound");
  }

  /** Wingtip Solutions, a third partner: never the target of Northwind's transfer requests. */
  private static final String WINGTIP = "a1b2c3d4-0000-4000-8000-000000000004";

  private static Map<String, Object> transfer(String source, String target, int transferType) {
    return Map.of("sourcePartnerTenantId", source, "sourcePartnerName", "Litware CSP",
        "customerEmailId", "claire.dubois@lamna.example", "targetPartnerTenantId", target,
        "targetProductTypes", List.of("AzureSubscription"), "transferType", transferType);
  }

  private String createAzurePlanCart(String customer) {
    ResponseEntity<JsonNode> cart = call("POST", "/customers/" + customer + "/carts", NORTHWIND, Map.of("LineItems",
        List.of(Map.of("Id", 0, "CatalogItemId", "DZH318Z0BPS6:0001:DZH318Z0BMGV", "Quantity", 1, "BillingCycle", "one_time"))));
    assertThat(cart.getStatusCode().value()).isEqualTo(201);
    assertThat(cart.getBody().path("status").asText()).isEqualTo("Active");
    return cart.getBody().path("id").asText();
  }

  private ResponseEntity<JsonNode> call(String method, String path, String partner, Object body) {
    RestClient.RequestBodySpec request = http.method(org.springframework.http.HttpMethod.valueOf(method))
        .uri("/sandbox/v1" + path);
    if (partner != null) {
      request.header("Authorization", "Bearer " + partner);
    }
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return request.retrieve().toEntity(JsonNode.class);
  }
}
