package io.partnerchannel.orchestrator.deployment;

import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.deleteRunningInvitations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.support.ModelerDeployment;
import io.partnerchannel.orchestrator.support.ProcessTest;
import io.partnerchannel.orchestrator.support.SandboxDriver;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import io.partnerchannel.orchestrator.invitation.InvitationTestSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A model deployed alone must find what it names: a decision, form or called process that is neither in the
 * deployment nor deployed is refused at deployment (400 for Camunda Modeler, naming the element), instead of a
 * process that starts and then stops at that element; what is deployed or deployed together passes.
 */
@ProcessTest
class ModelReferencesTest {

  @Autowired RepositoryService repositoryService;
  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @LocalServerPort int port;
  SandboxDriver sandbox;
  final List<String> deployments = new ArrayList<>();

  @AfterEach
  void undeploy() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @Test
  void aModelNamingAnUndeployedDecisionFormOrProcessIsRefusedNamingTheElement() {
    long before = repositoryService.createDeploymentQuery().count();
    assertRefused(model("camunda:decisionRef=\"NoSuchDecision\"", ""), "Task_Decide", "decision 'NoSuchDecision'");
    assertRefused(model("camunda:decisionRef=\"InvitationEligibility\"", "", "deployment"), "Task_Decide",
        "decision 'InvitationEligibility'");
    assertRefused(model("", "camunda:formRef=\"Form_NoSuchForm\" camunda:formRefBinding=\"latest\""), "Task_Enter",
        "form 'Form_NoSuchForm'");
    assertRefused(callActivity("NoSuchProcess"), "CallActivity_Call", "process 'NoSuchProcess'");
    assertThat(repositoryService.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(before);
  }

  @Test
  void deployedOrDeployedTogetherPasses() {
    deploy(model("camunda:decisionRef=\"InvitationEligibility\"",
        "camunda:formRef=\"Form_FollowUpWithCustomer\" camunda:formRefBinding=\"latest\""));
    deploy(callActivity("ResellerRelationshipInvitation"));
    deploy(model("camunda:decisionRef=\"${decisionKey}\"",
        "camunda:formRef=\"${formKey}\" camunda:formRefBinding=\"latest\""));
    Deployment together = repositoryService.createDeployment().name("together")
        .addString("Refs.bpmn", model("camunda:decisionRef=\"Decision_New\"",
            "camunda:formRef=\"Form_New\" camunda:formRefBinding=\"deployment\"", "deployment"))
        .addString("New.dmn", """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_New" name="n" namespace="t">
              <decision id="Decision_New" name="New" camunda:historyTimeToLive="P1D"
                  xmlns:camunda="http://camunda.org/schema/1.0/dmn">
                <decisionTable id="DecisionTable_New">
                  <output id="Output_Ok" name="ok" typeRef="boolean" />
                  <rule id="Rule_Ok"><outputEntry id="OutputEntry_Ok"><text>true</text></outputEntry></rule>
                </decisionTable>
              </decision>
            </definitions>
            """)
        .addString("New.form", "{\"id\": \"Form_New\", \"type\": \"default\", \"components\": []}")
        .deploy();
    deployments.add(together.getId());
    assertThat(repositoryService.createProcessDefinitionQuery().deploymentId(together.getId()).count()).isOne();
  }

  @Test
  void camundaModelerShowsTheRefusal() {
    ResponseEntity<JsonNode> answer = ModelerDeployment.deploy(TestUsers.http(port, TestUsers.BUSINESS_ANALYST),
        processEngine.getName(), "Refs", "Refs.bpmn",
        model("camunda:decisionRef=\"NoSuchDecision\"", "").getBytes(StandardCharsets.UTF_8));

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody().path("message").asText())
        .contains("Refs.bpmn", "Task_Decide", "decision 'NoSuchDecision'", "deploy the decision first");
  }

