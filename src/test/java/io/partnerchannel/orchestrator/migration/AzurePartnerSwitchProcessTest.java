package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.AzurePartnerSwitchProcess.*;
import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.partnerchannel.orchestrator.invitation.InvitationService;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess;
import java.time.Duration;
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
 * Every path of {@code AzurePartnerSwitch} against the sandbox: the current partner (Litware) accepts and the
 * {@code subscription-updated} event wakes the process, rejects (seen by the status check timer), or lets the
 * request expire after 30 days (R23); not eligible (R25); no relationship yet (invitation first, accepted or
 * withdrawn); the multi-partner guard refusing a transfer that is not from another partner to us (R7).
 */
@Import(ProcessEngineCoverageConfiguration.class)
class AzurePartnerSwitchProcessTest extends SandboxWorldTest {

  @Autowired InvitationService invitations;

  @Override
  protected List<String> processKeys() {
    return List.of(PROCESS_KEY, ResellerRelationshipInvitationProcess.PROCESS_KEY);
  }

  @Test
  void currentPartnerAcceptsAndTheAzurePlanNowShowsThisPartner() {
    relate(directory, LAMNA, NORTHWIND);
    ProcessInstance instance = start(LAMNA_LITWARE_AZURE_PLAN);
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isWaitingAt(GATEWAY_AWAIT_SOURCE_PARTNER)
        .hasPassedInOrder(TASK_LOOK_UP_CUSTOMER, GATEWAY_RELATIONSHIP_IN_PLACE, TASK_CONFIRM_CUSTOMER_AGREEMENT,
            TASK_CHECK_TRANSFER_ELIGIBILITY, GATEWAY_TRANSFER_ELIGIBLE, TASK_CREATE_TRANSFER_REQUEST)
        .hasNotPassed(TASK_CONFIRM_CUSTOMER_CONTACT)
        .variables()
        .containsEntry(MigrationVariables.TRANSFER_ELIGIBLE, true)
        .containsEntry(MigrationVariables.SOURCE_PARTNER_TENANT_ID, LITWARE)
        .containsEntry(MigrationVariables.TRANSFER_STATUS, "Active")
        .containsEntry(MigrationVariables.TRANSFER_CHECK_INTERVAL, "PT6H");
    Date expiresAt = (Date) runtimeService.getVariable(instance.getId(), MigrationVariables.TRANSFER_EXPIRES_AT);
    Assertions.assertThat(expiresAt).isCloseTo(new Date(System.currentTimeMillis() + Duration.ofDays(30).toMillis()), 120_000);
    String transferId = (String) runtimeService.getVariable(instance.getId(), MigrationVariables.TRANSFER_ID);

    Assertions.assertThat(decideTransfer(http, LITWARE, LAMNA, transferId, "accept").path("status").asText())
        .isEqualTo("Completed");
    Assertions.assertThat(sandboxEvents.deliverDue()).isPositive();
    assertThat(instance).hasPassed(EVENT_SUBSCRIPTION_UPDATED).isWaitingAt(TASK_CHECK_TRANSFER_STATUS);
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded()
        .hasPassedInOrder(TASK_CHECK_TRANSFER_STATUS, GATEWAY_TRANSFER_STATUS, TASK_CONFIRM_SUBSCRIPTIONS_MOVED,
            END_EVENT_AZURE_SWITCHED)
        .hasNotPassed(EVENT_STATUS_CHECK_DUE);
    Assertions.assertThat(commerce.subscription(LAMNA, LAMNA_LITWARE_AZURE_PLAN).orElseThrow().sellerPartnerId())
        .isEqualTo(NORTHWIND);
    Assertions.assertThat(historicVariable(instance, MigrationVariables.TRANSFER_NOTES))
        .contains(LAMNA_LITWARE_AZURE_PLAN, NORTHWIND_MPN, "Litware CSP", "RBAC", "reservations");
  }

