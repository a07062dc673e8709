package io.partnerchannel.orchestrator.gdap;

import static io.partnerchannel.orchestrator.gdap.GdapRelationshipRequestProcess.*;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.BELLOWS;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.GLOBAL_READER;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.SECURITY_GROUP;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.USER_ADMINISTRATOR;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.approveGdapInSandbox;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.runDueJobs;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.invitation.InvitationTestSupport;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminAccessAssignment;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.UnifiedRole;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxEventDelivery;
import io.partnerchannel.orchestrator.support.ModelerDeployment;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * {@code GdapRelationshipRequest}, the invitation's GDAP steps as a called process, against the sandbox: the
 * approval link goes to the customer's Global admin (entered by a partner admin when the caller does not know it),
 * and the access assignments follow the analysts' {@code GdapAccessAssignment} table as deployed from Camunda
 * Modeler.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
class GdapRelationshipRequestProcessTest {

  static final String BELLOWS_ADMIN = "admin@bellowscollege.onmicrosoft.com";
  static final String READERS_GROUP = "5ec0a1b2-0000-4000-8000-0000000000aa";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired PartnerCenter partnerCenter;
  @Autowired GdapLifecycles lifecycles;
  @Autowired SandboxEventDelivery sandboxEvents;
  @LocalServerPort int port;
  RestClient http;

  @BeforeEach
  void setUp() {
    init(processEngine);
    http = InvitationTestSupport.http(port);
  }

  @Test
  void accessAssignmentsFollowTheRoleToGroupTableAnAnalystDeployed() throws Exception {
    String table = Files.readString(Path.of("bpmn/GdapAccessAssignment.dmn"), StandardCharsets.UTF_8);
    String withReadersRow = table.replace("      <rule id=\"DecisionRule_EveryOtherRole\">", """
              <rule id="DecisionRule_GlobalReader">
                <inputEntry id="UnaryTests_GlobalReader">
                  <text>"%s"</text>
                </inputEntry>
                <outputEntry id="LiteralExpression_GlobalReader">
                  <text>"%s"</text>
                </outputEntry>
              </rule>
              <rule id="DecisionRule_EveryOtherRole">""".formatted(GLOBAL_READER, READERS_GROUP));
    Assertions.assertThat(withReadersRow).isNotEqualTo(table);
    ResponseEntity<JsonNode> deployed = ModelerDeployment.deploy(TestUsers.http(port, TestUsers.BUSINESS_ANALYST),
        processEngine.getName(), "GdapAccessAssignment.dmn", "GdapAccessAssignment.dmn",
        withReadersRow.getBytes(StandardCharsets.UTF_8));
    Assertions.assertThat(deployed.getStatusCode().value()).as(String.valueOf(deployed.getBody())).isEqualTo(200);
    String deploymentId = deployed.getBody().path("id").asText();
    try {
      ProcessInstance request = start(Map.of(InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), BELLOWS_ADMIN,
          InvitationVariables.CUSTOMER_LANGUAGE.getName(), "sv"));
      runDueJobs(managementService, request);
      assertThat(request).isWaitingAt(TASK_AWAIT_GDAP_APPROVAL)
          .hasPassedInOrder(TASK_PREPARE_GDAP_REQUEST, GATEWAY_GDAP_REQUEST_COMPLETE, TASK_CREATE_GDAP_RELATIONSHIP,
              TASK_LOCK_GDAP_FOR_APPROVAL, TASK_SEND_GDAP_APPROVAL_EMAIL)
          .hasNotPassed(TASK_COMPLETE_GDAP_REQUEST)
          .variables()
          .containsEntry(InvitationVariables.PARTNER_NAME.getName(), "Northwind Cloud Solutions")
          .containsEntry(InvitationVariables.CUSTOMER_DOMAIN.getName(), "bellowscollege.onmicrosoft.com");
      String relationshipId = InvitationVariables.GDAP_RELATIONSHIP_ID.from(runtimeService, request.getId()).getOrNull();

      approveGdapInSandbox(http, relationshipId, BELLOWS_ADMIN);
      Assertions.assertThat(sandboxEvents.deliverDue()).isPositive();
      runDueJobs(managementService, request);

      assertThat(request).isEnded().hasPassedInOrder(TASK_AWAIT_GDAP_APPROVAL, TASK_CREATE_ACCESS_ASSIGNMENTS,
          END_EVENT_GDAP_RELATIONSHIP_APPROVED);
      Map<String, List<String>> rolesByGroup = partnerCenter.getAccessAssignments(relationshipId).stream()
          .collect(Collectors.toMap(a -> a.accessContainer().accessContainerId(), GdapRelationshipRequestProcessTest::roles));
      Assertions.assertThat(rolesByGroup).containsOnly(
          Map.entry(READERS_GROUP, List.of(GLOBAL_READER)), Map.entry(SECURITY_GROUP, List.of(USER_ADMINISTRATOR)));
      Assertions.assertThat(InvitationTestSupport.historicVariable(historyService, request, GdapVariables.GDAP_RELATIONSHIP_APPROVED.getName()))
          .isEqualTo(true);
      Assertions.assertThat(lifecycles.watching(relationshipId)).as("the new relationship is watched").isPresent();
    } finally {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void withoutTheCustomersGlobalAdminOrRolesAPartnerAdminCompletesTheRequestFirst() {
    ProcessInstance request = runtimeService.startProcessInstanceByKey(PROCESS_KEY,
        Map.of(InvitationVariables.CUSTOMER_TENANT_ID.getName(), BELLOWS));
    runDueJobs(managementService, request);
    assertThat(request).variables().containsEntry(GdapVariables.GDAP_REQUEST_COMPLETE.getName(), false);
    assertThat(request).isWaitingAt(TASK_COMPLETE_GDAP_REQUEST);
    Task task = taskService.createTaskQuery().processInstanceId(request.getId()).initializeFormKeys().singleResult();
    Assertions.assertThat(task.getCamundaFormRef().getKey()).isEqualTo("Form_CompleteGdapRequest");
    Assertions.assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anySatisfy(link -> Assertions.assertThat(link.getGroupId()).isEqualTo("global-admins"));

    taskService.complete(task.getId(), Variables.createVariables()
        .putValue(InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), BELLOWS_ADMIN)
        .putValue(InvitationVariables.CUSTOMER_LANGUAGE.getName(), "it")
        .putValueTyped(InvitationVariables.GDAP_ROLES.getName(), SpinValues.jsonValue("[\"" + GLOBAL_READER + "\"]").create())
        .putValue(InvitationVariables.GDAP_DURATION.getName(), "P365D"));
    runDueJobs(managementService, request);

    assertThat(request).isWaitingAt(TASK_AWAIT_GDAP_APPROVAL)
        .hasPassedInOrder(TASK_COMPLETE_GDAP_REQUEST, GATEWAY_CONTACT_READY, TASK_CREATE_GDAP_RELATIONSHIP);
    DelegatedAdminRelationship created = partnerCenter.getDelegatedAdminRelationship(
        InvitationVariables.GDAP_RELATIONSHIP_ID.from(runtimeService, request.getId()).getOrNull()).orElseThrow();
    Assertions.assertThat(created.status()).isEqualTo("approvalPending");
    Assertions.assertThat(created.duration()).isEqualTo("P365D");
    Assertions.assertThat(created.accessDetails().unifiedRoles()).extracting(UnifiedRole::roleDefinitionId)
        .containsExactly(GLOBAL_READER);
  }

