package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.LicenseSubscriptionTransitionProcess.*;
import io.partnerchannel.orchestrator.support.SandboxWorldTest;
import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.*;
import static io.partnerchannel.orchestrator.support.ProcessJobs.calledInstance;
import static io.partnerchannel.orchestrator.support.ProcessJobs.runDueJobs;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxSubscription;
import io.partnerchannel.orchestrator.routing.CustomerSubscriptionOnboardingProcess;
import io.partnerchannel.orchestrator.routing.OnboardingRequest;
import io.partnerchannel.orchestrator.routing.OnboardingService;
import io.partnerchannel.orchestrator.routing.OnboardingView;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Every path of {@code LicenseSubscriptionTransition} against the sandbox, with Lamna's Microsoft 365
 * Business Standard (60 seats, term ends 2027-05-31) from Litware, which Partner Center does not show Northwind:
 * the agent enters it. 2020 rule set (and a subscription bought from a third party outside CSP, the seeds): the
 * agent is reminded before the term ends, then the same offer and seats are provisioned at term end or when the
 * customer reports the cancellation (R5, R36). New commerce: the documented transfer Litware completes, or lets
 * expire, or answers a status a person reviews (R5b, R23, R24). Refusals, and the multi-partner guard. Also the
 * onboarding's routes that call this process and {@code AzurePartnerSwitch}.
 */
@Import(ProcessEngineCoverageConfiguration.class)
class LicenseSubscriptionTransitionProcessTest extends SandboxWorldTest {

  private static final Date TERM_END = Date.from(OffsetDateTime.parse("2027-05-31T23:59:59Z").toInstant());

  @Autowired OnboardingService onboardings;

  @Override
  protected List<String> processKeys() {
    return List.of(PROCESS_KEY, AzurePartnerSwitchProcess.PROCESS_KEY, CustomerSubscriptionOnboardingProcess.PROCESS_KEY);
  }

  @Test
  void rules2020RemindTheAgentThenProvisionTheSameOfferAtTermEnd() {
    sandbox.relate(LAMNA, NORTHWIND);
    ProcessInstance instance = startWaiting("2020");

    assertThat(instance).isWaitingAt("Gateway_TermEndOrCancellation")
        .hasPassedInOrder(TASK_LOOK_UP_CUSTOMER, GATEWAY_TRANSITION_POSSIBLE,
            AzurePartnerSwitchProcess.TASK_CONFIRM_CUSTOMER_AGREEMENT, GATEWAY_RULE_SET, TASK_ENTER_SUBSCRIPTION_DETAILS)
        .variables()
        .containsEntry(MigrationVariables.OFFER_ID.getName(), "CFQ7TTC0LDPB:0001")
        .containsEntry(MigrationVariables.QUANTITY.getName(), 60)
        .containsEntry(MigrationVariables.BILLING_CYCLE.getName(), "monthly")
        .containsEntry(MigrationVariables.TERM_DURATION.getName(), "P1Y")
        .containsEntry(MigrationVariables.COMMITMENT_END_DATE.getName(), TERM_END)
        .containsEntry(MigrationVariables.REMINDER_AT.getName(), Date.from(TERM_END.toInstant().minus(Duration.ofDays(30))));

    ClockUtil.setCurrentTime(Date.from(TERM_END.toInstant().minus(Duration.ofDays(29))));
    runDueJobs(runtimeService, managementService, instance.getId());
    assertThat(instance).isWaitingAt(TASK_PREPARE_LICENSE_TRANSITION, "Gateway_TermEndOrCancellation");
    assertThat(instance).task(TASK_PREPARE_LICENSE_TRANSITION).hasCandidateGroup("sales-agents").hasDueDate(TERM_END);

    ClockUtil.setCurrentTime(Date.from(TERM_END.toInstant().plus(Duration.ofMinutes(1))));
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded()
        .hasPassedInOrder(EVENT_TERM_ENDED, END_EVENT_TERM_ENDED, TASK_PROVISION_SAME_OFFER, END_EVENT_LICENSES_PROVISIONED)
        .hasNotPassed(EVENT_CANCELLATION_REPORTED, "EndEvent_ReminderHandled", END_EVENT_CANCELLATION_RECORDED);
    Assertions.assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    assertProvisionedLikeLitwaresAndLitwaresUntouched(instance);
  }

