package io.partnerchannel.orchestrator.removal;

import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.PROSEWARE;
import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.PROSEWARE_LICENSES;
import static io.partnerchannel.orchestrator.support.ProcessJobs.runDueJobs;
import static io.partnerchannel.orchestrator.removal.ResellerRelationshipRemovalProcess.PROCESS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.support.SandboxWorldTest;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code POST /api/relationship-removals} and {@code GET /api/relationship-removals/{id}}: a valid request starts
 * the removal as the signed-in user and answers 201 with its location; its status follows the process (waiting for
 * the blockers to be cleared, with the list); bad input answers 400 {@code application/problem+json} naming the
 * field and starts nothing; a second removal of the same customer answers 409; an unknown id 404; no sign-in 401;
 * reseller staff and business analysts may neither start a removal nor see one.
 */
class RelationshipRemovalApiTest extends SandboxWorldTest {

  @Override
  protected List<String> processKeys() {
    return List.of(PROCESS_KEY);
  }

  @Test
  void startsTheRemovalAndShowsWhatBlocksIt() {
    ResponseEntity<JsonNode> created = post("{\"customerTenantId\":\"" + PROSEWARE.toUpperCase() + "\",\"reason\":\"Contract ended\"}");

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    String id = created.getBody().path("id").asText();
    assertThat(created.getHeaders().getLocation()).hasPath("/api/relationship-removals/" + id);
    assertThat(created.getBody().path("status").asText()).isEqualTo("RUNNING");

    runDueJobs(runtimeService, managementService, id);
    JsonNode removal = http.get().uri("/api/relationship-removals/{id}", id).retrieve().body(JsonNode.class);
    assertThat(removal.path("customerTenantId").asText()).isEqualTo(PROSEWARE);
    assertThat(removal.path("companyName").asText()).isEqualTo("Proseware");
    assertThat(removal.path("requester").asText()).isEqualTo(TestUsers.SALES_AGENT);
    assertThat(removal.path("status").asText()).isEqualTo("WAITING_FOR_BLOCKERS");
    assertThat(removal.path("blockers").get(0).asText()).contains(PROSEWARE_LICENSES);

    ResponseEntity<JsonNode> second = post("{\"customerTenantId\":\"" + PROSEWARE + "\"}");
    assertThat(second.getStatusCode().value()).isEqualTo(409);
    assertThat(second.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(second.getBody().path("openRemovalId").asText()).isEqualTo(id);
  }

  @Test
  void badInputAnswersProblemJsonNamingTheFieldAndStartsNothing() {
    Map<String, String> bodies = Map.of(
        "{\"customerTenantId\":\"proseware.onmicrosoft.com\"}", "customerTenantId",
        "{}", "customerTenantId",
        "{\"customerTenantId\":\"" + PROSEWARE + "\",\"reason\":\"" + "x".repeat(501) + "\"}", "reason",
        "{\"customerTenantId\":42}", "customerTenantId");
    bodies.forEach((body, field) -> {
      ResponseEntity<JsonNode> answer = post(body);
      assertThat(answer.getStatusCode().value()).as(body).isEqualTo(400);
      assertThat(answer.getHeaders().getContentType()).as(body).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(answer.getBody().path("errors").findValuesAsText("field")).as(body).contains(field);
    });
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isZero();

    ResponseEntity<JsonNode> unknown = http.get().uri("/api/relationship-removals/{id}", "no-such-removal")
        .retrieve().toEntity(JsonNode.class);
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

    ResponseEntity<JsonNode> anonymous = TestUsers.anonymous(port).post().uri("/api/relationship-removals")
        .contentType(MediaType.APPLICATION_JSON).body("{\"customerTenantId\":\"" + PROSEWARE + "\"}")
        .retrieve().toEntity(JsonNode.class);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isZero();
  }

  @Test
  @org.junit.jupiter.api.Tag("security")
  void resellerStaffAndAnalystsNeitherStartNorSeeARemoval() {
    String id = post("{\"customerTenantId\":\"" + PROSEWARE + "\"}").getBody().path("id").asText();

    for (String user : List.of(TestUsers.FOURTH_COFFEE_STAFF, TestUsers.BUSINESS_ANALYST)) {
      ResponseEntity<JsonNode> start = TestUsers.http(port, user).post().uri("/api/relationship-removals")
          .contentType(MediaType.APPLICATION_JSON).body("{\"customerTenantId\":\"" + PROSEWARE + "\"}")
          .retrieve().toEntity(JsonNode.class);
      assertThat(start.getStatusCode().value()).as(user + " starts").isIn(403, 404);
      assertThat(start.getHeaders().getContentType()).as(user).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

      ResponseEntity<JsonNode> read = TestUsers.http(port, user).get().uri("/api/relationship-removals/{id}", id)
          .retrieve().toEntity(JsonNode.class);
      assertThat(read.getStatusCode().value()).as(user + " reads").isIn(403, 404);
      assertThat(read.getBody().toString()).as(user).doesNotContain("Proseware");
    }
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isOne();
  }

  private ResponseEntity<JsonNode> post(String body) {
    return http.post().uri("/api/relationship-removals").contentType(MediaType.APPLICATION_JSON).body(body)
        .retrieve().toEntity(JsonNode.class);
  }
}
