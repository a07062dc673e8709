package io.partnerchannel.orchestrator.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.support.ModelerDeployment;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * A model deployed alone must find what it names: a decision, form or called process that is neither in the
 * deployment nor deployed is refused at deployment (400 for Camunda Modeler, naming the element), instead of a
 * process that starts and then stops at that element; what is deployed or deployed together passes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ModelReferencesTest {

  @Autowired RepositoryService repositoryService;
  @Autowired ProcessEngine processEngine;
  @LocalServerPort int port;
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
