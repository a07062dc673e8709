package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.AzureCancelAndRecreateMigrationProcess.*;
import io.partnerchannel.orchestrator.support.SandboxWorldTest;
import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxCommerce;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxSubscription;
import io.partnerchannel.orchestrator.routing.CustomerSubscriptionOnboardingProcess;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.routing.OnboardingService;
import io.partnerchannel.orchestrator.routing.OnboardingView;
import io.partnerchannel.orchestrator.routing.OnboardingRequest;
import java.time.Duration;
import java.util.Date;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Every path of {@code AzureCancelAndRecreateMigration} against the sandbox Partner Center: the Azure plan is ordered
 * with the catalog item looked up (product, SKU, availability), the agent enters the old (EA) subscription's details,
 * which Partner Center does not show, chooses what to cancel, and confirms with a checklist that the customer
 * cancelled it in the old channel — reminded while it waits; Partner Center is never asked to cancel an EA service.
 * Also withdrawal compensating the new Azure plan, refusals (no relationship, legacy offer R26), and the done
 * criterion: A. Datum's EA Azure services move to a CSP Azure plan from "Onboard customer subscriptions".
 */
@Import(ProcessEngineCoverageConfiguration.class)
class AzureCancelAndRecreateMigrationProcessTest extends SandboxWorldTest {

  private static final String PRODUCTION = "A. Datum - Production";
  private static final String DEVELOPMENT = "A. Datum - Development and test";
  private static final String ANALYTICS = "A. Datum - Data analytics";

  @Autowired OnboardingService onboardings;

  @Override
  protected List<String> processKeys() {
    return List.of(PROCESS_KEY, CustomerSubscriptionOnboardingProcess.PROCESS_KEY, ResellerRelationshipInvitationProcess.PROCESS_KEY);
  }