  @Test
  void rules2020ProvisionWhenTheCustomerReportsTheCancellation() {
    sandbox.relate(LAMNA, NORTHWIND);
    ProcessInstance instance = startWaiting("2020");

    runtimeService.createMessageCorrelation(MESSAGE_CANCELLATION_REPORTED)
        .processInstanceBusinessKey(LAMNA_LITWARE_LICENSES)
        .correlate();
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded()
        .hasPassedInOrder(EVENT_CANCELLATION_REPORTED, END_EVENT_CANCELLATION_REPORTED, TASK_PROVISION_SAME_OFFER,
            END_EVENT_LICENSES_PROVISIONED)
        .hasNotPassed(EVENT_TERM_ENDED, TASK_PREPARE_LICENSE_TRANSITION, END_EVENT_CANCELLATION_RECORDED);
    Assertions.assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    assertProvisionedLikeLitwaresAndLitwaresUntouched(instance);
  }

  @Test
  void rules2020ProvisionWhenTheAgentRecordsTheCustomersCancellation() {
    sandbox.relate(LAMNA, NORTHWIND);
    ProcessInstance instance = startWaiting("2020");
    assertThat(instance).isWaitingAt(TASK_RECORD_CUSTOMER_CANCELLATION, "Gateway_TermEndOrCancellation");
    assertThat(instance).task(TASK_RECORD_CUSTOMER_CANCELLATION).hasCandidateGroup("sales-agents");

    taskService.complete(task(TASK_RECORD_CUSTOMER_CANCELLATION, instance).getId(),
        Map.of("cancellationConfirmation", "E-mail of the customer's IT manager"));
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded()
        .hasPassedInOrder(TASK_RECORD_CUSTOMER_CANCELLATION, END_EVENT_CANCELLATION_RECORDED, TASK_PROVISION_SAME_OFFER,
            END_EVENT_LICENSES_PROVISIONED)
        .hasNotPassed(EVENT_TERM_ENDED, EVENT_CANCELLATION_REPORTED, TASK_PREPARE_LICENSE_TRANSITION);
    assertProvisionedLikeLitwaresAndLitwaresUntouched(instance);
  }

  @Test
  void reminderHandledBeforeTheTermEnds() {
    sandbox.relate(LAMNA, NORTHWIND);
    ProcessInstance instance = startWaiting("2020");
    ClockUtil.setCurrentTime(Date.from(TERM_END.toInstant().minus(Duration.ofDays(10))));
    runDueJobs(runtimeService, managementService, instance.getId());

    taskService.complete(task(TASK_PREPARE_LICENSE_TRANSITION, instance).getId());

    assertThat(instance).hasPassed("EndEvent_ReminderHandled").isWaitingAt("Gateway_TermEndOrCancellation");
  }

  @Test
  void subscriptionDetailsAreCheckedBeforeTheProcessWaits() {
    sandbox.relate(LAMNA, NORTHWIND);
    ProcessInstance instance = start("2020");
    runDueJobs(runtimeService, managementService, instance.getId());
    assertThat(instance).isWaitingAt(TASK_ENTER_SUBSCRIPTION_DETAILS);

    Assertions.assertThatThrownBy(() -> taskService.complete(task(instance).getId(), Map.of(
            MigrationVariables.OFFER_ID.getName(), "CFQ7TTC0LDPB:0001", MigrationVariables.QUANTITY.getName(), 0,
            MigrationVariables.BILLING_CYCLE.getName(), "weekly", MigrationVariables.TERM_DURATION.getName(), "P2Y",
            MigrationVariables.COMMITMENT_END_DATE.getName(), "2020-01-01")))
        .hasMessageContaining(MigrationVariables.QUANTITY.getName()).hasMessageContaining(MigrationVariables.BILLING_CYCLE.getName())
        .hasMessageContaining(MigrationVariables.TERM_DURATION.getName()).hasMessageContaining(MigrationVariables.COMMITMENT_END_DATE.getName());
    assertThat(instance).isWaitingAt(TASK_ENTER_SUBSCRIPTION_DETAILS);
  }

