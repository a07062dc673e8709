package io.partnerchannel.orchestrator.partnercenter.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.support.ProcessTest;
import io.partnerchannel.orchestrator.partnercenter.contract.ContractFixture;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The sandbox's GDAP relationship after approval, in Graph's documented shapes: the update of
 * {@code autoExtendDuration} (delegatedadminrelationship-update, with {@code If-Match}) answers as the documented
 * example and is refused with Global Administrator (R30); at the end date a relationship extends itself by 180
 * days or expires; the customer's Global Administrator terminates it.
 */
@ProcessTest
class SandboxGdapLifecycleTest {

  static final String NORTHWIND = SandboxContractTest.NORTHWIND;
  static final String BELLOWS = SandboxContractTest.BELLOWS;
  static final String BELLOWS_ADMIN = "admin@bellowscollege.onmicrosoft.com";
  static final String GLOBAL_READER = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
  static final String GLOBAL_ADMINISTRATOR = SandboxGdap.GLOBAL_ADMINISTRATOR_ROLE;

  @LocalServerPort int port;
  @Autowired SandboxGdap gdap;
  RestClient http;

  @BeforeEach
  void client() {
    http = TestUsers.jdkClient("http://localhost:" + port + "/sandbox").build();
  }

  @Test
  void autoExtendAnswersAsDocumentedAndMovesTheEndDateBy180Days() {
    ContractFixture fixture = ContractFixture.load("graph/delegatedadminrelationship-update");
    String id = activeRelationship(GLOBAL_READER);
    String etag = get(id).path("@odata.etag").asText();

    ResponseEntity<JsonNode> stale = patch(id, "W/\"stale\"", fixture.request().body().toString());
    assertThat(stale.getStatusCode().value()).isEqualTo(412);

    ResponseEntity<JsonNode> updated = patch(id, etag, fixture.request().body().toString());
    assertThat(updated.getStatusCode().value()).as(String.valueOf(updated.getBody())).isEqualTo(fixture.response().status());
    List<String> differences = new ArrayList<>();
    SandboxContractTest.shape(fixture.response().body(), updated.getBody(), "$", differences);
    assertThat(differences).isEmpty();
    assertThat(updated.getBody().path("autoExtendDuration").asText()).isEqualTo("P180D");

    OffsetDateTime end = OffsetDateTime.parse(updated.getBody().path("endDateTime").asText());
    JsonNode extended = post("/admin-center/granular-admin-relationships/{id}/end-date-reached", id, null).getBody();
    assertThat(extended.path("status").asText()).isEqualTo("active");
    assertThat(Duration.between(end, OffsetDateTime.parse(get(id).path("endDateTime").asText()))).isEqualTo(Duration.ofDays(180));
  }

  @Test
  void globalAdministratorCannotAutoExtendAndExpiresAtItsEndDate() {
    String id = activeRelationship(GLOBAL_ADMINISTRATOR, GLOBAL_READER);

    ResponseEntity<JsonNode> refused = patch(id, get(id).path("@odata.etag").asText(), "{\"autoExtendDuration\":\"P180D\"}");
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().path("error").path("message").asText()).contains("Global Administrator");
    assertThat(get(id).path("autoExtendDuration").asText()).isEqualTo("PT0S");

    JsonNode expired = post("/admin-center/granular-admin-relationships/{id}/end-date-reached", id, null).getBody();
    assertThat(expired.path("status").asText()).isEqualTo("expired");
    assertThat(get(id).path("status").asText()).isEqualTo("expired");
    assertThat(post("/admin-center/granular-admin-relationships/{id}/end-date-reached", id, null).getStatusCode().value())
        .as("an expired relationship has no end date to reach").isEqualTo(409);
  }

  @Test
  void onlyTheCustomersGlobalAdministratorTerminates() {
    String id = activeRelationship(GLOBAL_READER);

    assertThat(post("/admin-center/granular-admin-relationships/{id}/terminate", id,
        Map.of("userPrincipalName", "admin@adatum.onmicrosoft.com")).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> terminated = post("/admin-center/granular-admin-relationships/{id}/terminate", id,
        Map.of("userPrincipalName", BELLOWS_ADMIN));
    assertThat(terminated.getStatusCode().value()).isEqualTo(200);
    assertThat(get(id).path("status").asText()).isEqualTo("terminated");
    assertThat(patch(id, get(id).path("@odata.etag").asText(), "{\"autoExtendDuration\":\"P180D\"}").getStatusCode().value())
        .as("a terminated relationship cannot be updated").isEqualTo(400);
  }

  @Test
  void anAccessAssignmentCanEndInError() {
    String id = activeRelationship(GLOBAL_READER);
    JsonNode assignment = post("/graph/v1.0/tenantRelationships/delegatedAdminRelationships/{id}/accessAssignments", id,
        Map.of("accessContainer", Map.of("accessContainerId", "5ec0a1b2-0000-4000-8000-0000000000ee", "accessContainerType", "securityGroup"),
            "accessDetails", Map.of("unifiedRoles", List.of(Map.of("roleDefinitionId", GLOBAL_READER))))).getBody();
    String assignmentId = assignment.path("id").asText();

    assertThat(post("/admin-center/granular-admin-relationships/{id}/access-assignments/" + assignmentId + "/status", id,
        Map.of("status", "error")).getStatusCode().value()).isEqualTo(200);
    JsonNode listed = http.get().uri("/graph/v1.0/tenantRelationships/delegatedAdminRelationships/{id}/accessAssignments", id)
        .header("Authorization", "Bearer " + NORTHWIND).retrieve().body(JsonNode.class);
    assertThat(listed.path("value").findValuesAsText("status")).containsExactly("error");
    assertThat(post("/admin-center/granular-admin-relationships/{id}/access-assignments/" + assignmentId + "/status", id,
        Map.of("status", "broken")).getStatusCode().value()).isEqualTo(400);
  }

  private String activeRelationship(String... roles) {
    JsonNode created = post("/graph/v1.0/tenantRelationships/delegatedAdminRelationships", null, Map.of(
        "displayName", "Lifecycle " + UUID.randomUUID().toString().substring(0, 8),
        "duration", "P730D",
        "customer", Map.of("tenantId", BELLOWS),
        "accessDetails", Map.of("unifiedRoles", java.util.Arrays.stream(roles).map(r -> Map.of("roleDefinitionId", r)).toList())))
        .getBody();
    String id = created.path("id").asText();
    post("/graph/v1.0/tenantRelationships/delegatedAdminRelationships/{id}/requests", id, Map.of("action", "lockForApproval"));
    gdap.approve(id, BELLOWS_ADMIN);
    return id;
  }

  private JsonNode get(String id) {
    return http.get().uri("/graph/v1.0/tenantRelationships/delegatedAdminRelationships/{id}", id)
        .header("Authorization", "Bearer " + NORTHWIND).retrieve().body(JsonNode.class);
  }

  private ResponseEntity<JsonNode> patch(String id, String ifMatch, String body) {
    return http.patch().uri("/graph/v1.0/tenantRelationships/delegatedAdminRelationships/{id}", id)
        .header("Authorization", "Bearer " + NORTHWIND).header("If-Match", ifMatch)
        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
  }

  private ResponseEntity<JsonNode> post(String path, String id, Object body) {
    RestClient.RequestBodySpec request = http.post().uri(path, id == null ? new Object[0] : new Object[] {id})
        .header("Authorization", "Bearer " + NORTHWIND);
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return request.retrieve().toEntity(JsonNode.class);
  }
}
