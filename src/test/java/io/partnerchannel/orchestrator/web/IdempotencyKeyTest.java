package io.partnerchannel.orchestrator.web;

import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.deleteRunningInvitations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.support.ProcessTest;
import io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess;
import io.partnerchannel.orchestrator.routing.CustomerSubscriptionOnboardingProcess;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * {@code Idempotency-Key} on the REST starts: a retry with the same key and body answers the first start's
 * status, {@code Location} and body and starts nothing (also when the duplicates arrive at the same moment: one
 * that still finds the key held after its attempts answers 503 with {@code Retry-After}, and its retry the first
 * start's answer); the
 * same key with another body → 422; a start that failed stored nothing; a malformed key → 400.
 */
@ProcessTest
class IdempotencyKeyTest {

  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;
  RestClient http;

  @BeforeEach
  void setUp() {
    http = TestUsers.http(port);
    deleteRunningInvitations(runtimeService);
  }

  @AfterEach
  void tearDown() {
    deleteRunningInvitations(runtimeService);
  }

  @Test
  void aRetryWithTheSameKeyAnswersTheFirstStartAndStartsNothing() {
    String domain = domain();
    String key = UUID.randomUUID().toString();

    ResponseEntity<JsonNode> first = post("/api/invitations", key, invitation(domain, "Welcome"));
    ResponseEntity<JsonNode> retry = post("/api/invitations", key, invitation(domain, "Welcome"));
    ResponseEntity<JsonNode> withoutKey = post("/api/invitations", null, invitation(domain, "Welcome"));

    assertThat(first.getStatusCode().value()).isEqualTo(201);
    assertThat(retry.getStatusCode().value()).isEqualTo(201);
    assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation()).isNotNull();
    assertThat(retry.getBody()).isEqualTo(first.getBody());
    assertThat(first.getBody().path("id").asText()).isNotBlank();
    assertThat(instances(ResellerRelationshipInvitationProcess.PROCESS_KEY, domain)).isEqualTo(1);
    // without the key the same request is a second start, refused because the first is open
    assertThat(withoutKey.getStatusCode().value()).isEqualTo(409);
  }

  @Test
  void concurrentDuplicatesStartOnceAndAllGetTheSameAnswer() throws Exception {
    String domain = domain();
    String key = UUID.randomUUID().toString();
    int clients = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(clients);
    List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        answers.add(threads.submit((Callable<ResponseEntity<JsonNode>>) () -> {
          go.await();
          return postRetryingBusy("/api/invitations", key, invitation(domain, "Welcome"));
        }));
      }
      go.countDown();
      List<ResponseEntity<JsonNode>> done = new ArrayList<>();
      for (Future<ResponseEntity<JsonNode>> answer : answers) {
        done.add(answer.get());
      }
      assertThat(done).allSatisfy(answer -> {
        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        assertThat(answer.getBody()).isEqualTo(done.get(0).getBody());
        assertThat(answer.getHeaders().getLocation()).isEqualTo(done.get(0).getHeaders().getLocation());
      });
    } finally {
      threads.shutdownNow();
    }
    assertThat(instances(ResellerRelationshipInvitationProcess.PROCESS_KEY, domain)).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefusedWith422() {
    String domain = domain();
    String key = UUID.randomUUID().toString();
    post("/api/invitations", key, invitation(domain, "Welcome"));

    ResponseEntity<JsonNode> other = post("/api/invitations", key, invitation(domain, "Another note"));

    assertThat(other.getStatusCode().value()).isEqualTo(422);
    assertThat(other.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(other.getBody().path("detail").asText()).contains("Idempotency-Key");
    assertThat(other.getBody().path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
    assertThat(instances(ResellerRelationshipInvitationProcess.PROCESS_KEY, domain)).isEqualTo(1);
  }

  @Test
  void aRefusedStartKeepsNoKeySoItsRetryMayStart() {
    String domain = domain();
    String key = UUID.randomUUID().toString();
    String open = post("/api/invitations", null, invitation(domain, "Welcome")).getBody().path("id").asText();

    ResponseEntity<JsonNode> refused = post("/api/invitations", key, invitation(domain, "Welcome"));
    runtimeService.deleteProcessInstance(open, "test: the open invitation goes away");
    ResponseEntity<JsonNode> retried = post("/api/invitations", key, invitation(domain, "Welcome"));

    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(retried.getStatusCode().value()).isEqualTo(201);
    assertThat(retried.getBody().path("id").asText()).isNotEqualTo(open);
  }

  @Test
  void aMalformedKeyIsRefusedWith400AndNothingStarts() {
    String domain = domain();

    ResponseEntity<JsonNode> answer = post("/api/invitations", "x".repeat(256), invitation(domain, "Welcome"));

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody().path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
    assertThat(instances(ResellerRelationshipInvitationProcess.PROCESS_KEY, domain)).isZero();
  }

  @Test
  void onboardingsAndIndirectInvitationsTakeTheKeyToo() {
    String tenant = "c0ffee00-0000-4000-8000-" + UUID.randomUUID().toString().substring(24);
    String key = UUID.randomUUID().toString();
    Map<String, Object> onboarding = Map.of("customerTenantId", tenant, "cloud", "GLOBAL", "ruleSet", "2020",
        "subscriptions", List.of(Map.of("id", "m365", "serviceType", "LICENSE_BASED", "boughtFrom", "OPEN")));

    ResponseEntity<JsonNode> first = post("/api/onboardings", key, onboarding);
    ResponseEntity<JsonNode> retry = post("/api/onboardings", key, onboarding);
    // keys belong to one endpoint: the same key starts an invitation independently
    String domain = domain();
    ResponseEntity<JsonNode> invitation = post("/api/invitations", key, invitation(domain, "Welcome"));
    Map<String, Object> indirect = new HashMap<>(invitation(domain(), "Welcome"));
    indirect.put("route", "DIRECT");
    ResponseEntity<JsonNode> indirectFirst = post("/api/indirect-invitations", key, indirect);
    ResponseEntity<JsonNode> indirectRetry = post("/api/indirect-invitations", key, indirect);

    assertThat(first.getStatusCode().value()).isEqualTo(201);
    assertThat(retry.getBody()).isEqualTo(first.getBody());
    assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
    assertThat(instances(CustomerSubscriptionOnboardingProcess.PROCESS_KEY, tenant)).isEqualTo(1);
    assertThat(invitation.getStatusCode().value()).isEqualTo(201);
    assertThat(indirectFirst.getStatusCode().value()).as(indirectFirst.toString()).isEqualTo(201);
    assertThat(indirectRetry.getBody()).isEqualTo(indirectFirst.getBody());
    assertThat(indirectRetry.getHeaders().getLocation()).isEqualTo(indirectFirst.getHeaders().getLocation());
    runtimeService.deleteProcessInstance(first.getBody().path("id").asText(), "test clean-up");
  }

  /**
   * Posts as a client that follows the documented answer to a duplicate arriving while the first request still
   * holds the key (IdempotentStarts: after five attempts, 503 problem+json with {@code Retry-After}): waits the
   * {@code Retry-After} seconds and sends the same request with the same key again, up to ten times.
   */
  private ResponseEntity<JsonNode> postRetryingBusy(String path, String key, Object body) throws InterruptedException {
    ResponseEntity<JsonNode> answer = post(path, key, body);
    for (int retry = 0; retry < 10 && answer.getStatusCode().value() == 503; retry++) {
      assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(answer.getBody().path("type").asText()).isEqualTo(Overload.TYPE.toString());
      String retryAfter = answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
      assertThat(retryAfter).as("Retry-After of a 503").isNotBlank();
      TimeUnit.SECONDS.sleep(Long.parseLong(retryAfter));
      answer = post(path, key, body);
    }
    return answer;
  }

  private ResponseEntity<JsonNode> post(String path, String key, Object body) {
    return http.post().uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .headers(headers -> {
          if (key != null) {
            headers.set("Idempotency-Key", key);
          }
        })
        .body(body)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  private long instances(String processKey, String businessKey) {
    return historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey)
        .count();
  }

  private static String domain() {
    return "idem" + UUID.randomUUID().toString().substring(0, 8) + ".onmicrosoft.com";
  }

  private static Map<String, Object> invitation(String domain, String message) {
    return Map.of(
        "companyName", "Idempotent Ltd",
        "domain", domain,
        "country", "SE",
        "language", "sv",
        "globalAdminEmail", "admin@" + domain,
        "adminAccess", "NONE",
        "message", message);
  }
}