  @Test
  void thirdPartyNonCspLicensesWaitForTheTermEndUnderNewCommerceToo() {
    sandbox.relate(LAMNA, NORTHWIND);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of(
        MigrationVariables.CUSTOMER_TENANT_ID.getName(), LAMNA, MigrationVariables.SUBSCRIPTION_ID.getName(), LAMNA_LITWARE_LICENSES,
        MigrationVariables.RULE_SET.getName(), "NEW_COMMERCE", MigrationVariables.BOUGHT_FROM.getName(), "THIRD_PARTY_NON_CSP"));
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isWaitingAt(TASK_ENTER_SUBSCRIPTION_DETAILS).hasPassed(GATEWAY_RULE_SET)
        .hasNotPassed(AzurePartnerSwitchProcess.TASK_ENTER_TRANSFER_DETAILS);
    Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of(
            MigrationVariables.CUSTOMER_TENANT_ID.getName(), LAMNA, MigrationVariables.SUBSCRIPTION_ID.getName(), LAMNA_LITWARE_LICENSES,
            MigrationVariables.RULE_SET.getName(), "2020", MigrationVariables.BOUGHT_FROM.getName(), "EA")))
        .hasMessageContaining(MigrationVariables.BOUGHT_FROM.getName());
  }

  @Test
  void newCommerceTransferTheCurrentPartnerCompletesMovesTheSubscription() {
    sandbox.relate(LAMNA, NORTHWIND);
    ProcessInstance instance = startTransfer();
    assertThat(instance).isWaitingAt(AzurePartnerSwitchProcess.GATEWAY_AWAIT_SOURCE_PARTNER)
        .hasPassed(AzurePartnerSwitchProcess.TASK_ENTER_TRANSFER_DETAILS)
        .hasNotPassed(SUB_PROCESS_AWAIT_TERM_END, TASK_ENTER_SUBSCRIPTION_DETAILS);
    String transferId = MigrationVariables.TRANSFER_ID.from(runtimeService, instance.getId()).get();
    JsonNode transfer = http.get().uri("/sandbox/v1/customers/{c}/transfers/{t}", LAMNA, transferId)
        .header("Authorization", "Bearer " + NORTHWIND).retrieve().body(JsonNode.class);
    Assertions.assertThat(transfer.path("transferType").asText()).isEqualTo("5");
    Assertions.assertThat(transfer.path("targetPartnerTenantId").asText()).isEqualTo(NORTHWIND);
    Assertions.assertThat(transfer.path("targetProductTypes").get(0).asText()).isEqualTo("OnlineServicesNCE");

    sandbox.addLineItems(LITWARE, LAMNA, transferId, LAMNA_LITWARE_LICENSES);
    sandbox.acceptTransfer(LITWARE, LAMNA, transferId);
    sandbox.deliverEvents();
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded()
        .hasPassedInOrder(AzurePartnerSwitchProcess.EVENT_SUBSCRIPTION_UPDATED, AzurePartnerSwitchProcess.TASK_CHECK_TRANSFER_STATUS,
            AzurePartnerSwitchProcess.TASK_CONFIRM_SUBSCRIPTIONS_MOVED, END_EVENT_SUBSCRIPTION_TRANSFERRED);
    Assertions.assertThat(commerce.subscription(LAMNA, LAMNA_LITWARE_LICENSES).orElseThrow().sellerPartnerId())
        .isEqualTo(NORTHWIND);
  }

  @Test
  void newCommerceTransferWithAnUnknownStatusOrExpired() {
    sandbox.relate(LAMNA, NORTHWIND);
    ProcessInstance reviewed = startTransfer();
    sandbox.setTransfer(LAMNA, MigrationVariables.TRANSFER_ID.from(runtimeService, reviewed.getId()).get(),
        "Rejected", OffsetDateTime.now());
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(7).toMillis()));
    runDueJobs(runtimeService, managementService, reviewed.getId());
    assertThat(reviewed).isWaitingAt(AzurePartnerSwitchProcess.TASK_REVIEW_TRANSFER_STATUS);
    taskService.complete(task(reviewed).getId(), Map.of(MigrationVariables.TRANSFER_DECISION.getName(), "CLOSE"));
    assertThat(reviewed).isEnded().hasPassed(AzurePartnerSwitchProcess.END_EVENT_TRANSFER_NOT_COMPLETED);
    ClockUtil.reset();

    ProcessInstance expired = startTransfer();
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(7).toMillis()));
    runDueJobs(runtimeService, managementService, expired.getId());
    assertThat(expired).hasPassedInOrder(AzurePartnerSwitchProcess.GATEWAY_TRANSFER_STATUS, "Gateway_TransferPending")
        .isWaitingAt(AzurePartnerSwitchProcess.GATEWAY_AWAIT_SOURCE_PARTNER);
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(31).toMillis()));
    runDueJobs(runtimeService, managementService, expired.getId());
    assertThat(expired).isEnded().hasPassed(AzurePartnerSwitchProcess.END_EVENT_TRANSFER_EXPIRED);
  }

  @Test
  void newCommerceTransferNotFromAnotherPartnerIsRefusedByTheMultiPartnerGuard() {
    sandbox.relate(LAMNA, NORTHWIND);
    ProcessInstance instance = start("NEW_COMMERCE");
    runDueJobs(runtimeService, managementService, instance.getId());
    taskService.complete(task(instance).getId(), transferFromLitware());
    runDueJobs(runtimeService, managementService, instance.getId(), AzurePartnerSwitchProcess.TASK_CREATE_TRANSFER_REQUEST);
    runtimeService.setVariable(instance.getId(), MigrationVariables.SOURCE_PARTNER_TENANT_ID.getName(), "");
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded().hasPassed(AzurePartnerSwitchProcess.END_EVENT_REFUSED_BY_GUARD);
    Assertions.assertThat(commerce.transfers(LAMNA)).isEmpty();
  }

  @Test
  void refusedWithoutRelationshipOrForOneOfOurSubscriptions() {
    ProcessInstance unrelated = start("2020");
    runDueJobs(runtimeService, managementService, unrelated.getId());
    assertThat(unrelated).isEnded().hasPassed(END_EVENT_TRANSITION_REFUSED)
        .variables().containsEntry(MigrationVariables.REFUSAL.getName(), "NO_RELATIONSHIP");

    ProcessInstance ours = runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of(
        MigrationVariables.CUSTOMER_TENANT_ID.getName(), PROSEWARE, MigrationVariables.SUBSCRIPTION_ID.getName(), PROSEWARE_LICENSES,
        MigrationVariables.RULE_SET.getName(), "2020"));
    runDueJobs(runtimeService, managementService, ours.getId());
    assertThat(ours).isEnded().hasPassed(END_EVENT_TRANSITION_REFUSED)
        .variables().containsEntry(MigrationVariables.REFUSAL.getName(), "ALREADY_OURS");
    Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of(
            MigrationVariables.CUSTOMER_TENANT_ID.getName(), LAMNA, MigrationVariables.SUBSCRIPTION_ID.getName(), LAMNA_LITWARE_LICENSES,
            MigrationVariables.RULE_SET.getName(), "2016")))
        .hasMessageContaining(MigrationVariables.RULE_SET.getName());
  }

  @Test
  void onboardingRoutesLamnasLitwareSubscriptionsToTheTransferProcesses() {
    sandbox.relate(LAMNA, NORTHWIND);
    String onboarding = onboardings.start(new OnboardingRequest(LAMNA, "GLOBAL", "NEW_COMMERCE", List.of(
        new OnboardingRequest.SubscriptionToOnboard(LAMNA_LITWARE_LICENSES, "LICENSE_BASED", "CSP_PARTNER"),
        new OnboardingRequest.SubscriptionToOnboard(LAMNA_LITWARE_AZURE_PLAN, "USAGE_BASED", "CSP_PARTNER"))), null).id();
    runDueJobs(runtimeService, managementService, onboarding);

    ProcessInstance license = calledInstance(runtimeService, onboarding, PROCESS_KEY);
    ProcessInstance azure = calledInstance(runtimeService, onboarding, AzurePartnerSwitchProcess.PROCESS_KEY);
    for (ProcessInstance child : List.of(license, azure)) {
      assertThat(child).isWaitingAt(AzurePartnerSwitchProcess.TASK_ENTER_TRANSFER_DETAILS);
      taskService.complete(task(child).getId(), transferFromLitware());
    }
    runDueJobs(runtimeService, managementService, onboarding);
    assertThat(license).hasBusinessKey(LAMNA_LITWARE_LICENSES).isWaitingAt(AzurePartnerSwitchProcess.GATEWAY_AWAIT_SOURCE_PARTNER);
    assertThat(azure).hasBusinessKey(LAMNA_LITWARE_AZURE_PLAN).isWaitingAt(AzurePartnerSwitchProcess.GATEWAY_AWAIT_SOURCE_PARTNER);
    OnboardingView view = onboardings.find(onboarding);
    Assertions.assertThat(view.subscriptions()).extracting(OnboardingView.SubscriptionView::route)
        .containsExactly("PARTNER_TRANSFER", "PARTNER_SWITCH");

    sandbox.addLineItems(LITWARE, LAMNA, MigrationVariables.TRANSFER_ID.from(runtimeService, license.getId()).get(),
        LAMNA_LITWARE_LICENSES);
    sandbox.addLineItems(LITWARE, LAMNA, MigrationVariables.TRANSFER_ID.from(runtimeService, azure.getId()).get(),
        LAMNA_LITWARE_AZURE_PLAN);
    for (ProcessInstance child : List.of(license, azure)) {
      sandbox.acceptTransfer(LITWARE, LAMNA, MigrationVariables.TRANSFER_ID.from(runtimeService, child.getId()).get());
    }
    sandbox.deliverEvents();
    runDueJobs(runtimeService, managementService, onboarding);

    OnboardingView done = onboardings.find(onboarding);
    Assertions.assertThat(done.status()).isEqualTo(OnboardingService.COMPLETED);
    Assertions.assertThat(done.subscriptions()).extracting(subscription -> subscription.process().endActivityId())
        .containsExactly(END_EVENT_SUBSCRIPTION_TRANSFERRED, AzurePartnerSwitchProcess.END_EVENT_AZURE_SWITCHED);
    Assertions.assertThat(directory.subscriptionsOf(LAMNA)).extracting(SandboxSubscription::sellerPartnerId)
        .containsOnly(NORTHWIND);
  }

  @Test
  void onboardingUnder2020RulesWaitsForTheTermEnd() {
    sandbox.relate(LAMNA, NORTHWIND);
    String onboarding = onboardings.start(new OnboardingRequest(LAMNA, "GLOBAL", "2020", List.of(
        new OnboardingRequest.SubscriptionToOnboard(LAMNA_LITWARE_LICENSES, "LICENSE_BASED", "CSP_PARTNER"))), null).id();
    runDueJobs(runtimeService, managementService, onboarding);

    ProcessInstance license = calledInstance(runtimeService, onboarding, PROCESS_KEY);
    assertThat(license).isWaitingAt(TASK_ENTER_SUBSCRIPTION_DETAILS);
    taskService.complete(task(license).getId(), licenseDetails());
    assertThat(license).isWaitingAt("Gateway_TermEndOrCancellation");
    OnboardingView view = onboardings.find(onboarding);
    Assertions.assertThat(view.subscriptions().get(0).route()).isEqualTo("WAIT_FOR_TERM_END");
    Assertions.assertThat(view.subscriptions().get(0).process().status()).isEqualTo("ACTIVE");
  }

  /** Starts under the rule set and enters Litware's subscription as the customer's invoice shows it. */
  private ProcessInstance startWaiting(String ruleSet) {
    ProcessInstance instance = start(ruleSet);
    runDueJobs(runtimeService, managementService, instance.getId());
    taskService.complete(task(TASK_ENTER_SUBSCRIPTION_DETAILS, instance).getId(), licenseDetails());
    runDueJobs(runtimeService, managementService, instance.getId());
    return instance;
  }

  /** Starts under new commerce, enters Litware as the current partner; the transfer is created. */
  private ProcessInstance startTransfer() {
    ProcessInstance instance = start("NEW_COMMERCE");
    runDueJobs(runtimeService, managementService, instance.getId());
    taskService.complete(task(AzurePartnerSwitchProcess.TASK_ENTER_TRANSFER_DETAILS, instance).getId(), transferFromLitware());
    runDueJobs(runtimeService, managementService, instance.getId());
    return instance;
  }

  private static Map<String, Object> licenseDetails() {
    return Map.of(MigrationVariables.OFFER_ID.getName(), "CFQ7TTC0LDPB:0001", MigrationVariables.QUANTITY.getName(), 60L,
        MigrationVariables.BILLING_CYCLE.getName(), "monthly", MigrationVariables.TERM_DURATION.getName(), "P1Y",
        MigrationVariables.COMMITMENT_END_DATE.getName(), "2027-05-31");
  }

  private ProcessInstance start(String ruleSet) {
    return runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of(
        MigrationVariables.CUSTOMER_TENANT_ID.getName(), LAMNA, MigrationVariables.SUBSCRIPTION_ID.getName(), LAMNA_LITWARE_LICENSES,
        MigrationVariables.RULE_SET.getName(), ruleSet));
  }

  private void assertProvisionedLikeLitwaresAndLitwaresUntouched(ProcessInstance instance) {
    String provisioned = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(MigrationVariables.PROVISIONED_SUBSCRIPTION_ID.getName()).singleResult()
        .getValue();
    SandboxSubscription ours = commerce.subscription(LAMNA, provisioned).orElseThrow();
    Assertions.assertThat(ours.sellerPartnerId()).isEqualTo(NORTHWIND);
    JsonNode document = read(ours.document());
    Assertions.assertThat(document.path("offerId").asText()).isEqualTo("CFQ7TTC0LDPB:0001");
    Assertions.assertThat(document.path("offerName").asText()).isEqualTo("Microsoft 365 Business Standard");
    Assertions.assertThat(document.path("quantity").asInt()).isEqualTo(60);
    Assertions.assertThat(document.path("termDuration").asText()).isEqualTo("P1Y");
    Assertions.assertThat(document.path("partnerId").asText()).isEqualTo(NORTHWIND_MPN);
    SandboxSubscription litwares = commerce.subscription(LAMNA, LAMNA_LITWARE_LICENSES).orElseThrow();
    Assertions.assertThat(litwares.sellerPartnerId()).isEqualTo(LITWARE);
    Assertions.assertThat(read(litwares.document()).path("status").asText()).isEqualTo("active");
  }

  private JsonNode read(String json) {
    try {
      return objectMapper.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
