package io.partnerchannel.orchestrator.routing;

import io.partnerchannel.orchestrator.invitation.TrackInvitationProcess;
import io.partnerchannel.orchestrator.support.SandboxWorldTest;
import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.*;
import static io.partnerchannel.orchestrator.routing.CustomerSubscriptionOnboardingProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.partnerchannel.orchestrator.invitation.InvitationService;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Paths of {@code CustomerSubscriptionOnboarding} that end in the onboarding itself: unsupported
 * subscriptions, a customer already related, a customer who accepts the reseller relationship invitation
 * the onboarding starts, one who does not, and refused starts. The routes that call the migration processes
 * are covered by those processes' tests.
 */
@Import(ProcessEngineCoverageConfiguration.class)
class CustomerSubscriptionOnboardingProcessTest extends SandboxWorldTest {

  @Autowired InvitationService invitations;
  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;

  @Override
  protected List<String> processKeys() {
    return List.of(PROCESS_KEY, ResellerRelationshipInvitationProcess.PROCESS_KEY);
  }

  @Test
  void unsupportedSubscriptionsAreRecordedWithTheirReasonAndNeedNoRelationship() {
    ProcessInstance instance = start(RELECLOUD, "GLOBAL", "2020",
        subscription("5b5c0000-0000-4000-8000-000000000010", "LICENSE_BASED", "21VIANET"),
        subscription("relecloud-azure", "USAGE_BASED", "21VIANET"));

    assertThat(instance).isStarted().hasBusinessKey(RELECLOUD);
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance)
        .isEnded()
        .hasPassed(TASK_DECIDE_CHANNEL_TRANSITION, TASK_RECORD_CHANNEL_DECISION, TASK_LOOK_UP_CUSTOMER,
            TASK_RECORD_UNSUPPORTED_SUBSCRIPTION, END_EVENT_SUBSCRIPTIONS_ONBOARDED)
        .hasNotPassed(TASK_CONFIRM_CUSTOMER_CONTACT, CALL_ACTIVITY_REQUEST_RESELLER_RELATIONSHIP)
        .variables()
        .containsEntry(OnboardingVariables.CUSTOMER_RELATED.getName(), false)
        .containsEntry(OnboardingVariables.RELATIONSHIP_NEEDED.getName(), false);
    Map<String, Map<String, String>> transitions = transitions(instance);
    Assertions.assertThat(transitions).containsOnlyKeys("5b5c0000-0000-4000-8000-000000000010", "relecloud-azure");
    Assertions.assertThat(transitions.get("relecloud-azure"))
        .containsEntry(OnboardingVariables.ROUTE.getName(), "NOT_SUPPORTED")
        .containsEntry(OnboardingVariables.OUTCOME, "NOT_SUPPORTED")
        .containsEntry(OnboardingVariables.SERVICE_TYPE.getName(), "USAGE_BASED");
    Assertions.assertThat(transitions.get("relecloud-azure"))
        .containsEntry(OnboardingVariables.REASON_CODE.getName(), "BOUGHT_FROM_21VIANET");
  }

  /** What Tasklist's start form submits: one Json group per subscription; an empty group is left out. */
  @Test
  void theStartFormsSubscriptionGroupsBecomeTheSubscriptionList() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, Variables.createVariables()
        .putValue(OnboardingVariables.CUSTOMER_TENANT_ID.getName(), PROSEWARE)
        .putValue(OnboardingVariables.CLOUD.getName(), "GLOBAL")
        .putValue(OnboardingVariables.RULE_SET.getName(), "NEW_COMMERCE")
        .putValueTyped("subscription1", SpinValues.jsonValue(
            "{\"id\":\"proseware-m365\",\"serviceType\":\"LICENSE_BASED\",\"boughtFrom\":\"MICROSOFT_DIRECT\"}").create())
        .putValueTyped("subscription2", SpinValues.jsonValue("{\"id\":\"\",\"serviceType\":null,\"boughtFrom\":null}").create()));

    assertThat(instance).isStarted().variables()
        .containsEntry(OnboardingVariables.SUBSCRIPTIONS.getName(),
            List.of(subscription("proseware-m365", "LICENSE_BASED", "MICROSOFT_DIRECT")))
        .doesNotContainKeys("subscription1", "subscription2");
  }

  /** A start form group with a bad field is refused naming it, and nothing starts. */
  @Test
  void aBadSubscriptionGroupIsRefusedNamingTheField() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
    Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, Variables.createVariables()
            .putValue(OnboardingVariables.CUSTOMER_TENANT_ID.getName(), PROSEWARE)
            .putValue(OnboardingVariables.CLOUD.getName(), "GLOBAL")
            .putValue(OnboardingVariables.RULE_SET.getName(), "NEW_COMMERCE")
            .putValueTyped("subscription1", SpinValues.jsonValue(
                "{\"id\":\"proseware-m365\",\"serviceType\":null,\"boughtFrom\":\"EA\"}").create())))
        .hasMessageContaining("subscriptions[0].serviceType");
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
        .isEqualTo(before);
  }

  @Test
  void customerAlreadyRelatedNeedsNoInvitation() {
    ProcessInstance instance = start(PROSEWARE, "GLOBAL", "NEW_COMMERCE",
        subscription("proseware-m365", "LICENSE_BASED", "MICROSOFT_DIRECT"));
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance)
        .isEnded()
        .hasPassed(GATEWAY_RELATIONSHIP_NEEDED, GATEWAY_ROUTE, END_EVENT_SUBSCRIPTION_ONBOARDED,
            END_EVENT_SUBSCRIPTIONS_ONBOARDED)
        .hasNotPassed(TASK_CONFIRM_CUSTOMER_CONTACT, TASK_RECORD_UNSUPPORTED_SUBSCRIPTION)
        .variables()
        .containsEntry(OnboardingVariables.CUSTOMER_RELATED.getName(), true)
        .containsEntry(OnboardingVariables.RELATIONSHIP_NEEDED.getName(), false);
    Assertions.assertThat(transitions(instance).get("proseware-m365")).containsEntry(OnboardingVariables.ROUTE.getName(), "RELATIONSHIP_REQUEST")
        .doesNotContainKey(OnboardingVariables.OUTCOME);
  }

  @Test
  void customerAcceptsTheInvitationTheOnboardingStartsThenEverySubscriptionGoesItsRoute() {
    ProcessInstance instance = start(ADATUM, "GLOBAL", "2020",
        subscription("5b5c0000-0000-4000-8000-000000000001", "LICENSE_BASED", "MICROSOFT_DIRECT"),
        subscription("adatum-china", "LICENSE_BASED", "21VIANET"));
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isWaitingAt(TASK_CONFIRM_CUSTOMER_CONTACT)
        .variables()
        .containsEntry(OnboardingVariables.RELATIONSHIP_NEEDED.getName(), true)
        .containsEntry(InvitationVariables.COMPANY_NAME.getName(), "Adatum Corporation")
        .containsEntry(InvitationVariables.CUSTOMER_DOMAIN.getName(), "adatum.onmicrosoft.com")
        .containsEntry(InvitationVariables.ADMIN_ACCESS.getName(), "NONE");
    assertThat(instance).task().hasCandidateGroup(GROUP_SALES_AGENTS);

    Task contact = task(instance);
    Assertions.assertThatThrownBy(() -> taskService.complete(contact.getId(), Map.of(
            InvitationVariables.CUSTOMER_COUNTRY.getName(), "Italy",
            InvitationVariables.CUSTOMER_LANGUAGE.getName(), "it",
            InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), "not-an-address")))
        .hasRootCauseInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining(InvitationVariables.CUSTOMER_COUNTRY.getName())
        .hasMessageContaining(InvitationVariables.GLOBAL_ADMIN_EMAIL.getName());
    assertThat(instance).isWaitingAt(TASK_CONFIRM_CUSTOMER_CONTACT);

    taskService.complete(contact.getId(), Map.of(
        InvitationVariables.CUSTOMER_COUNTRY.getName(), "it",
        InvitationVariables.CUSTOMER_LANGUAGE.getName(), "it",
        InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), "admin@adatum.onmicrosoft.com"));
    runDueJobs(runtimeService, managementService, instance.getId());
    assertThat(instance).isWaitingAt(CALL_ACTIVITY_REQUEST_RESELLER_RELATIONSHIP);
    ProcessInstance invitation = calledInstance(runtimeService, instance.getId(),
        ResellerRelationshipInvitationProcess.PROCESS_KEY);
    assertThat(invitation).calledProcessInstance(TrackInvitationProcess.PROCESS_KEY)
        .isWaitingAt(TrackInvitationProcess.TASK_AWAIT_CUSTOMER_ACCEPTANCE);
    assertThat(invitation).isWaitingAt(ResellerRelationshipInvitationProcess.CALL_ACTIVITY_TRACK_INVITATION)
        .variables()
        .containsEntry(InvitationVariables.CUSTOMER_DOMAIN.getName(), "adatum.onmicrosoft.com")
        .containsEntry(InvitationVariables.CUSTOMER_COUNTRY.getName(), "IT")
        .containsEntry(InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), "admin@adatum.onmicrosoft.com")
        .containsEntry(InvitationVariables.ADMIN_ACCESS.getName(), "NONE");

    sandbox.acceptInvitation(ADATUM, "admin@adatum.onmicrosoft.com");
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(invitation).isEnded().hasPassed(ResellerRelationshipInvitationProcess.END_EVENT_RELATIONSHIP_ESTABLISHED);
    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(TASK_CONFIRM_CUSTOMER_CONTACT, CALL_ACTIVITY_REQUEST_RESELLER_RELATIONSHIP,
            TASK_CHECK_RESELLER_RELATIONSHIP, GATEWAY_RELATIONSHIP_ESTABLISHED, SUB_PROCESS_ONBOARD_SUBSCRIPTION,
            END_EVENT_SUBSCRIPTIONS_ONBOARDED)
        .hasPassed(TASK_RECORD_UNSUPPORTED_SUBSCRIPTION)
        .variables()
        .containsEntry(OnboardingVariables.CUSTOMER_RELATED.getName(), true);
  }

  @Test
  void invitationWithdrawnEndsTheOnboardingWithoutRelationshipAndSaysWhy() {
    ProcessInstance instance = start(ADATUM, "GLOBAL", "2020",
        subscription("adatum-m365", "LICENSE_BASED", "MICROSOFT_DIRECT"),
        subscription("adatum-china", "LICENSE_BASED", "21VIANET"));
    runDueJobs(runtimeService, managementService, instance.getId());
    taskService.complete(task(instance).getId(), Map.of(
        InvitationVariables.CUSTOMER_COUNTRY.getName(), "IT",
        InvitationVariables.CUSTOMER_LANGUAGE.getName(), "it",
        InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), "admin@adatum.onmicrosoft.com"));
    runDueJobs(runtimeService, managementService, instance.getId());
    ProcessInstance invitation = calledInstance(runtimeService, instance.getId(),
        ResellerRelationshipInvitationProcess.PROCESS_KEY);

    invitations.withdraw(invitation.getId(), "customer changed its mind", "agent");
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(TASK_CHECK_RESELLER_RELATIONSHIP, TASK_RECORD_MISSING_RELATIONSHIP, END_EVENT_NO_RELATIONSHIP)
        .hasNotPassed(SUB_PROCESS_ONBOARD_SUBSCRIPTION)
        .variables()
        .containsEntry(OnboardingVariables.CUSTOMER_RELATED.getName(), false);
    Map<String, Map<String, String>> transitions = transitions(instance);
    Assertions.assertThat(transitions.get("adatum-m365")).containsEntry(OnboardingVariables.OUTCOME, "NO_RELATIONSHIP");
    Assertions.assertThat(transitions.get("adatum-m365"))
        .containsEntry(OnboardingVariables.REASON_CODE.getName(), RecordMissingRelationshipDelegate.REASON_NO_RELATIONSHIP)
        .extractingByKey(OnboardingVariables.INVITATION_REASON.getName()).asString().contains("customer changed its mind");
    Assertions.assertThat(transitions.get("adatum-china")).containsEntry(OnboardingVariables.ROUTE.getName(), "NOT_SUPPORTED")
        .doesNotContainKey(OnboardingVariables.OUTCOME);
  }

  @Test
  void aRouteTheGatewayHasNoPathForGoesToAPerson() {
    Map<String, Object> subscription = Map.of("id", "proseware-x",
        OnboardingVariables.SERVICE_TYPE.getName(), "LICENSE_BASED", OnboardingVariables.BOUGHT_FROM.getName(), "EA");
    ProcessInstance instance = runtimeService.createProcessInstanceByKey(PROCESS_KEY)
        .startBeforeActivity(GATEWAY_ROUTE)
        .setVariable(OnboardingVariables.CUSTOMER_TENANT_ID.getName(), PROSEWARE)
        .setVariable(OnboardingVariables.SUBSCRIPTIONS.getName(), List.of(subscription))
        .setVariable(OnboardingVariables.SUBSCRIPTION_ID.getName(), "proseware-x")
        .setVariable(OnboardingVariables.ROUTE.getName(), "MANUAL_REVIEW")
        .setVariable(OnboardingVariables.ROUTE_PROCESS_KEY.getName(), null)
        .setVariable(OnboardingVariables.REQUESTER.getName(), "sales.agent")
        .execute(true, true);

    assertThat(instance).isWaitingAt(TASK_REVIEW_SUBSCRIPTION_ROUTE).hasPassed(GATEWAY_ROUTE);
    assertThat(instance).task().isAssignedTo("sales.agent");
    Assertions.assertThat(OnboardingVariables.ROUTE.from(taskService, task(instance).getId()).get()).isEqualTo("MANUAL_REVIEW");
    taskService.complete(task(instance).getId());

    assertThat(instance).hasPassed(TASK_REVIEW_SUBSCRIPTION_ROUTE, END_EVENT_SUBSCRIPTION_ONBOARDED)
        .hasNotPassed(TASK_RECORD_UNSUPPORTED_SUBSCRIPTION);
  }

  @Test
  void aNewDecisionRowRoutesToAnotherExistingProcessWithoutJava() throws Exception {
    // An analyst's change, deployed alone: usage-based Azure from EA takes a route no Java knows, to the
    // existing partner switch process instead of cancel and recreate.
    String shipped = shippedChannelTransition();
    String row = rule(shipped, "Rule_UsageBased_AdvisorOpenEa");
    String changed = shipped.replace(row, row
        .replace("<text>\"CANCEL_AND_RECREATE\"</text>", "<text>\"SWITCH_EA_AZURE\"</text>")
        .replace("<text>\"AzureCancelAndRecreateMigration\"</text>", "<text>\"AzurePartnerSwitch\"</text>"));
    Assertions.assertThat(rule(changed, "Rule_UsageBased_AdvisorOpenEa")).contains("SWITCH_EA_AZURE", "\"AzurePartnerSwitch\"");
    String deployment = deployDecision(changed);
    try {
      ProcessInstance instance = start(PROSEWARE, "GLOBAL", "2020", subscription("proseware-ea-azure", "USAGE_BASED", "EA"));
      runDueJobs(runtimeService, managementService, instance.getId(),
          io.partnerchannel.orchestrator.migration.AzurePartnerSwitchProcess.START_EVENT_SWITCH_REQUESTED);

      assertThat(instance).isWaitingAt(CALL_ACTIVITY_START_ROUTE_PROCESS);
      ProcessInstance called = calledInstance(runtimeService, instance.getId(), "AzurePartnerSwitch");
      Assertions.assertThat(called.getBusinessKey()).isEqualTo("proseware-ea-azure");
      Assertions.assertThat(OnboardingVariables.SUBSCRIPTION_ID.from(runtimeService, called.getId()).get()).isEqualTo("proseware-ea-azure");
      Assertions.assertThat(OnboardingVariables.CUSTOMER_TENANT_ID.from(runtimeService, called.getId()).get()).isEqualTo(PROSEWARE);
      Assertions.assertThat(transitions(instance).get("proseware-ea-azure"))
          .containsEntry(OnboardingVariables.ROUTE.getName(), "SWITCH_EA_AZURE")
          .containsEntry(OnboardingVariables.ROUTE_PROCESS_KEY.getName(), "AzurePartnerSwitch")
          .containsEntry(OnboardingVariables.NEEDS_RELATIONSHIP.getName(), "true");
    } finally {
      deleteRunning(PROCESS_KEY);
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void noMatchingRowReachesAPerson() throws Exception {
    // An analyst deletes the row for usage-based Azure from EA and the catch-all row: nothing matches.
    String shipped = shippedChannelTransition();
    String changed = shipped.replace(rule(shipped, "Rule_UsageBased_AdvisorOpenEa"), "")
        .replace(rule(shipped, "Rule_NoMatchingRow"), "");
    Assertions.assertThat(changed).doesNotContain("Rule_NoMatchingRow", "Rule_UsageBased_AdvisorOpenEa\"");
    String deployment = deployDecision(changed);
    try {
      ProcessInstance instance = start(PROSEWARE, "GLOBAL", "2020", subscription("proseware-ea-azure", "USAGE_BASED", "EA"));
      runDueJobs(runtimeService, managementService, instance.getId());

      assertThat(instance).isWaitingAt(TASK_REVIEW_SUBSCRIPTION_ROUTE)
          .hasPassed(TASK_DECIDE_CHANNEL_TRANSITION, TASK_RECORD_CHANNEL_DECISION, GATEWAY_ROUTE)
          .hasNotPassed(CALL_ACTIVITY_START_ROUTE_PROCESS, TASK_RECORD_UNSUPPORTED_SUBSCRIPTION);
      assertThat(instance).task().hasCandidateGroup(GROUP_SALES_AGENTS);
      Assertions.assertThat(transitions(instance).get("proseware-ea-azure"))
          .containsEntry(OnboardingVariables.ROUTE.getName(), null)
          .containsEntry(OnboardingVariables.NEEDS_RELATIONSHIP.getName(), "false");
      taskService.complete(task(instance).getId());
      assertThat(instance).isEnded().hasPassed(END_EVENT_SUBSCRIPTIONS_ONBOARDED);
    } finally {
      deleteRunning(PROCESS_KEY);
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  /** @return the text of the row {@code ruleId}, from {@code <rule} to {@code </rule>} */
  private static String rule(String xml, String ruleId) {
    int start = xml.indexOf("<rule id=\"" + ruleId + "\"");
    Assertions.assertThat(start).as(ruleId).isNotNegative();
    return xml.substring(start, xml.indexOf("</rule>", start) + "</rule>".length());
  }

  private static String shippedChannelTransition() throws java.io.IOException {
    try (java.io.InputStream dmn = CustomerSubscriptionOnboardingProcessTest.class.getResourceAsStream("/bpmn/ChannelTransition.dmn")) {
      return new String(dmn.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** Deploys {@code ChannelTransition.dmn} alone, as an analyst does from Camunda Modeler; @return the deployment id */
  private String deployDecision(String xml) {
    return repositoryService.createDeployment()
        .name("analyst change")
        .addString("ChannelTransition.dmn", xml)
        .deploy()
        .getId();
  }

  @Test
  void invalidStartVariablesStartNothingAndNameTheFields() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();

    Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of(
            OnboardingVariables.CUSTOMER_TENANT_ID.getName(), "not-a-guid",
            OnboardingVariables.CLOUD.getName(), "MOON",
            OnboardingVariables.RULE_SET.getName(), "2020",
            OnboardingVariables.SUBSCRIPTIONS.getName(),
            "[{\"id\":\"a\",\"serviceType\":\"USAGE_BASED\",\"boughtFrom\":\"EA\"},"
                + "{\"id\":\"a\",\"serviceType\":\"SEATS\",\"boughtFrom\":\"EA\"}]")))
        .isInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining(OnboardingVariables.CUSTOMER_TENANT_ID.getName())
        .hasMessageContaining(OnboardingVariables.CLOUD.getName())
        .hasMessageContaining("subscriptions[1].serviceType")
        .hasMessageContaining("subscriptions[1].id is listed twice");
    Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of(
            OnboardingVariables.CUSTOMER_TENANT_ID.getName(), ADATUM,
            OnboardingVariables.CLOUD.getName(), "GLOBAL",
            OnboardingVariables.RULE_SET.getName(), "2020",
            OnboardingVariables.SUBSCRIPTIONS.getName(), "not json")))
        .isInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining("subscriptions must be a list");
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
        .isEqualTo(before);
  }

  private ProcessInstance start(String customer, String cloud, String ruleSet, Map<String, String>... subscriptions) {
    return runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of(
        OnboardingVariables.CUSTOMER_TENANT_ID.getName(), customer,
        OnboardingVariables.CLOUD.getName(), cloud,
        OnboardingVariables.RULE_SET.getName(), ruleSet,
        OnboardingVariables.SUBSCRIPTIONS.getName(), List.of(subscriptions)));
  }

  static Map<String, String> subscription(String id, String serviceType, String boughtFrom) {
    return Map.of("id", id, "serviceType", serviceType, "boughtFrom", boughtFrom);
  }

  private Map<String, Map<String, String>> transitions(ProcessInstance instance) {
    Object stored = processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(OnboardingVariables.CHANNEL_TRANSITIONS.getName())
        .singleResult()
        .getValue();
    return OnboardingVariables.channelTransitions(OnboardingVariables.CHANNEL_TRANSITIONS.from(
        Variables.createVariables().putValue(OnboardingVariables.CHANNEL_TRANSITIONS.getName(), stored)));
  }
}
