package io.partnerchannel.orchestrator.routing;

import io.partnerchannel.orchestrator.support.SandboxWorldTest;
import io.partnerchannel.orchestrator.support.TestUsers;
import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code POST /api/onboardings} and {@code GET /api/onboardings/{id}} through a real port: 201 with
 * Location, the decided routes and reasons, 400 problem+json naming the fields with nothing started, 404.
 */
class OnboardingApiTest extends SandboxWorldTest {

  @Override
  protected List<String> processKeys() {
    return List.of(CustomerSubscriptionOnboardingProcess.PROCESS_KEY);
  }

  @Test
  void createsAnOnboardingAndShowsEachSubscriptionsRouteAndReason() {
    ResponseEntity<JsonNode> created = post(Map.of(
        "customerTenantId", PROSEWARE,
        "cloud", "GLOBAL",
        "ruleSet", "2020",
        "subscriptions", List.of(
            Map.of("id", "proseware-m365", "serviceType", "LICENSE_BASED", "boughtFrom", "OPEN"),
            Map.of("id", "proseware-china", "serviceType", "USAGE_BASED", "boughtFrom", "21VIANET"))));

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    String id = created.getBody().path("id").asText();
    assertThat(created.getHeaders().getLocation()).hasToString("http://localhost:" + port + "/api/onboardings/" + id);
    assertThat(created.getBody().path("status").asText()).isEqualTo("RUNNING");
    JsonNode waiting = get(id).getBody();
    assertThat(waiting.path("customerTenantId").asText()).isEqualTo(PROSEWARE);
    assertThat(waiting.path("subscriptions").get(0).path("route").isMissingNode()).isTrue();

    runDueJobs(runtimeService, managementService, id);

    ResponseEntity<JsonNode> read = get(id);
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    JsonNode onboarding = read.getBody();
    assertThat(onboarding.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(onboarding.path("cloud").asText()).isEqualTo("GLOBAL");
    assertThat(onboarding.path("ruleSet").asText()).isEqualTo("2020");
    JsonNode license = onboarding.path("subscriptions").get(0);
    assertThat(license.path("id").asText()).isEqualTo("proseware-m365");
    assertThat(license.path("route").asText()).isEqualTo("RELATIONSHIP_REQUEST");
    assertThat(license.path("reason").asText()).contains("request a reseller relationship").doesNotContain("(R");
    JsonNode china = onboarding.path("subscriptions").get(1);
    assertThat(china.path("route").asText()).isEqualTo("NOT_SUPPORTED");
    assertThat(china.path("outcome").asText()).isEqualTo("NOT_SUPPORTED");
    assertThat(china.path("reason").asText()).contains("21Vianet", "China");
    JsonNode swedish = http.get().uri("/api/onboardings/{id}", id).header("Accept-Language", "sv-SE").retrieve()
        .body(JsonNode.class);
    assertThat(swedish.path("subscriptions").get(1).path("reason").asText()).contains("21Vianet", "Kina");
  }

  @Test
  void invalidRequestsAreRefusedNamingTheFieldsAndStartNothing() {
    long before = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CustomerSubscriptionOnboardingProcess.PROCESS_KEY).count();

    ResponseEntity<JsonNode> invalid = post(Map.of(
        "customerTenantId", "datum",
        "cloud", "MARS",
        "ruleSet", "2021",
        "subscriptions", List.of(
            Map.of("id", "x", "serviceType", "SEATS", "boughtFrom", "EA"),
            Map.of("id", "y", "serviceType", "USAGE_BASED", "boughtFrom", "RETAIL"))));
    assertThat(invalid.getStatusCode().value()).isEqualTo(400);
    assertThat(invalid.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(invalid.getBody().path("detail").asText())
        .contains("customerTenantId", "cloud", "ruleSet", "subscriptions[0].serviceType", "subscriptions[1].boughtFrom");

    ResponseEntity<JsonNode> empty = post(Map.of("customerTenantId", DATUM, "cloud", "GLOBAL", "ruleSet", "2020",
        "subscriptions", List.of()));
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(empty)).containsExactly("subscriptions");

    ResponseEntity<JsonNode> duplicate = post(Map.of("customerTenantId", DATUM, "cloud", "GLOBAL", "ruleSet", "2020",
        "subscriptions", List.of(
            Map.of("id", DATUM_EA_AZURE, "serviceType", "USAGE_BASED", "boughtFrom", "EA"),
            Map.of("id", DATUM_EA_AZURE, "serviceType", "USAGE_BASED", "boughtFrom", "EA"))));
    assertThat(duplicate.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(duplicate)).containsExactly("subscriptions[1].id");

    ResponseEntity<JsonNode> unreadable = http.post().uri("/api/onboardings").contentType(MediaType.APPLICATION_JSON)
        .body("{\"customerTenantId\": \"" + DATUM + "\", \"subscriptions\": {}}").retrieve().toEntity(JsonNode.class);
    assertThat(unreadable.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(unreadable)).containsExactly("subscriptions");

    assertThat(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CustomerSubscriptionOnboardingProcess.PROCESS_KEY).count()).isEqualTo(before);
  }

  @Test
  void anonymousCallersAreRefusedAndStartNothing() {
    long before = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CustomerSubscriptionOnboardingProcess.PROCESS_KEY).count();
    ResponseEntity<JsonNode> anonymous = TestUsers.anonymous(port).post().uri("/api/onboardings")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("customerTenantId", PROSEWARE, "cloud", "GLOBAL", "ruleSet", "2020", "subscriptions",
            List.of(Map.of("id", "proseware-m365", "serviceType", "LICENSE_BASED", "boughtFrom", "OPEN"))))
        .retrieve().toEntity(JsonNode.class);

    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CustomerSubscriptionOnboardingProcess.PROCESS_KEY).count()).isEqualTo(before);
  }

  @Test
  void unknownOnboardingIsNotFound() {
    ResponseEntity<JsonNode> missing = get("no-such-onboarding");
    assertThat(missing.getStatusCode().value()).isEqualTo(404);
    assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private ResponseEntity<JsonNode> post(Object body) {
    return http.post().uri("/api/onboardings").contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
        .toEntity(JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String id) {
    return http.get().uri("/api/onboardings/{id}", id).retrieve().toEntity(JsonNode.class);
  }

  private static List<String> fields(ResponseEntity<JsonNode> response) {
    return response.getBody().path("errors").findValuesAsText("field");
  }
}
