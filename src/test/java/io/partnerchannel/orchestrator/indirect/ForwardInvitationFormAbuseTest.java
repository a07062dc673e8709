package io.partnerchannel.orchestrator.indirect;

import static io.partnerchannel.orchestrator.indirect.IndirectTestSupport.FOURTH_COFFEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import io.partnerchannel.orchestrator.support.SentMails;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerchannel.orchestrator.forms.FormVariableRefusedException;
import io.partnerchannel.orchestrator.invitation.InvitationTestSupport;
import io.partnerchannel.orchestrator.support.CamundaWebappSession;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Abuse (issue 12, item 5): a reseller's staff submit "Forward invitation to customer" with the customer's
 * Global admin e-mail, the invitation link, the company and the reseller of their own choosing, to have the
 * product e-mail a phishing link in their name and rewrite the owner. Every way of completing the task —
 * {@code /engine-rest} {@code submit-form} and {@code complete} (403 for reseller staff, who have no business
 * there, and 400 for an operator), Tasklist's {@code submit-form}, the Java
 * {@code TaskService} — is refused with 400 {@code application/problem+json} naming the fields, and nothing
 * is written: the task stays open, the variables keep their values, no e-mail is queued.
 *
 * <p>The customer is Wide World Importers, which no other test of the indirect provider relates to Tailspin, so
 * the test shares their application context.
 */
@IndirectProviderTest
@Tag("security")
class ForwardInvitationFormAbuseTest {

  static final String ATTACKER_EMAIL = "admin@attacker.example";
  static final String PHISHING_URL = "https://attacker.example/login";

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ProcessEngine processEngine;
  @Autowired ObjectMapper objectMapper;
  SentMails mails;
  @LocalServerPort int port;

  /** A sandbox customer no other test of the indirect provider relates to Tailspin. */
  static final String DOMAIN = "wideworldimporters.onmicrosoft.com";

  String instanceId;
  Task forward;
  Map<String, Object> variablesBefore;
  Optional<String> newestMailBefore;

  @BeforeEach
  void invitationWaitsForFourthCoffee() {
    InvitationTestSupport.deleteRunningInvitations(runtimeService);
    ResponseEntity<JsonNode> created = TestUsers.http(port).post().uri("/api/indirect-invitations")
        .contentType(MediaType.APPLICATION_JSON)
        .body(objectMapper.createObjectNode()
            .put("companyName", "Wide World Importers").put("domain", DOMAIN)
            .put("country", "IT").put("language", "it").put("globalAdminEmail", "admin@" + DOMAIN)
            .put("adminAccess", "NONE").put("message", "Benvenuti!").put("route", "VIA_RESELLER")
            .put("resellerTenantId", FOURTH_COFFEE))
        .retrieve().toEntity(JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    instanceId = created.getBody().path("id").asText();
    InvitationTestSupport.runDueJobs(managementService,
        runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult());
    forward = taskService.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey(IndirectResellerInvitationProcess.TASK_FORWARD_INVITATION).singleResult();
    assertThat(forward).isNotNull();
    taskService.claim(forward.getId(), TestUsers.FOURTH_COFFEE_STAFF);
    variablesBefore = runtimeService.getVariables(instanceId);
    newestMailBefore = mails.newestId();
  }

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    InvitationTestSupport.deleteRunningInvitations(runtimeService);
  }

