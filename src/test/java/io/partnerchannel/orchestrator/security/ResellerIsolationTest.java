package io.partnerchannel.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.support.ProcessTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerchannel.orchestrator.support.CamundaWebappSession;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Reseller isolation: instances started with {@code resellerTenantId} belong to that reseller's tenant
 * ({@link ResellerTenantIdProvider}), and a reseller's staff see, claim and complete only their own tenant's
 * tasks, through the REST API and through Tasklist's API. A test-only process (one user task whose candidate
 * group comes from a variable) stands in for the indirect invitation's "Forward invitation to customer".
 */
@ProcessTest
class ResellerIsolationTest {

  static final String PROCESS = "ResellerIsolationProbe";
  static final String TASK = "Task_ForwardInvitation";

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ObjectMapper objectMapper;

  ProcessInstance fourthCoffeeInstance;
  ProcessInstance wingtipInstance;
  ProcessInstance providerInstance;
  ProcessInstance wingtipInstanceNamingFourthCoffee;
  Task fourthCoffeeTask;
  Task wingtipTask;
  Task providerTask;
  Task wingtipTaskNamingFourthCoffee;

  @BeforeEach
  void startOneInstancePerReseller() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      repositoryService.createDeployment()
          .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
              .camundaHistoryTimeToLive(1)
              .startEvent()
              .userTask(TASK).name("Forward invitation to customer").camundaCandidateGroups("${candidateGroup}")
              .endEvent()
              .done())
          .deploy();
    }
    fourthCoffeeInstance = start(TestUsers.FOURTH_COFFEE, PartnerRoles.resellerGroup(TestUsers.FOURTH_COFFEE));
    wingtipInstance = start(TestUsers.WINGTIP, PartnerRoles.resellerGroup(TestUsers.WINGTIP));
    providerInstance = start(null, PartnerRoles.SALES_AGENTS);
    // Misrouted on purpose: Wingtip's instance offering its task to Fourth Coffee's group; the tenant check still hides it.
    wingtipInstanceNamingFourthCoffee = start(TestUsers.WINGTIP, PartnerRoles.resellerGroup(TestUsers.FOURTH_COFFEE));
    fourthCoffeeTask = task(fourthCoffeeInstance);
    wingtipTask = task(wingtipInstance);
    providerTask = task(providerInstance);
    wingtipTaskNamingFourthCoffee = task(wingtipInstanceNamingFourthCoffee);
  }

  ProcessInstance start(String resellerTenantId, String candidateGroup) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("candidateGroup", candidateGroup);
    if (resellerTenantId != null) {
      variables.put(ResellerTenantIdProvider.RESELLER_TENANT_ID, resellerTenantId);
    }
    return runtimeService.startProcessInstanceByKey(PROCESS, variables);
  }

  Task task(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  String engineRest(String path) {
    return "/engine-rest/engine/" + processEngine.getName() + path;
  }

  List<String> taskIds(JsonNode tasks) {
    return tasks.findValuesAsText("id");
  }

  @Test
  void instancesOfAResellerCarryItsTenantAndTheProvidersNone() {
    assertThat(fourthCoffeeInstance.getTenantId()).isEqualTo(TestUsers.FOURTH_COFFEE);
    assertThat(fourthCoffeeTask.getTenantId()).isEqualTo(TestUsers.FOURTH_COFFEE);
    assertThat(wingtipTask.getTenantId()).isEqualTo(TestUsers.WINGTIP);
    assertThat(providerInstance.getTenantId()).isNull();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(wingtipInstance.getId())
        .singleResult().getTenantId()).isEqualTo(TestUsers.WINGTIP);
  }

  @Test
  void resellerStaffSeeAndCompleteOnlyTheirOwnTasksThroughTasklistsApi() throws Exception {
    assertThat(TestUsers.http(port, TestUsers.FOURTH_COFFEE_STAFF).get().uri(engineRest("/task")).retrieve()
        .toBodilessEntity().getStatusCode()).as("/engine-rest is not for reseller staff").isEqualTo(HttpStatus.FORBIDDEN);
    CamundaWebappSession fourthCoffee = webapp(TestUsers.FOURTH_COFFEE_STAFF);
    CamundaWebappSession wingtip = webapp(TestUsers.WINGTIP_STAFF);

    assertThat(taskIds(objectMapper.readTree(fourthCoffee.get(tasklistApi("/task?processDefinitionKey=" + PROCESS)).body())))
        .contains(fourthCoffeeTask.getId())
        .doesNotContain(wingtipTask.getId(), providerTask.getId(), wingtipTaskNamingFourthCoffee.getId());
    assertThat(taskIds(objectMapper.readTree(wingtip.get(tasklistApi("/task?processDefinitionKey=" + PROCESS)).body())))
        .contains(wingtipTask.getId()).doesNotContain(fourthCoffeeTask.getId(), providerTask.getId());

    for (Task other : List.of(wingtipTask, wingtipTaskNamingFourthCoffee, providerTask)) {
      assertThat(fourthCoffee.get(tasklistApi("/task/" + other.getId())).statusCode()).isIn(404, 403);
      assertThat(fourthCoffee.post(tasklistApi("/task/" + other.getId() + "/claim"),
          "{\"userId\": \"" + TestUsers.FOURTH_COFFEE_STAFF + "\"}").statusCode()).isNotIn(200, 204);
      assertThat(fourthCoffee.post(tasklistApi("/task/" + other.getId() + "/complete"), "{}").statusCode())
          .isNotIn(200, 204);
      Task unchanged = taskService.createTaskQuery().taskId(other.getId()).singleResult();
      assertThat(unchanged).as("still open").isNotNull();
      assertThat(unchanged.getAssignee()).isNull();
    }

    assertThat(fourthCoffee.post(tasklistApi("/task/" + fourthCoffeeTask.getId() + "/claim"),
        "{\"userId\": \"" + TestUsers.FOURTH_COFFEE_STAFF + "\"}").statusCode()).isEqualTo(204);
    assertThat(fourthCoffee.post(tasklistApi("/task/" + fourthCoffeeTask.getId() + "/complete"), "{}").statusCode())
        .isEqualTo(204);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(fourthCoffeeInstance.getId())
        .singleResult().getEndTime()).isNotNull();
  }

  CamundaWebappSession webapp(String userId) {
    CamundaWebappSession session = new CamundaWebappSession(port, processEngine.getName());
    assertThat(session.login(userId, TestUsers.PASSWORD)).isEqualTo(200);
    return session;
  }

  String tasklistApi(String path) {
    return "/camunda/api/engine/engine/" + processEngine.getName() + path;
  }

  @Test
  void resellerStaffSeeAndWorkOnlyTheirOwnTasksInTasklist() throws Exception {
    CamundaWebappSession tasklist = new CamundaWebappSession(port, processEngine.getName());
    assertThat(tasklist.login(TestUsers.WINGTIP_STAFF, TestUsers.PASSWORD)).isEqualTo(200);
    String api = "/camunda/api/engine/engine/" + processEngine.getName();

    HttpResponse<String> list = tasklist.get(api + "/task?processDefinitionKey=" + PROCESS);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(taskIds(objectMapper.readTree(list.body())))
        .contains(wingtipTask.getId())
        .doesNotContain(fourthCoffeeTask.getId(), providerTask.getId(), wingtipTaskNamingFourthCoffee.getId());

    for (Task other : List.of(fourthCoffeeTask, providerTask)) {
      assertThat(tasklist.post(api + "/task/" + other.getId() + "/claim",
          "{\"userId\": \"" + TestUsers.WINGTIP_STAFF + "\"}").statusCode()).isNotIn(200, 204);
      assertThat(tasklist.post(api + "/task/" + other.getId() + "/submit-form", "{\"variables\": {}}").statusCode())
          .isNotIn(200, 204);
      Task unchanged = taskService.createTaskQuery().taskId(other.getId()).singleResult();
      assertThat(unchanged).isNotNull();
      assertThat(unchanged.getAssignee()).isNull();
    }

    assertThat(tasklist.post(api + "/task/" + wingtipTask.getId() + "/claim",
        "{\"userId\": \"" + TestUsers.WINGTIP_STAFF + "\"}").statusCode()).isEqualTo(204);
    assertThat(tasklist.post(api + "/task/" + wingtipTask.getId() + "/submit-form", "{\"variables\": {}}").statusCode())
        .isIn(200, 204);
    assertThat(taskService.createTaskQuery().taskId(wingtipTask.getId()).count()).isZero();
  }

  @Test
  void theProvidersCandidatesWorkItsTaskButMayNotEditIt() {
    CamundaWebappSession agent = webapp(TestUsers.SALES_AGENT);

    assertThat(agent.put(tasklistApi("/task/" + providerTask.getId()), "{\"name\": \"Renamed\"}").statusCode())
        .as("TASK_WORK, not UPDATE").isEqualTo(403);
    assertThat(agent.post(tasklistApi("/task/" + providerTask.getId() + "/claim"),
        "{\"userId\": \"" + TestUsers.SALES_AGENT + "\"}").statusCode()).isEqualTo(204);
    assertThat(agent.post(tasklistApi("/task/" + providerTask.getId() + "/complete"), "{}").statusCode()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(providerTask.getId()).count()).isZero();
  }
}