  @Test
  void selectedServicesAreCancelledByTheCustomerInTheOldChannelAndConfirmedByTheAgent() {
    sandbox.relate(DATUM, NORTHWIND);
    ProcessInstance instance = start(DATUM, DATUM_EA_AZURE);
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isWaitingAt(TASK_ENTER_SUBSCRIPTION_DETAILS)
        .hasPassedInOrder(TASK_LOOK_UP_CUSTOMER, GATEWAY_MIGRATION_POSSIBLE, TASK_CONFIRM_CUSTOMER_AGREEMENT,
            TASK_CREATE_AZURE_PLAN)
        .variables()
        .containsEntry(MigrationVariables.AZURE_PLAN_CREATED.getName(), true)
        .containsEntry(MigrationVariables.OLD_CHANNEL_REMINDER_CYCLE.getName(), "R/PT168H");
    assertThat(instance).task().hasCandidateGroup(GROUP_SALES_AGENTS);
    String plan = MigrationVariables.AZURE_PLAN_SUBSCRIPTION_ID.from(runtimeService, instance.getId()).get();
    String newAzure = MigrationVariables.NEW_AZURE_SUBSCRIPTION_ID.from(runtimeService, instance.getId()).get();
    Assertions.assertThat(commerce.entitlements(plan)).extracting(SandboxCommerce.Entitlement::id).containsExactly(newAzure);
    Assertions.assertThat(commerce.subscription(DATUM, plan).orElseThrow().document())
        .contains("\"offerId\":\"DZH318Z0BPS6:0001:DZH318Z0BMGV\"");
    Assertions.assertThat(commerce.agreements(DATUM, NORTHWIND, "MicrosoftCustomerAgreement")).hasSize(1);

    Task details = task(instance);
    Assertions.assertThat(deployedForm(details)).contains("\"id\": \"Form_EnterSubscriptionDetails\"", "oldServices", "oldChannel");
    Assertions.assertThatThrownBy(() -> taskService.complete(details.getId(), Variables.createVariables()
            .putValue(MigrationVariables.OLD_CHANNEL.getName(), "CSP")
            .putValue(MigrationVariables.OLD_SERVICES.getName(), "  ")
            .putValue(MigrationVariables.NEW_AZURE_SUBSCRIPTION_ID.getName(), "00000000-0000-4000-8000-000000000000")
            .putValue(MigrationVariables.NEW_SUBSCRIPTION_NAME.getName(), "")
            .putValue(MigrationVariables.SUBSCRIPTION_OWNER.getName(), "owner")))
        .hasRootCauseInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining(MigrationVariables.OLD_CHANNEL.getName())
        .hasMessageContaining(MigrationVariables.OLD_SERVICES.getName())
        .hasMessageContaining(MigrationVariables.NEW_AZURE_SUBSCRIPTION_ID.getName())
        .hasMessageContaining(MigrationVariables.NEW_SUBSCRIPTION_NAME.getName())
        .hasMessageContaining(MigrationVariables.SUBSCRIPTION_OWNER.getName());
    assertThat(instance).isWaitingAt(TASK_ENTER_SUBSCRIPTION_DETAILS);

    enterDetails(instance, newAzure, PRODUCTION, DEVELOPMENT, ANALYTICS);
    assertThat(instance).isWaitingAt(TASK_CHOOSE_WHAT_TO_CANCEL);
    Assertions.assertThat(optionValues(instance, MigrationVariables.OLD_SERVICE_OPTIONS))
        .containsExactly(PRODUCTION, DEVELOPMENT, ANALYTICS);
    Task choice = task(instance);
    Assertions.assertThat(deployedForm(choice)).contains("\"id\": \"Form_ChooseWhatToCancel\"", "SELECTED_SERVICES");
    Assertions.assertThatThrownBy(() -> taskService.complete(choice.getId(), Variables.createVariables()
            .putValue(MigrationVariables.CANCELLATION_SCOPE.getName(), "SELECTED_SERVICES")
            .putValueTyped(MigrationVariables.SERVICES_TO_CANCEL.getName(), json("not a service"))
            .putValue(MigrationVariables.CANCELLATION_REASON.getName(), "")))
        .hasRootCauseInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining(MigrationVariables.SERVICES_TO_CANCEL.getName())
        .hasMessageContaining(MigrationVariables.CANCELLATION_REASON.getName());

    chooseToCancel(instance, "SELECTED_SERVICES", PRODUCTION, DEVELOPMENT);
    assertThat(instance).isWaitingAt(TASK_CONFIRM_OLD_CHANNEL_CANCELLATION);
    Task confirm = task(instance);
    Assertions.assertThat(deployedForm(confirm)).contains("\"id\": \"Form_ConfirmOldChannelCancellation\"", "cancellationOptions");
    Assertions.assertThat(optionValues(instance, MigrationVariables.CANCELLATION_OPTIONS)).containsExactly(PRODUCTION, DEVELOPMENT);
    Assertions.assertThatThrownBy(() -> taskService.complete(confirm.getId(), Variables.createVariables()
            .putValueTyped(MigrationVariables.CANCELLED_SERVICES.getName(), json(PRODUCTION))
            .putValue(MigrationVariables.CUSTOMER_CONFIRMATION.getName(), "")))
        .hasRootCauseInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining(MigrationVariables.CANCELLED_SERVICES.getName())
        .hasMessageContaining(MigrationVariables.CUSTOMER_CONFIRMATION.getName());

    confirmCancelled(instance, PRODUCTION, DEVELOPMENT);
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded()
        .hasPassedInOrder(TASK_CHOOSE_WHAT_TO_CANCEL, GATEWAY_WHAT_TO_CANCEL, TASK_CONFIRM_OLD_CHANNEL_CANCELLATION,
            TASK_RECORD_COEXISTENCE, END_EVENT_AZURE_SERVICES_MOVED)
        .hasNotPassed(TASK_REMIND_AGENT_OF_CANCELLATION, TASK_CANCEL_NEW_AZURE_SUBSCRIPTION);
    Assertions.assertThat(statuses(DATUM_EA_AZURE).values()).as("Partner Center never cancels EA services").containsOnly("active");
    Assertions.assertThat(statuses(plan)).containsEntry(newAzure, "active");
    Assertions.assertThat(historicVariable(instance, MigrationVariables.COEXISTENCE.getName()))
        .contains(newAzure, "Datum workloads", "EA subscription " + DATUM_EA_AZURE, "partly cancelled", PRODUCTION,
            "on the phone", "coexist");
  }