  /** The attack: the decision plus four read-only fields with the attacker's values. */
  static Map<String, Object> attack() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(IndirectInvitationVariables.FORWARD_DECISION.getName(), "FORWARD");
    variables.put("globalAdminEmail", ATTACKER_EMAIL);
    variables.put("invitationUrl", PHISHING_URL);
    variables.put("companyName", "Wide World Importers (verify your account)");
    variables.put("resellerTenantId", "a1b2c3d4-0000-4000-8000-000000000004");
    return variables;
  }

  String restBody(Map<String, Object> variables) throws Exception {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value, "type", "String")));
    return objectMapper.writeValueAsString(Map.of("variables", typed));
  }

  void assertRefusedAndNothingWritten(int status, String contentType, String body) throws Exception {
    assertThat(status).isEqualTo(400);
    assertThat(contentType).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JsonNode problem = objectMapper.readTree(body);
    assertThat(problem.path("status").asInt()).isEqualTo(400);
    assertThat(problem.path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("globalAdminEmail", "invitationUrl", "companyName", "resellerTenantId");
    assertThat(problem.path("detail").asText()).contains("globalAdminEmail", "invitationUrl");
    assertNothingWritten();
  }

  void assertNothingWritten() {
    assertThat(taskService.createTaskQuery().taskId(forward.getId()).count()).as("task still open").isOne();
    assertThat(runtimeService.getVariables(instanceId).toString()).isEqualTo(variablesBefore.toString());
    assertThat(mails.newestId()).as("no e-mail queued, to the attacker or anyone").isEqualTo(newestMailBefore);
    assertThat(mails.to(ATTACKER_EMAIL)).isEmpty();
  }

  @Test
  void engineRestSubmitFormWithOwnReadOnlyValuesIsRefused() throws Exception {
    String operator = "forward.operator";
    User user = identityService.newUser(operator);
    user.setPassword(TestUsers.PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(operator, Groups.CAMUNDA_ADMIN);
    try {
      for (String action : List.of("submit-form", "complete")) {
        String path = "/engine-rest/engine/" + processEngine.getName() + "/task/" + forward.getId() + "/" + action;
        assertThat(TestUsers.http(port, TestUsers.FOURTH_COFFEE_STAFF).post().uri(path).contentType(MediaType.APPLICATION_JSON)
            .body(restBody(attack())).retrieve().toBodilessEntity().getStatusCode())
            .as("/engine-rest is not for reseller staff").isEqualTo(HttpStatus.FORBIDDEN);
        assertNothingWritten();
        ResponseEntity<String> answer = TestUsers.http(port, operator).post().uri(path).contentType(MediaType.APPLICATION_JSON)
            .body(restBody(attack())).retrieve().toEntity(String.class);
        assertRefusedAndNothingWritten(answer.getStatusCode().value(),
            String.valueOf(answer.getHeaders().getContentType()), answer.getBody());
      }
    } finally {
      identityService.deleteUser(operator);
    }
  }

  @Test
  void tasklistSubmitFormWithOwnReadOnlyValuesIsRefused() throws Exception {
    CamundaWebappSession tasklist = new CamundaWebappSession(port, processEngine.getName());
    assertThat(tasklist.login(TestUsers.FOURTH_COFFEE_STAFF, TestUsers.PASSWORD)).isEqualTo(200);
    String api = "/camunda/api/engine/engine/" + processEngine.getName() + "/task/" + forward.getId();
    for (String action : List.of("/submit-form", "/complete")) {
      HttpResponse<String> answer = tasklist.post(api + action, restBody(attack()));
      assertRefusedAndNothingWritten(answer.statusCode(),
          answer.headers().firstValue("Content-Type").orElse(""), answer.body());
    }
  }

  @Test
  void javaTaskServiceWithOwnReadOnlyValuesIsRefused() {
    InvitationTestSupport.authenticate(identityService, TestUsers.FOURTH_COFFEE_STAFF);
    assertThatThrownBy(() -> taskService.complete(forward.getId(), attack()))
        .isInstanceOf(FormVariableRefusedException.class)
        .hasMessageContaining("globalAdminEmail").hasMessageContaining("resellerTenantId");
    identityService.clearAuthentication();
    assertThatThrownBy(() -> processEngine.getFormService().submitTaskForm(forward.getId(),
        Map.of(IndirectInvitationVariables.FORWARD_DECISION.getName(), "FORWARD", "owningResellerTenantId", FOURTH_COFFEE)))
        .isInstanceOf(FormVariableRefusedException.class)
        .hasMessageContaining("owningResellerTenantId (is not a field of the form)");
    assertNothingWritten();
  }

  @Test
  void theFormsOwnFieldsAndUnchangedReadOnlyValuesAreAccepted() throws Exception {
    Map<String, Object> honest = new LinkedHashMap<>();
    honest.put(IndirectInvitationVariables.FORWARD_DECISION.getName(), "FORWARD");
    honest.put("companyName", variablesBefore.get("companyName"));
    CamundaWebappSession tasklist = new CamundaWebappSession(port, processEngine.getName());
    assertThat(tasklist.login(TestUsers.FOURTH_COFFEE_STAFF, TestUsers.PASSWORD)).isEqualTo(200);
    HttpResponse<String> answer = tasklist.post(
        "/camunda/api/engine/engine/" + processEngine.getName() + "/task/" + forward.getId() + "/submit-form", restBody(honest));

    assertThat(answer.statusCode()).isEqualTo(HttpStatus.NO_CONTENT.value());
    assertThat(taskService.createTaskQuery().taskId(forward.getId()).count()).isZero();
    assertThat(runtimeService.getVariable(instanceId, "globalAdminEmail")).isEqualTo("admin@" + DOMAIN);
    assertThat(runtimeService.getVariable(instanceId, "companyName")).isEqualTo("Wide World Importers");
  }
}
