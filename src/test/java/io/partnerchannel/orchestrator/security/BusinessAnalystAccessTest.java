package io.partnerchannel.orchestrator.security;

import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.deleteRunningInvitations;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.request;
import static io.partnerchannel.orchestrator.support.ProcessJobs.runDueJobs;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.startAs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.support.ProcessTest;
import io.partnerchannel.orchestrator.support.SandboxDriver;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess;
import io.partnerchannel.orchestrator.support.CamundaWebappSession;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/**
 * What the sandbox's demo analyst {@code business.analyst} ({@code business-analysts}) can and cannot reach, with an
 * invitation running (so there are instances, variables, history and jobs to leak): definitions, decisions,
 * deployments and their forms, Cockpit; no instances, history, variables, tasks, incidents, jobs, users or
 * groups, on {@code /engine-rest}, on the webapps' engine API and on Cockpit's own API
 * ({@code /camunda/api/cockpit}).
 */
@Tag("security")
@ProcessTest
class BusinessAnalystAccessTest {

  private static final String INVITATION = ResellerRelationshipInvitationProcess.PROCESS_KEY;

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired ObjectMapper objectMapper;
  SandboxDriver sandbox;
  RestClient analyst;
  ProcessInstance invitation;

  @BeforeEach
  void setUp() {
    deleteRunningInvitations(runtimeService);
    sandbox.reset(); // Adatum not related yet, whatever earlier tests of the shared context did
    analyst = TestUsers.http(port, TestUsers.BUSINESS_ANALYST);
    invitation = startAs(identityService, runtimeService, TestUsers.SALES_AGENT, INVITATION,
        request("Adatum Corporation", "adatum.onmicrosoft.com", "IT", "it").toVariables());
    runDueJobs(managementService, invitation);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(invitation.getId()).count()).isOne();
  }

  @AfterEach
  void tearDown() {
    deleteRunningInvitations(runtimeService);
  }

  @Test
  void theDemoAnalystIsSeededInBusinessAnalystsOnly() {
    assertThat(identityService.checkPassword(TestUsers.BUSINESS_ANALYST, TestUsers.PASSWORD)).isTrue();
    assertThat(identityService.createGroupQuery().groupMember(TestUsers.BUSINESS_ANALYST).list())
        .extracting("id").containsExactly(PartnerRoles.BUSINESS_ANALYSTS);
  }

  @Test
  void readsDefinitionsDecisionsDeploymentsAndForms() {
    assertThat(ids(get("/process-definition?key=" + INVITATION))).isNotEmpty();
    assertThat(status("/process-definition/key/" + INVITATION + "/xml")).isEqualTo(200);
    assertThat(ids(get("/decision-definition?key=InvitationEligibility"))).isNotEmpty();
    assertThat(status("/decision-definition/key/InvitationEligibility/xml")).isEqualTo(200);
    assertThat(status("/decision-requirements-definition")).isEqualTo(200);

    Deployment application = repositoryService.createDeploymentQuery().deploymentName("partner-channel-orchestrator")
        .orderByDeploymentTime().desc().list().get(0);
    assertThat(ids(get("/deployment"))).contains(application.getId());
    JsonNode resources = get("/deployment/" + application.getId() + "/resources");
    JsonNode form = StreamSupport.stream(resources.spliterator(), false)
        .filter(resource -> resource.path("name").asText().endsWith("Form_RequestResellerRelationship.form"))
        .findFirst().orElseThrow();
    String json = analyst.get().uri(engineRest("/deployment/" + application.getId() + "/resources/"
        + form.path("id").asText() + "/data")).retrieve().body(String.class);
    assertThat(json).contains("\"components\"");
  }

  @Test
  void readsNoInstanceHistoryVariableTaskUserOrGroupOverEngineRest() {
    for (String path : List.of("/process-instance", "/process-instance/" + invitation.getId() + "/variables",
        "/execution", "/variable-instance", "/task", "/job", "/incident", "/history/process-instance",
        "/history/activity-instance", "/history/variable-instance", "/history/decision-instance", "/user",
        "/group", "/authorization", "/tenant")) {
      assertThat(status(path)).as("GET " + path).isEqualTo(403);
    }
    assertThat(analyst.post().uri(engineRest("/process-definition/key/" + INVITATION + "/start"))
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body("{}").retrieve().toBodilessEntity()
        .getStatusCode().value()).as("start").isEqualTo(403);
    assertThat(analyst.post().uri(engineRest("/decision-definition/key/InvitationEligibility/evaluate"))
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body("{\"variables\":{}}").retrieve()
        .toBodilessEntity().getStatusCode().value()).as("evaluate").isEqualTo(403);
    String deploymentId = repositoryService.createDeploymentQuery().list().get(0).getId();
    assertThat(analyst.delete().uri(engineRest("/deployment/" + deploymentId)).retrieve().toBodilessEntity()
        .getStatusCode().value()).as("delete a deployment").isEqualTo(403);
    assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).count()).isOne();
  }

  @Test
  void usesCockpitForDefinitionsButSeesNoInstanceData() throws Exception {
    CamundaWebappSession cockpit = new CamundaWebappSession(port, processEngine.getName());
    assertThat(cockpit.login(TestUsers.BUSINESS_ANALYST, TestUsers.PASSWORD, "cockpit")).isEqualTo(200);
    assertThat(new CamundaWebappSession(port, processEngine.getName())
        .login(TestUsers.BUSINESS_ANALYST, TestUsers.PASSWORD, "tasklist")).as("no Tasklist").isNotEqualTo(200);

    String engine = processEngine.getName();
    String cockpitApi = "/camunda/api/cockpit/plugin/base/" + engine;
    String engineApi = "/camunda/api/engine/engine/" + engine;
    // The dashboard's list of definitions, with how many instances and incidents each has: numbers only.
    JsonNode statistics = json(cockpit.get(cockpitApi + "/process-definition/statistics"));
    JsonNode invitationRow = StreamSupport.stream(statistics.spliterator(), false)
        .filter(row -> INVITATION.equals(row.path("key").asText())).findFirst().orElseThrow();
    assertThat(invitationRow.path("instances").asInt()).isOne();
    assertThat(json(cockpit.get(engineApi + "/process-definition?latestVersion=true")).size()).isPositive();
    assertThat(json(cockpit.get(engineApi + "/decision-definition?latestVersion=true")).size()).isPositive();
    assertThat(json(cockpit.get(engineApi + "/deployment")).size()).isPositive();

    for (String path : List.of(engineApi + "/process-instance", engineApi + "/history/process-instance",
        engineApi + "/execution", engineApi + "/variable-instance", engineApi + "/history/variable-instance",
        engineApi + "/history/activity-instance", engineApi + "/task", engineApi + "/incident",
        engineApi + "/history/decision-instance", cockpitApi + "/process-instance",
        cockpitApi + "/incident")) {
      HttpResponse<String> response = cockpit.get(path);
      assertThat(response.statusCode() == 403 || json(response).isArray() && json(response).isEmpty())
          .as(path + " answers " + response.statusCode() + " " + response.body()).isTrue();
    }
    // Jobs of no instance (history cleanup) and their log are visible to every user; none of an instance.
    for (String path : List.of(engineApi + "/job", engineApi + "/history/job-log")) {
      assertThat(StreamSupport.stream(json(cockpit.get(path)).spliterator(), false)
          .filter(job -> !job.path("processInstanceId").isNull())).as(path).isEmpty();
    }
    HttpResponse<String> variables = cockpit.get(engineApi + "/process-instance/" + invitation.getId() + "/variables");
    assertThat(variables.statusCode()).isEqualTo(403);
    HttpResponse<String> users = cockpit.get(engineApi + "/user");
    assertThat(StreamSupport.stream(json(users).spliterator(), false).map(user -> user.path("id").asText()))
        .as("only the analyst").containsOnly(TestUsers.BUSINESS_ANALYST);
    assertThat(StreamSupport.stream(json(cockpit.get(engineApi + "/group")).spliterator(), false)
        .map(group -> group.path("id").asText())).as("only its own group").containsOnly(PartnerRoles.BUSINESS_ANALYSTS);
  }

  private String engineRest(String path) {
    return "/engine-rest/engine/" + processEngine.getName() + path;
  }

  private JsonNode get(String path) {
    return analyst.get().uri(engineRest(path)).retrieve().body(JsonNode.class);
  }

  private int status(String path) {
    HttpStatusCode status = analyst.get().uri(engineRest(path)).retrieve().toBodilessEntity().getStatusCode();
    return status.value();
  }

  private static List<String> ids(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(node -> node.path("id").asText()).toList();
  }

  private JsonNode json(HttpResponse<String> response) throws Exception {
    return objectMapper.readTree(response.body());
  }
}
