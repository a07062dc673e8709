package io.partnerchannel.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.support.CamundaWebappSession;
import io.partnerchannel.orchestrator.support.ProcessTest;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Abuse (issue 12, item 8): another reseller's staff reading Fourth Coffee's instance, its variables, task
 * and history through Tasklist's API ({@code /camunda/api/engine}) get 404 {@code application/problem+json}
 * that does not name the tenant (the engine's tenant check used to answer 500 with the tenant in the
 * message); {@code /engine-rest} is closed to them (403).
 */
@ProcessTest
@Tag("security")
class CrossTenantReadTest {

  static final String PROCESS = "CrossTenantReadProbe";

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void anotherResellersInstanceIsNotFound() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      repositoryService.createDeployment()
          .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
              .startEvent().userTask("Task_Wait").name("Wait").camundaCandidateGroups("${candidateGroup}").endEvent().done())
          .deploy();
    }
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, Map.of(
        ResellerTenantIdProvider.RESELLER_TENANT_ID, TestUsers.FOURTH_COFFEE,
        "candidateGroup", PartnerRoles.resellerGroup(TestUsers.FOURTH_COFFEE)));
    String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    String engine = "/engine-rest/engine/" + processEngine.getName();
    String webappApi = "/camunda/api/engine/engine/" + processEngine.getName();
    CamundaWebappSession tasklist = new CamundaWebappSession(port, processEngine.getName());
    assertThat(tasklist.login(TestUsers.WINGTIP_STAFF, TestUsers.PASSWORD)).isEqualTo(200);

    for (String path : List.of(
        "/process-instance/" + instance.getId(),
        "/process-instance/" + instance.getId() + "/variables",
        "/process-instance/" + instance.getId() + "/variables/candidateGroup",
        "/process-instance/" + instance.getId() + "/activity-instances",
        "/execution/" + instance.getId() + "/localVariables",
        "/task/" + taskId,
        "/task/" + taskId + "/variables",
        "/task/" + taskId + "/form-variables",
        "/history/process-instance/" + instance.getId())) {
      HttpResponse<String> answer = tasklist.get(webappApi + path);
      assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(404);
      assertThat(answer.body()).as(path).doesNotContain(TestUsers.FOURTH_COFFEE);
      assertThat(MediaType.parseMediaType(answer.headers().firstValue("Content-Type").orElse("text/plain"))).as(path)
          .isIn(MediaType.APPLICATION_PROBLEM_JSON, MediaType.APPLICATION_JSON);
      ResponseEntity<String> engineRest = TestUsers.http(port, TestUsers.WINGTIP_STAFF).get().uri(engine + path)
          .retrieve().toEntity(String.class);
      assertThat(engineRest.getStatusCode().value()).as("/engine-rest is not for reseller staff: " + path).isEqualTo(403);
      assertThat(engineRest.getBody()).as(path).doesNotContain(TestUsers.FOURTH_COFFEE);
    }
  }
}