  @Test
  void theAgentIsRemindedWhileTheCustomerHasNotConfirmedTheCancellation() {
    sandbox.relate(DATUM, NORTHWIND);
    ProcessInstance instance = start(DATUM, DATUM_EA_AZURE);
    runDueJobs(runtimeService, managementService, instance.getId());
    String newAzure = MigrationVariables.NEW_AZURE_SUBSCRIPTION_ID.from(runtimeService, instance.getId()).get();
    enterDetails(instance, newAzure, PRODUCTION, DEVELOPMENT, ANALYTICS);
    chooseToCancel(instance, "WHOLE_SUBSCRIPTION");
    Task waiting = task(instance);
    Assertions.assertThat(waiting.getFollowUpDate()).isNull();

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(8).toMillis()));
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isWaitingAt(TASK_CONFIRM_OLD_CHANNEL_CANCELLATION)
        .hasPassed(BOUNDARY_EVENT_CANCELLATION_REMINDER_DUE, TASK_REMIND_AGENT_OF_CANCELLATION, END_EVENT_AGENT_REMINDED)
        .variables().containsEntry(MigrationVariables.CANCELLATION_REMINDERS.getName(), 1);
    Task reminded = taskService.createTaskQuery().taskId(waiting.getId()).singleResult();
    Assertions.assertThat(reminded.getFollowUpDate()).isNotNull();
    Assertions.assertThat(reminded.getPriority()).isEqualTo(waiting.getPriority() + 10);

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(16).toMillis()));
    runDueJobs(runtimeService, managementService, instance.getId());
    assertThat(instance).variables().containsEntry(MigrationVariables.CANCELLATION_REMINDERS.getName(), 2);

    confirmCancelled(instance, PRODUCTION, DEVELOPMENT, ANALYTICS);
    runDueJobs(runtimeService, managementService, instance.getId());
    assertThat(instance).isEnded().hasPassed(TASK_RECORD_COEXISTENCE, END_EVENT_AZURE_SERVICES_MOVED);
    Assertions.assertThat(historicVariable(instance, MigrationVariables.COEXISTENCE.getName())).contains("cancelled as a whole");
  }

  @Test
  void withdrawingBeforeAnyCancellationCancelsTheNewAzurePlanAgain() {
    sandbox.relate(DATUM, NORTHWIND);
    ProcessInstance instance = start(DATUM, DATUM_EA_AZURE);
    runDueJobs(runtimeService, managementService, instance.getId());
    String plan = MigrationVariables.AZURE_PLAN_SUBSCRIPTION_ID.from(runtimeService, instance.getId()).get();
    String newAzure = MigrationVariables.NEW_AZURE_SUBSCRIPTION_ID.from(runtimeService, instance.getId()).get();
    enterDetails(instance, newAzure, PRODUCTION);

    chooseToCancel(instance, "WITHDRAW");
    assertThat(instance).isWaitingAt(EVENT_COMPENSATE_NEW_SUBSCRIPTION);
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded()
        .hasPassed(EVENT_COMPENSATE_NEW_SUBSCRIPTION, TASK_CANCEL_NEW_AZURE_SUBSCRIPTION, END_EVENT_MIGRATION_WITHDRAWN)
        .hasNotPassed(TASK_CONFIRM_OLD_CHANNEL_CANCELLATION);
    Assertions.assertThat(statuses(plan)).containsEntry(newAzure, "cancelled");
    Assertions.assertThat(subscriptionStatus(DATUM, plan)).isEqualTo("suspended");
    Assertions.assertThat(statuses(DATUM_EA_AZURE).values()).containsOnly("active");
    Assertions.assertThat(historicVariable(instance, MigrationVariables.REASON.getName())).contains("withdrawn", plan, "suspended");
  }

  @Test
  void anAzurePlanThatExistedBeforeIsReusedAndNotCompensated() {
    sandbox.relate(DATUM, NORTHWIND);
    ProcessInstance first = start(DATUM, DATUM_EA_AZURE);
    runDueJobs(runtimeService, managementService, first.getId());
    String plan = MigrationVariables.AZURE_PLAN_SUBSCRIPTION_ID.from(runtimeService, first.getId()).get();
    runtimeService.deleteProcessInstance(first.getId(), "test: a plan from an earlier migration");

    ProcessInstance instance = start(DATUM, DATUM_EA_AZURE);
    runDueJobs(runtimeService, managementService, instance.getId());
    assertThat(instance).isWaitingAt(TASK_ENTER_SUBSCRIPTION_DETAILS).variables()
        .containsEntry(MigrationVariables.AZURE_PLAN_SUBSCRIPTION_ID.getName(), plan)
        .containsEntry(MigrationVariables.AZURE_PLAN_CREATED.getName(), false);
    Assertions.assertThat(directory.subscriptionsOf(DATUM).stream()
        .filter(subscription -> NORTHWIND.equals(subscription.sellerPartnerId()))).hasSize(1);
    String newAzure = MigrationVariables.NEW_AZURE_SUBSCRIPTION_ID.from(runtimeService, instance.getId()).get();
    enterDetails(instance, newAzure, PRODUCTION);
    chooseToCancel(instance, "WITHDRAW");
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded().hasPassed(TASK_CANCEL_NEW_AZURE_SUBSCRIPTION, END_EVENT_MIGRATION_WITHDRAWN);
    Assertions.assertThat(statuses(plan)).containsEntry(newAzure, "active");
    Assertions.assertThat(subscriptionStatus(DATUM, plan)).isEqualTo("active");
    Assertions.assertThat(historicVariable(instance, MigrationVariables.REASON.getName())).contains("existed before");
  }

  @Test
  void customerWithoutRelationshipIsRefusedWithAReason() {
    ProcessInstance instance = start(DATUM, DATUM_EA_AZURE);
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded().hasPassed(END_EVENT_MIGRATION_REFUSED).hasNotPassed(TASK_CREATE_AZURE_PLAN)
        .variables().containsEntry(MigrationVariables.REFUSAL.getName(), "NO_RELATIONSHIP");
    Assertions.assertThat(historicVariable(instance, MigrationVariables.REASON.getName())).contains("(R2)");
    Assertions.assertThat(directory.subscriptionsOf(DATUM)).hasSize(2);
  }

  @Test
  void customerWithTheLegacyAzureOfferIsRefusedByR26() {
    sandbox.relate(DATUM, NORTHWIND);
    directory.insertSubscription(new SandboxSubscription("5b5c0000-0000-4000-8000-0000000001e9", DATUM, NORTHWIND,
        "CSP_PARTNER", "{\"id\":\"5b5c0000-0000-4000-8000-0000000001e9\",\"offerId\":\"MS-AZR-0145P\","
            + "\"offerName\":\"Microsoft Azure (legacy CSP)\",\"status\":\"active\",\"partnerId\":\"" + NORTHWIND_MPN
            + "\",\"billingType\":\"usage\",\"attributes\":{\"objectType\":\"Subscription\"}}"));
    ProcessInstance instance = start(DATUM, DATUM_EA_AZURE);
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded().hasPassed(END_EVENT_LEGACY_AZURE_OFFER)
        .hasNotPassed(TASK_CONFIRM_CUSTOMER_AGREEMENT, TASK_CREATE_AZURE_PLAN)
        .variables().containsEntry(MigrationVariables.REFUSAL.getName(), "LEGACY_AZURE_OFFER");
    Assertions.assertThat(historicVariable(instance, MigrationVariables.REASON.getName())).contains("MS-AZR-0145P", "(R26)");
  }

  @Test
  void invalidStartVariablesStartNothing() {
    Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY,
            Map.of(MigrationVariables.CUSTOMER_TENANT_ID.getName(), "datum")))
        .isInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining(MigrationVariables.CUSTOMER_TENANT_ID.getName())
        .hasMessageContaining(MigrationVariables.OLD_SUBSCRIPTION_ID.getName());
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isZero();
  }

  /**
   * The done criterion: the sandbox EA customer A. Datum, not yet our customer, is onboarded with
   * its EA Azure and EA licenses; it accepts the reseller relationship, and the agent completes the migration
   * tasks; its Azure services now run in a CSP Azure plan and the customer cancelled the chosen old services.
   */
  @Test
  void aDatumMovesItsEaAzureServicesToACspAzurePlanFromOnboarding() {
    OnboardingView.Reference reference = onboardings.start(new OnboardingRequest(DATUM, "GLOBAL", "NEW_COMMERCE", List.of(
        new OnboardingRequest.SubscriptionToOnboard(DATUM_EA_AZURE, "USAGE_BASED", "EA"),
        new OnboardingRequest.SubscriptionToOnboard(DATUM_EA_LICENSES, "LICENSE_BASED", "EA"))), null);
    String onboarding = reference.id();
    runDueJobs(runtimeService, managementService, onboarding);
    Task contact = taskService.createTaskQuery().processInstanceId(onboarding).singleResult();
    Assertions.assertThat(contact.getTaskDefinitionKey())
        .isEqualTo(CustomerSubscriptionOnboardingProcess.TASK_CONFIRM_CUSTOMER_CONTACT);
    taskService.complete(contact.getId(), Map.of(
        InvitationVariables.CUSTOMER_COUNTRY.getName(), "GB",
        InvitationVariables.CUSTOMER_LANGUAGE.getName(), "en",
        InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), "admin@datum.onmicrosoft.com"));
    runDueJobs(runtimeService, managementService, onboarding);
    sandbox.acceptInvitation(DATUM, "admin@datum.onmicrosoft.com");
    runDueJobs(runtimeService, managementService, onboarding);

    ProcessInstance migration = calledInstance(runtimeService, onboarding, PROCESS_KEY);
    assertThat(migration).hasBusinessKey(DATUM_EA_AZURE).isWaitingAt(TASK_ENTER_SUBSCRIPTION_DETAILS);
    OnboardingView running = onboardings.find(onboarding);
    Assertions.assertThat(running.subscriptions()).extracting(OnboardingView.SubscriptionView::route)
        .containsExactly("CANCEL_AND_RECREATE", "RELATIONSHIP_REQUEST");
    Assertions.assertThat(running.subscriptions().get(0).process().processInstanceId()).isEqualTo(migration.getId());
    Assertions.assertThat(running.subscriptions().get(0).process().status()).isEqualTo("ACTIVE");
    Assertions.assertThat(running.subscriptions().get(1).process().endActivityId())
        .isEqualTo(ResellerRelationshipInvitationProcess.END_EVENT_RELATIONSHIP_ESTABLISHED);

    String newAzure = MigrationVariables.NEW_AZURE_SUBSCRIPTION_ID.from(runtimeService, migration.getId()).get();
    enterDetails(migration, newAzure, PRODUCTION, DEVELOPMENT, ANALYTICS);
    chooseToCancel(migration, "SELECTED_SERVICES", PRODUCTION, DEVELOPMENT);
    confirmCancelled(migration, PRODUCTION, DEVELOPMENT);
    runDueJobs(runtimeService, managementService, onboarding);

    assertThat(migration).isEnded().hasPassed(END_EVENT_AZURE_SERVICES_MOVED);
    OnboardingView done = onboardings.find(onboarding);
    Assertions.assertThat(done.status()).isEqualTo(OnboardingService.COMPLETED);
    Assertions.assertThat(done.subscriptions().get(0).process().status()).isEqualTo("COMPLETED");
    Assertions.assertThat(done.subscriptions().get(0).process().endActivityId()).isEqualTo(END_EVENT_AZURE_SERVICES_MOVED);
    SandboxSubscription plan = directory.subscriptionsOf(DATUM).stream()
        .filter(subscription -> NORTHWIND.equals(subscription.sellerPartnerId()))
        .findFirst()
        .orElseThrow();
    Assertions.assertThat(plan.document()).contains("DZH318Z0BPS6:0001:DZH318Z0BMGV");
    Assertions.assertThat(statuses(plan.id())).containsEntry(newAzure, "active");
  }

  private String deployedForm(Task task) {
    try (java.io.InputStream form = processEngine.getFormService().getDeployedTaskForm(task.getId())) {
      return new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private ProcessInstance start(String customer, String oldSubscription) {
    return runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of(
        MigrationVariables.CUSTOMER_TENANT_ID.getName(), customer, MigrationVariables.OLD_SUBSCRIPTION_ID.getName(), oldSubscription));
  }

  private void enterDetails(ProcessInstance instance, String newAzure, String... oldServices) {
    taskService.complete(task(instance).getId(), Variables.createVariables()
        .putValue(MigrationVariables.OLD_CHANNEL.getName(), "EA")
        .putValue(MigrationVariables.OLD_SERVICES.getName(), String.join("\n", oldServices) + "\n")
        .putValue(MigrationVariables.NEW_AZURE_SUBSCRIPTION_ID.getName(), newAzure)
        .putValue(MigrationVariables.NEW_SUBSCRIPTION_NAME.getName(), "Datum workloads")
        .putValue(MigrationVariables.SUBSCRIPTION_OWNER.getName(), "Oliver.Smith@datum.example")
        .putValue(MigrationVariables.RESOURCE_GROUP_MAPPING.getName(), "rg-prod -> rg-prod"));
  }

  private void chooseToCancel(ProcessInstance instance, String scope, String... services) {
    VariableMap variables = Variables.createVariables()
        .putValue(MigrationVariables.CANCELLATION_SCOPE.getName(), scope)
        .putValue(MigrationVariables.CANCELLATION_REASON.getName(), "Moved to a CSP Azure subscription");
    if (services.length > 0) {
      variables.putValueTyped(MigrationVariables.SERVICES_TO_CANCEL.getName(), json(services));
    }
    taskService.complete(task(instance).getId(), variables);
  }

  private void confirmCancelled(ProcessInstance instance, String... services) {
    taskService.complete(task(TASK_CONFIRM_OLD_CHANNEL_CANCELLATION, instance).getId(), Variables.createVariables()
        .putValueTyped(MigrationVariables.CANCELLED_SERVICES.getName(), json(services))
        .putValue(MigrationVariables.CUSTOMER_CONFIRMATION.getName(), "Oliver Smith on the phone, EA portal shows them cancelled"));
  }

  private static org.camunda.spin.plugin.variable.value.JsonValue json(String... values) {
    return SpinValues.jsonValue(List.of(values).stream().map(value -> "\"" + value + "\"")
        .collect(Collectors.joining(",", "[", "]"))).create();
  }

  private List<String> optionValues(ProcessInstance instance, VariableFactory<SpinJsonNode> variable) {
    return MigrationVariables.optionValues(variable.from(runtimeService, instance.getId()).getOptional());
  }

  private Map<String, String> statuses(String subscriptionId) {
    return commerce.entitlements(subscriptionId).stream()
        .collect(Collectors.toMap(SandboxCommerce.Entitlement::id, SandboxCommerce.Entitlement::status));
  }

  private String subscriptionStatus(String customer, String subscriptionId) {
    return commerce.subscription(customer, subscriptionId)
        .map(subscription -> read(subscription.document()).path("status").asText())
        .orElseThrow();
  }

  private JsonNode read(String json) {
    try {
      return objectMapper.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

}
