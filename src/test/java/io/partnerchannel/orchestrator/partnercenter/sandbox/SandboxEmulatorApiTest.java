package io.partnerchannel.orchestrator.partnercenter.sandbox;

import static io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.support.ProcessTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** JSON shapes, status codes and error bodies of the sandbox's Partner Center REST and Graph GDAP endpoints. */
@ProcessTest
class SandboxEmulatorApiTest {

  @LocalServerPort int port;
  RestClient http;

  @BeforeEach
  void client() {
    http = http(port);
  }

  @Test
  void refusesCallsWithoutAPartnerBearerTokenWithTheServicesErrorBodies() {
    ResponseEntity<JsonNode> missing = http.get().uri("/sandbox/v1/customers").retrieve().toEntity(JsonNode.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(missing.getBody().path("code").asText()).isEqualTo("800001");
    assertThat(missing.getBody().path("description").asText()).isNotBlank();
    assertThat(missing.getBody().path("data").isArray()).isTrue();
    assertThat(missing.getBody().path("source").asText()).isEqualTo("PartnerFD");

    ResponseEntity<JsonNode> unknown = get("/sandbox/v1/customers", ADATUM);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<JsonNode> graph = http.get().uri("/sandbox/graph/v1.0/tenantRelationships/delegatedAdminRelationships")
        .retrieve().toEntity(JsonNode.class);
    assertThat(graph.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(graph.getBody().path("error").path("code").asText()).isEqualTo("InvalidAuthenticationToken");
    assertThat(graph.getBody().path("error").path("message").asText()).isNotBlank();
  }

  @Test
  void customerCollectionIsThePartnersOwnCustomersFilteredByDomainOrCompanyName() {
    JsonNode page = get("/sandbox/v1/customers?size=10", LITWARE).getBody();
    assertThat(page.path("attributes").path("objectType").asText()).isEqualTo("Collection");
    assertThat(page.path("links").path("self").path("uri").asText()).isEqualTo("/v1/customers?size=10");
    assertThat(ids(page)).contains(LAMNA).doesNotContain(BELLOWS, COHO);
    assertThat(page.path("totalCount").asInt()).isEqualTo(page.path("items").size());
    JsonNode lamna = page.path("items").get(ids(page).indexOf(LAMNA));
    assertThat(lamna.path("companyProfile").path("domain").asText()).isEqualTo("lamna.onmicrosoft.com");
    assertThat(lamna.path("relationshipToPartner").asText()).isEqualTo("reseller");
    assertThat(lamna.path("attributes").path("objectType").asText()).isEqualTo("Customer");

    String byDomain = "{\"Field\":\"Domain\",\"Value\":\"LAMNA\",\"Operator\":\"starts_with\"}";
    assertThat(ids(http.get().uri("/sandbox/v1/customers?size=10&filter={f}", byDomain)
        .header("Authorization", "Bearer " + LITWARE).retrieve().body(JsonNode.class))).containsExactly(LAMNA);
    String byName = "{\"Field\":\"CompanyName\",\"Value\":\"Proseware\",\"Operator\":\"starts_with\"}";
    assertThat(ids(http.get().uri("/sandbox/v1/customers?size=10&filter={f}", byName)
        .header("Authorization", "Bearer " + LITWARE).retrieve().body(JsonNode.class))).isEmpty();

    ResponseEntity<JsonNode> badFilter = http.get().uri("/sandbox/v1/customers?filter={f}", "{\"Field\":\"Country\",\"Value\":\"IT\",\"Operator\":\"starts_with\"}")
        .header("Authorization", "Bearer " + LITWARE).retrieve().toEntity(JsonNode.class);
    assertThat(badFilter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badFilter.getBody().path("code").asText()).isEqualTo("800002");
  }

  @Test
  void customerByIdShowsTheRelationshipAndIsNotFoundForOtherPartnersCustomers() {
    JsonNode lamna = get("/sandbox/v1/customers/" + LAMNA, LITWARE).getBody();
    assertThat(lamna.path("id").asText()).isEqualTo(LAMNA);
    assertThat(lamna.path("relationshipToPartner").asText()).isEqualTo("reseller");
    assertThat(lamna.path("allowDelegatedAccess").isBoolean()).isTrue();
    assertThat(lamna.path("billingProfile").path("defaultAddress").path("country").asText()).isEqualTo("FR");

    ResponseEntity<JsonNode> notOurs = get("/sandbox/v1/customers/" + LAMNA, NORTHWIND);
    assertThat(notOurs.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(notOurs.getBody().path("code").asText()).isEqualTo("1000");
    assertThat(notOurs.getBody().path("source").asText()).isEqualTo("PartnerFD");

    JsonNode subscriptions = get("/sandbox/v1/customers/" + LAMNA + "/subscriptions", LITWARE).getBody();
    assertThat(subscriptions.path("totalCount").asInt()).isEqualTo(2);
    assertThat(subscriptions.path("items").findValuesAsText("billingType")).containsExactlyInAnyOrder("license", "usage");
    assertThat(get("/sandbox/v1/customers/" + LAMNA + "/subscriptions", NORTHWIND).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void relationshipsListIndirectResellersOfAProviderAndProvidersOfAReseller() {
    JsonNode resellers = get("/sandbox/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf", TAILSPIN).getBody();
    assertThat(resellers.path("items").findValuesAsText("name")).containsExactly("Fourth Coffee IT", "Wingtip Solutions");
    assertThat(resellers.path("items").get(0).path("relationshipType").asText()).isEqualTo("is_indirect_cloud_solution_provider_of");
    assertThat(resellers.path("items").get(0).path("state").asText()).isEqualTo("Active");
    assertThat(resellers.path("items").get(0).path("mpnId").asText()).isEqualTo("6100003");

    JsonNode providers = get("/sandbox/v1/relationships?relationship_type=IsIndirectResellerOf", FOURTH_COFFEE).getBody();
    assertThat(providers.path("items").findValuesAsText("id")).containsExactly(TAILSPIN);
    assertThat(get("/sandbox/v1/relationships?relationship_type=Friends", TAILSPIN).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    JsonNode profile = get("/sandbox/v1/profiles/legalbusiness", TAILSPIN).getBody();
    assertThat(profile.path("companyName").asText()).isEqualTo("Tailspin Distribution");
    assertThat(profile.path("address").path("country").asText()).isEqualTo("SE");
  }

  @Test
  void tenantsListEveryOrganizationWithUsersPartnersAndSubscriptions() {
    JsonNode all = http.get().uri("/sandbox/tenants").retrieve().body(JsonNode.class);
    assertThat(all.size()).isEqualTo(16);

    JsonNode lamna = http.get().uri("/sandbox/tenants?domain=lamna.onmicrosoft.com").retrieve().body(JsonNode.class).get(0);
    assertThat(lamna.path("id").asText()).isEqualTo(LAMNA);
    assertThat(lamna.path("companyName").asText()).isEqualTo("Lamna Healthcare");
    assertThat(lamna.path("country").asText()).isEqualTo("FR");
    assertThat(lamna.path("language").asText()).isEqualTo("en");
    assertThat(lamna.path("users").findValuesAsText("userPrincipalName"))
        .containsExactly("admin@lamna.onmicrosoft.com", "user@lamna.onmicrosoft.com");
    assertThat(lamna.path("users").get(0).path("roles").get(0).asText()).isEqualTo("Global Administrator");
    assertThat(lamna.path("users").get(1).path("roles").size()).isZero();
    assertThat(lamna.path("partners").findValuesAsText("partnerId")).contains(LITWARE);
    assertThat(lamna.path("subscriptions").findValuesAsText("commitmentEndDate")).hasSize(2);

    JsonNode transaction = http.get().uri("/sandbox/tenants?domain=litwarecsp.onmicrosoft.com").retrieve().body(JsonNode.class).get(0);
    assertThat(transaction.path("tenantKind").asText()).isEqualTo("CSP_TRANSACTION_TENANT");
    assertThat(transaction.path("partnerId").asText()).isEqualTo(LITWARE);
    assertThat(http.get().uri("/sandbox/tenants?domain=nobody.example").retrieve().body(JsonNode.class).size()).isZero();
  }

  @Test
  void gdapRelationshipsFollowR29AndTheGraphLifecycle() {
    String displayName = "Datum GDAP " + UUID.randomUUID().toString().substring(0, 8);
    ResponseEntity<JsonNode> created = createGdap(displayName, "P2Y", null);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).isNotNull();
    JsonNode relationship = created.getBody();
    assertThat(relationship.path("@odata.type").asText()).isEqualTo("#microsoft.graph.delegatedAdminRelationship");
    assertThat(relationship.path("status").asText()).isEqualTo("created");
    assertThat(relationship.path("autoExtendDuration").asText()).isEqualTo("PT0S");
    assertThat(relationship.path("customer").path("displayName").asText()).isEqualTo("A. Datum Enterprise");
    String id = relationship.path("id").asText();

    assertGraphBadRequest(createGdap(displayName, "P730D", null));                        // not unique
    assertGraphBadRequest(createGdap("x".repeat(51), "P730D", null));                     // > 50 characters
    assertGraphBadRequest(createGdap(displayName + " long", "P731D", null));              // > P2Y
    assertGraphBadRequest(createGdap(displayName + " none", "PT12H", null));              // < P1D
    assertGraphBadRequest(createGdap(displayName + " ga", "P730D", "P180D"));             // auto-extend with GA (R30)

    JsonNode found = http.get().uri("/sandbox/graph/v1.0/tenantRelationships/delegatedAdminRelationships?$filter={f}",
            "displayName eq '" + displayName + "'")
        .header("Authorization", "Bearer " + NORTHWIND).retrieve().body(JsonNode.class);
    assertThat(found.path("value").findValuesAsText("id")).containsExactly(id);

    ResponseEntity<JsonNode> lock = lock(id);
    assertThat(lock.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(lock.getBody().path("action").asText()).isEqualTo("lockForApproval");
    assertThat(get("/sandbox/graph/v1.0/tenantRelationships/delegatedAdminRelationships/" + id, NORTHWIND)
        .getBody().path("status").asText()).isEqualTo("approvalPending");
    assertGraphBadRequest(lock(id));                                                       // not created any more
    assertGraphBadRequest(http.post().uri("/sandbox/graph/v1.0/tenantRelationships/delegatedAdminRelationships/{id}/requests", id)
        .header("Authorization", "Bearer " + NORTHWIND).contentType(MediaType.APPLICATION_JSON)
        .body("{\"action\": \"approveEverything\"}").retrieve().toEntity(JsonNode.class));        // unknown action

    assertThat(get("/sandbox/graph/v1.0/tenantRelationships/delegatedAdminRelationships/" + id, LITWARE).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private ResponseEntity<JsonNode> createGdap(String displayName, String duration, String autoExtend) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of(
        "displayName", displayName,
        "duration", duration,
        "customer", Map.of("tenantId", DATUM),
        "accessDetails", Map.of("unifiedRoles", List.of(
            Map.of("roleDefinitionId", EXCHANGE_ADMINISTRATOR), Map.of("roleDefinitionId", GLOBAL_ADMINISTRATOR)))));
    if (autoExtend != null) {
      body.put("autoExtendDuration", autoExtend);
    }
    return http.post().uri("/sandbox/graph/v1.0/tenantRelationships/delegatedAdminRelationships")
        .header("Authorization", "Bearer " + NORTHWIND)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  private ResponseEntity<JsonNode> lock(String id) {
    return http.post().uri("/sandbox/graph/v1.0/tenantRelationships/delegatedAdminRelationships/{id}/requests", id)
        .header("Authorization", "Bearer " + NORTHWIND)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("action", "lockForApproval"))
        .retrieve()
        .toEntity(JsonNode.class);
  }

  private static void assertGraphBadRequest(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().path("error").path("code").asText()).isEqualTo("BadRequest");
    assertThat(response.getBody().path("error").path("message").asText()).isNotBlank();
  }

  private ResponseEntity<JsonNode> get(String uri, String partnerId) {
    return http.get().uri(uri).header("Authorization", "Bearer " + partnerId).retrieve().toEntity(JsonNode.class);
  }

  private static List<String> ids(JsonNode collection) {
    List<String> ids = new java.util.ArrayList<>();
    collection.path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }
}