  @Test
  void aRequestTheCustomerLeavesUnapprovedFor90DaysExpires() {
    ProcessInstance request = start(Map.of(InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), BELLOWS_ADMIN));
    runDueJobs(managementService, request);
    assertThat(request).isWaitingAt(TASK_AWAIT_GDAP_APPROVAL);

    managementService.executeJob(managementService.createJobQuery().processInstanceId(request.getId())
        .activityId(BOUNDARY_EVENT_GDAP_APPROVAL_EXPIRED).singleResult().getId());

    assertThat(request).isEnded().hasPassed(BOUNDARY_EVENT_GDAP_APPROVAL_EXPIRED, END_EVENT_GDAP_REQUEST_EXPIRED)
        .hasNotPassed(TASK_CREATE_ACCESS_ASSIGNMENTS);
    Assertions.assertThat(InvitationTestSupport.historicVariable(historyService, request, GdapVariables.GDAP_RELATIONSHIP_APPROVED.getName()))
        .isEqualTo(false);
  }

  private ProcessInstance start(Map<String, Object> contact) {
    org.camunda.bpm.engine.variable.VariableMap variables = Variables.createVariables()
        .putValue(InvitationVariables.CUSTOMER_TENANT_ID.getName(), BELLOWS)
        .putValueTyped(InvitationVariables.GDAP_ROLES.getName(),
            SpinValues.jsonValue("[\"" + GLOBAL_READER + "\", \"" + USER_ADMINISTRATOR + "\"]").create())
        .putValue(InvitationVariables.GDAP_DURATION.getName(), "P730D");
    variables.putAll(contact);
    return runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables);
  }

  private static List<String> roles(DelegatedAdminAccessAssignment assignment) {
    return assignment.accessDetails().unifiedRoles().stream().map(UnifiedRole::roleDefinitionId).toList();
  }
}