  @Test
  void currentPartnerRejectsAndTheStatusCheckSeesIt() {
    relate(directory, LAMNA, NORTHWIND);
    ProcessInstance instance = start(LAMNA_LITWARE_AZURE_PLAN);
    runDueJobs(runtimeService, managementService, instance.getId());
    String transferId = (String) runtimeService.getVariable(instance.getId(), MigrationVariables.TRANSFER_ID);
    decideTransfer(http, LITWARE, LAMNA, transferId, "reject");

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(7).toMillis()));
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded()
        .hasPassedInOrder(EVENT_STATUS_CHECK_DUE, TASK_CHECK_TRANSFER_STATUS, GATEWAY_TRANSFER_STATUS,
            END_EVENT_TRANSFER_NOT_COMPLETED)
        .variables().containsEntry(MigrationVariables.TRANSFER_STATUS, "Rejected");
    Assertions.assertThat(historicVariable(instance, MigrationVariables.REASON)).contains("Litware CSP rejected", "(R23, R24)");
    Assertions.assertThat(commerce.subscription(LAMNA, LAMNA_LITWARE_AZURE_PLAN).orElseThrow().sellerPartnerId())
        .isEqualTo(LITWARE);
  }

  @Test
  void pendingTransferIsCheckedAgainAndExpiresAfterThirtyDays() {
    relate(directory, LAMNA, NORTHWIND);
    ProcessInstance instance = start(LAMNA_LITWARE_AZURE_PLAN);
    runDueJobs(runtimeService, managementService, instance.getId());

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(7).toMillis()));
    runDueJobs(runtimeService, managementService, instance.getId());
    assertThat(instance).hasPassed(TASK_CHECK_TRANSFER_STATUS)
        .isWaitingAt(GATEWAY_AWAIT_SOURCE_PARTNER);

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(31).toMillis()));
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded().hasPassed(EVENT_TRANSFER_EXPIRED, END_EVENT_TRANSFER_EXPIRED)
        .hasNotPassed(TASK_CONFIRM_SUBSCRIPTIONS_MOVED);
    Assertions.assertThat(historicVariable(instance, MigrationVariables.REASON)).contains("30 days (R23)");
  }

  @Test
  void subscriptionNotProvidedByAnotherPartnerIsNotEligible() {
    relate(directory, DATUM, NORTHWIND);
    ProcessInstance instance = start(DATUM, DATUM_EA_AZURE);
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded().hasPassed(END_EVENT_NOT_ELIGIBLE).hasNotPassed(TASK_CREATE_TRANSFER_REQUEST)
        .variables().containsEntry(MigrationVariables.TRANSFER_ELIGIBLE, false);
    Assertions.assertThat(historicVariable(instance, MigrationVariables.REASON)).contains("not provided to the customer by another partner");
  }

  @Test
  void suspendedSubscriptionIsNotEligible() {
    relate(directory, LAMNA, NORTHWIND);
    String document = commerce.subscription(LAMNA, LAMNA_LITWARE_AZURE_PLAN).orElseThrow().document()
        .replace("\"status\":\"active\"", "\"status\":\"suspended\"");
    commerce.updateSubscription(LAMNA_LITWARE_AZURE_PLAN, LITWARE, "CSP_PARTNER", document);
    ProcessInstance instance = start(LAMNA_LITWARE_AZURE_PLAN);
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded().hasPassed(END_EVENT_NOT_ELIGIBLE);
    Assertions.assertThat(historicVariable(instance, MigrationVariables.REASON)).contains("suspended", "(R25)");
  }

  @Test
  void customerWithoutRelationshipIsInvitedFirstThenSwitched() {
    ProcessInstance instance = start(LAMNA_LITWARE_AZURE_PLAN);
    runDueJobs(runtimeService, managementService, instance.getId());
    assertThat(instance).isWaitingAt(TASK_CONFIRM_CUSTOMER_CONTACT).variables()
        .containsEntry(InvitationVariables.CUSTOMER_DOMAIN, "lamna.onmicrosoft.com")
        .containsEntry(InvitationVariables.COMPANY_NAME, "Lamna Healthcare");
    taskService.complete(task(instance).getId(), Map.of(
        InvitationVariables.CUSTOMER_COUNTRY, "FR",
        InvitationVariables.CUSTOMER_LANGUAGE, "en",
        InvitationVariables.GLOBAL_ADMIN_EMAIL, "admin@lamna.onmicrosoft.com"));
    runDueJobs(runtimeService, managementService, instance.getId());
    assertThat(instance).isWaitingAt(CALL_ACTIVITY_REQUEST_RESELLER_RELATIONSHIP);

    acceptInvitation(http, sandboxEvents, LAMNA, "admin@lamna.onmicrosoft.com");
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance)
        .hasPassedInOrder(CALL_ACTIVITY_REQUEST_RESELLER_RELATIONSHIP, TASK_CHECK_RESELLER_RELATIONSHIP,
            GATEWAY_RELATIONSHIP_ESTABLISHED, TASK_CONFIRM_CUSTOMER_AGREEMENT, TASK_CREATE_TRANSFER_REQUEST)
        .isWaitingAt(GATEWAY_AWAIT_SOURCE_PARTNER);
  }

  @Test
  void invitationWithdrawnEndsWithoutRelationship() {
    ProcessInstance instance = start(LAMNA_LITWARE_AZURE_PLAN);
    runDueJobs(runtimeService, managementService, instance.getId());
    taskService.complete(task(instance).getId(), Map.of(
        InvitationVariables.CUSTOMER_COUNTRY, "FR",
        InvitationVariables.CUSTOMER_LANGUAGE, "en",
        InvitationVariables.GLOBAL_ADMIN_EMAIL, "admin@lamna.onmicrosoft.com"));
    runDueJobs(runtimeService, managementService, instance.getId());
    ProcessInstance invitation = calledInstance(runtimeService, instance.getId(),
        ResellerRelationshipInvitationProcess.PROCESS_KEY);
    invitations.withdraw(invitation.getId(), "wrong customer", "agent");
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded().hasPassed(END_EVENT_NO_RELATIONSHIP).hasNotPassed(TASK_CHECK_TRANSFER_ELIGIBILITY);
    Assertions.assertThat(historicVariable(instance, MigrationVariables.REASON)).contains("(R23, R24)", "wrong customer");
  }

  @Test
  void transferNotFromAnotherPartnerToUsIsRefusedByTheMultiPartnerGuard() {
    relate(directory, LAMNA, NORTHWIND);
    ProcessInstance instance = start(LAMNA_LITWARE_AZURE_PLAN);
    runDueJobs(runtimeService, managementService, instance.getId(), TASK_CREATE_TRANSFER_REQUEST);
    assertThat(instance).isWaitingAt(TASK_CREATE_TRANSFER_REQUEST);
    // an operator "corrects" the source partner in Cockpit: the transfer would be from us
    runtimeService.setVariable(instance.getId(), MigrationVariables.SOURCE_PARTNER_TENANT_ID, NORTHWIND);
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded().hasPassed(END_EVENT_REFUSED_BY_GUARD).hasNotPassed(GATEWAY_AWAIT_SOURCE_PARTNER);
    Assertions.assertThat(historicVariable(instance, MigrationVariables.REASON)).contains("(R23, R24)");
    Assertions.assertThat(commerce.transfers(LAMNA)).isEmpty();
  }

  @Test
  void invalidStartVariablesStartNothing() {
    Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY,
            Map.of(MigrationVariables.CUSTOMER_TENANT_ID, LAMNA)))
        .hasMessageContaining(MigrationVariables.SUBSCRIPTION_ID);
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isZero();
  }

  private ProcessInstance start(String subscriptionId) {
    return start(LAMNA, subscriptionId);
  }

  private ProcessInstance start(String customer, String subscriptionId) {
    return runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of(
        MigrationVariables.CUSTOMER_TENANT_ID, customer, MigrationVariables.SUBSCRIPTION_ID, subscriptionId));
  }

}