  @Test
  void aDecisionThatFailsAtRunTimeLeavesAnIncidentThatTheInvitationShows() {
    deleteRunningInvitations(runtimeService);
    sandbox.reset(); // Lamna not related yet, whatever earlier tests of the shared context did
    DmnModelInstance dmn = Dmn.readModelFromStream(getClass().getResourceAsStream("/bpmn/InvitationEligibility.dmn"));
    InputExpression tenantKind = dmn.getModelElementById("InputExpression_TenantKind");
    tenantKind.setTypeRef("integer"); // the tenant kind is text: every evaluation fails
    ResponseEntity<JsonNode> deployed = ModelerDeployment.deploy(TestUsers.http(port, TestUsers.BUSINESS_ANALYST),
        processEngine.getName(), "InvitationEligibility", "InvitationEligibility.dmn",
        Dmn.convertToString(dmn).getBytes(StandardCharsets.UTF_8));
    assertThat(deployed.getStatusCode().value()).isEqualTo(200);
    deployments.add(deployed.getBody().path("id").asText());

    JsonNode started = TestUsers.http(port).post().uri("/api/invitations").contentType(MediaType.APPLICATION_JSON)
        .body(InvitationTestSupport.request("Lamna Healthcare", "lamna.onmicrosoft.com", "FR", "en")).retrieve()
        .body(JsonNode.class);
    String id = started.path("id").asText();
    assertThat(id).as(started.toString()).isNotBlank();
    for (int attempt = 0; attempt < 5 && runtimeService.createIncidentQuery().processInstanceId(id).count() == 0;
        attempt++) {
      Job job = managementService.createJobQuery().processInstanceId(id).singleResult();
      managementService.setJobRetries(job.getId(), 1); // instead of waiting for the retry cycle
      try {
        managementService.executeJob(job.getId());
      } catch (RuntimeException expected) {
        // the start job passes; the job of the step that evaluates the decision fails
      }
    }

    JsonNode invitation = TestUsers.http(port).get().uri("/api/invitations/{id}", id).retrieve().body(JsonNode.class);
    assertThat(invitation.path("status").asText()).isEqualTo("REQUESTED");
    assertThat(invitation.path("incident").path("activityId").asText()).isEqualTo("Task_DecideEligibility");
    assertThat(invitation.path("incident").path("message").asText()).contains("integer");
    assertThat(invitation.path("incident").path("since").asText()).isNotBlank();
    deleteRunningInvitations(runtimeService);
  }

  void deploy(String bpmn) {
    deployments.add(repositoryService.createDeployment().name("refs")
        .addInputStream("Refs.bpmn", new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8))).deploy().getId());
  }

  void assertRefused(String bpmn, String elementId, String named) {
    assertThatThrownBy(() -> deploy(bpmn))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Refs.bpmn")
        .hasMessageContaining(elementId)
        .hasMessageContaining(named);
  }

  static String model(String decision, String form) {
    return model(decision, form, "latest");
  }

  static String model(String decision, String form, String decisionBinding) {
    String binding = decision.isEmpty() ? "" : " camunda:decisionRefBinding=\"" + decisionBinding + "\"";
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Refs" targetNamespace="t">
          <bpmn:process id="Refs" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Started" />
            <bpmn:businessRuleTask id="Task_Decide" %s%s camunda:mapDecisionResult="singleEntry"
                camunda:resultVariable="ok" />
            <bpmn:userTask id="Task_Enter" %s />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Started" targetRef="Task_Decide" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Decide" targetRef="Task_Enter" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(decision.isEmpty() ? "camunda:decisionRef=\"InvitationEligibility\"" : decision,
        decision.isEmpty() ? "" : binding, form);
  }

  static String callActivity(String calledElement) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Refs" targetNamespace="t">
          <bpmn:process id="Refs" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Started" />
            <bpmn:callActivity id="CallActivity_Call" calledElement="%s" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Started" targetRef="CallActivity_Call" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(calledElement);
  }
}
