package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.AzurePartnerSwitchProcess.*;
import io.partnerchannel.orchestrator.support.SandboxWorldTest;
import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.invitation.InvitationService;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
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
 * Every path of {@code AzurePartnerSwitch} against the sandbox, in the documented new-commerce transfer flow: the
 * agent enters the current partner (Litware) and the customer's e-mail, this partner creates the transfer
 * (transferType 5, no line items), Litware adds the line items and accepts (the {@code subscription-updated} event
 * wakes the process) or submits it (InProgress, seen by the status check, then Completed); a status the process does
 * not know goes to "Review transfer status", where the agent keeps waiting, cancels the pending transfer or closes;
 * the request expires after 30 days (R23); no relationship yet (invitation first, accepted or withdrawn); the
 * multi-partner guard refusing a transfer that is not from another partner to us (R7).
 */
@Import(ProcessEngineCoverageConfiguration.class)
class AzurePartnerSwitchProcessTest extends SandboxWorldTest {

  @Autowired InvitationService invitations;

  @Override
  protected List<String> processKeys() {
    return List.of(PROCESS_KEY, ResellerRelationshipInvitationProcess.PROCESS_KEY);
  }

  @Test
  void currentPartnerAddsLineItemsAndAcceptsAndTheAzurePlanNowShowsThisPartner() {
    ProcessInstance instance = requestTransfer();
    assertThat(instance).isWaitingAt(GATEWAY_AWAIT_SOURCE_PARTNER)
        .hasPassedInOrder(TASK_LOOK_UP_CUSTOMER, GATEWAY_RELATIONSHIP_IN_PLACE, TASK_CONFIRM_CUSTOMER_AGREEMENT,
            TASK_ENTER_TRANSFER_DETAILS, TASK_CREATE_TRANSFER_REQUEST)
        .hasNotPassed(TASK_CONFIRM_CUSTOMER_CONTACT)
        .variables()
        .containsEntry(MigrationVariables.SOURCE_PARTNER_TENANT_ID.getName(), LITWARE)
        .containsEntry(MigrationVariables.TRANSFER_STATUS.getName(), "Active")
        .containsEntry(MigrationVariables.TRANSFER_CHECK_INTERVAL.getName(), "PT6H");
    Date expiresAt = MigrationVariables.TRANSFER_EXPIRES_AT.from(runtimeService, instance.getId()).get();
    Assertions.assertThat(expiresAt).isCloseTo(new Date(System.currentTimeMillis() + Duration.ofDays(30).toMillis()), 120_000);
    String transferId = transferId(instance);
    JsonNode created = read(commerce.transfer(LAMNA, transferId).orElseThrow().document());
    Assertions.assertThat(created.path("transferType").asText()).isEqualTo("5");
    Assertions.assertThat(created.path("customerEmailId").asText()).isEqualTo("claire.dubois@lamna.example");
    Assertions.assertThat(created.path("targetProductTypes").get(0).asText()).isEqualTo("AzureSubscription");
    Assertions.assertThat(created.path("lineItems")).isEmpty();

    sandbox.addLineItems(LITWARE, LAMNA, transferId, LAMNA_LITWARE_AZURE_PLAN);
    Assertions.assertThat(sandbox.acceptTransfer(LITWARE, LAMNA, transferId).path("attributes").path("objectType").asText())
        .isEqualTo("TransferSubmitResult");
    Assertions.assertThat(sandbox.deliverEvents()).isPositive();
    assertThat(instance).hasPassed(EVENT_SUBSCRIPTION_UPDATED).isWaitingAt(TASK_CHECK_TRANSFER_STATUS);
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded()
        .hasPassedInOrder(TASK_CHECK_TRANSFER_STATUS, GATEWAY_TRANSFER_STATUS, TASK_CONFIRM_SUBSCRIPTIONS_MOVED,
            END_EVENT_AZURE_SWITCHED)
        .hasNotPassed(EVENT_STATUS_CHECK_DUE, TASK_REVIEW_TRANSFER_STATUS);
    Assertions.assertThat(commerce.subscription(LAMNA, LAMNA_LITWARE_AZURE_PLAN).orElseThrow().sellerPartnerId())
        .isEqualTo(NORTHWIND);
    Assertions.assertThat(historicVariable(instance, MigrationVariables.TRANSFER_NOTES.getName()))
        .contains(transferId, "Litware CSP", "RBAC", "reservations");
    Assertions.assertThat(historicVariable(instance, MigrationVariables.TRANSFER_LINE_ITEMS.getName())).contains(LAMNA_LITWARE_AZURE_PLAN);
  }

  @Test
  void submittedTransferInProgressIsCheckedAgainUntilCompleted() {
    ProcessInstance instance = requestTransfer();
    String transferId = transferId(instance);
    sandbox.addLineItems(LITWARE, LAMNA, transferId, LAMNA_LITWARE_AZURE_PLAN);
    Assertions.assertThat(sandbox.submitTransfer(LITWARE, LAMNA, transferId).path("status").asText()).isEqualTo("InProgress");

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(7).toMillis()));
    runDueJobs(runtimeService, managementService, instance.getId());
    assertThat(instance).hasPassed(EVENT_STATUS_CHECK_DUE, TASK_CHECK_TRANSFER_STATUS).isWaitingAt(GATEWAY_AWAIT_SOURCE_PARTNER)
        .variables().containsEntry(MigrationVariables.TRANSFER_STATUS.getName(), "InProgress");

    sandbox.setTransfer(LAMNA, transferId, "InProgress", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5));
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(14).toMillis()));
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded().hasPassed(TASK_CONFIRM_SUBSCRIPTIONS_MOVED, END_EVENT_AZURE_SWITCHED);
    Assertions.assertThat(commerce.subscription(LAMNA, LAMNA_LITWARE_AZURE_PLAN).orElseThrow().sellerPartnerId())
        .isEqualTo(NORTHWIND);
  }

  @Test
  void statusTheProcessDoesNotKnowGoesToAPersonWhoCloses() {
    ProcessInstance instance = requestTransfer();
    String transferId = transferId(instance);
    sandbox.setTransfer(LAMNA, transferId, "Declined", OffsetDateTime.now(ZoneOffset.UTC));

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(7).toMillis()));
    runDueJobs(runtimeService, managementService, instance.getId());
    assertThat(instance).isWaitingAt(TASK_REVIEW_TRANSFER_STATUS).hasPassed(GATEWAY_TRANSFER_STATUS)
        .variables().containsEntry(MigrationVariables.TRANSFER_STATUS.getName(), "Declined");
    assertThat(instance).task(TASK_REVIEW_TRANSFER_STATUS).hasCandidateGroup("sales-agents");
    Assertions.assertThatThrownBy(() -> taskService.complete(task(instance).getId(),
            Map.of(MigrationVariables.TRANSFER_DECISION.getName(), "IGNORE")))
        .hasRootCauseInstanceOf(InvalidFieldsException.class).hasMessageContaining("transfer decision");

    taskService.complete(task(instance).getId(), Map.of(MigrationVariables.TRANSFER_DECISION.getName(), "CLOSE"));

    assertThat(instance).isEnded().hasPassedInOrder(GATEWAY_TRANSFER_DECISION, END_EVENT_TRANSFER_NOT_COMPLETED)
        .hasNotPassed(TASK_CANCEL_TRANSFER_REQUEST);
    Assertions.assertThat(historicVariable(instance, MigrationVariables.REASON.getName())).contains(transferId, "Declined");
    Assertions.assertThat(commerce.subscription(LAMNA, LAMNA_LITWARE_AZURE_PLAN).orElseThrow().sellerPartnerId())
        .isEqualTo(LITWARE);
  }

  @Test
  void personKeepsWaitingThenCancelsThePendingTransfer() {
    ProcessInstance instance = requestTransfer();
    String transferId = transferId(instance);
    sandbox.setTransfer(LAMNA, transferId, "Pending", OffsetDateTime.now(ZoneOffset.UTC));
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(7).toMillis()));
    runDueJobs(runtimeService, managementService, instance.getId());
    taskService.complete(task(instance).getId(), Map.of(MigrationVariables.TRANSFER_DECISION.getName(), "KEEP_WAITING"));
    assertThat(instance).isWaitingAt(GATEWAY_AWAIT_SOURCE_PARTNER).hasPassed(GATEWAY_TRANSFER_DECISION);

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(14).toMillis()));
    runDueJobs(runtimeService, managementService, instance.getId());
    assertThat(instance).isWaitingAt(TASK_REVIEW_TRANSFER_STATUS);
    sandbox.setTransfer(LAMNA, transferId, "Active", OffsetDateTime.now(ZoneOffset.UTC));
    taskService.complete(task(instance).getId(), Map.of(MigrationVariables.TRANSFER_DECISION.getName(), "CANCEL_TRANSFER"));
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded().hasPassedInOrder(TASK_CANCEL_TRANSFER_REQUEST, END_EVENT_TRANSFER_CANCELLED);
    Assertions.assertThat(commerce.transfer(LAMNA, transferId).orElseThrow().status()).isEqualTo("Canceled");
    Assertions.assertThat(historicVariable(instance, MigrationVariables.REASON.getName())).contains("cancelled by this partner");
  }

  @Test
  void pendingTransferIsCheckedAgainAndExpiresAfterThirtyDays() {
    ProcessInstance instance = requestTransfer();

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(7).toMillis()));
    runDueJobs(runtimeService, managementService, instance.getId());
    assertThat(instance).hasPassed(TASK_CHECK_TRANSFER_STATUS)
        .isWaitingAt(GATEWAY_AWAIT_SOURCE_PARTNER);

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(31).toMillis()));
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded().hasPassed(EVENT_TRANSFER_EXPIRED, END_EVENT_TRANSFER_EXPIRED)
        .hasNotPassed(TASK_CONFIRM_SUBSCRIPTIONS_MOVED);
    Assertions.assertThat(historicVariable(instance, MigrationVariables.REASON.getName())).contains("30 days (R23)");
  }

  @Test
  void transferDetailsAreCheckedBeforeAnyCall() {
    sandbox.relate(LAMNA, NORTHWIND);
    ProcessInstance instance = start(LAMNA_LITWARE_AZURE_PLAN);
    runDueJobs(runtimeService, managementService, instance.getId());
    assertThat(instance).isWaitingAt(TASK_ENTER_TRANSFER_DETAILS).variables()
        .containsEntry(MigrationVariables.CUSTOMER_EMAIL.getName(), "claire.dubois@lamna.example")
        .containsEntry(InvitationVariables.COMPANY_NAME.getName(), "Lamna Healthcare");
    Map<String, Object> fromUs = new HashMap<>(transferFromLitware());
    fromUs.put(MigrationVariables.SOURCE_PARTNER_TENANT_ID.getName(), NORTHWIND);
    fromUs.put(MigrationVariables.CUSTOMER_EMAIL.getName(), "not an e-mail");

    Assertions.assertThatThrownBy(() -> taskService.complete(task(instance).getId(), fromUs))
        .hasRootCauseInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining(MigrationVariables.SOURCE_PARTNER_TENANT_ID.getName())
        .hasMessageContaining(MigrationVariables.CUSTOMER_EMAIL.getName());
    assertThat(instance).isWaitingAt(TASK_ENTER_TRANSFER_DETAILS);
    Assertions.assertThat(commerce.transfers(LAMNA)).isEmpty();
  }

  @Test
  void customerWithoutRelationshipIsInvitedFirstThenSwitched() {
    ProcessInstance instance = start(LAMNA_LITWARE_AZURE_PLAN);
    runDueJobs(runtimeService, managementService, instance.getId());
    assertThat(instance).isWaitingAt(TASK_CONFIRM_CUSTOMER_CONTACT).variables()
        .containsEntry(InvitationVariables.CUSTOMER_DOMAIN.getName(), "lamna.onmicrosoft.com")
        .containsEntry(InvitationVariables.COMPANY_NAME.getName(), "Lamna Healthcare");
    taskService.complete(task(instance).getId(), Map.of(
        InvitationVariables.CUSTOMER_COUNTRY.getName(), "FR",
        InvitationVariables.CUSTOMER_LANGUAGE.getName(), "en",
        InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), "admin@lamna.onmicrosoft.com"));
    runDueJobs(runtimeService, managementService, instance.getId());
    assertThat(instance).isWaitingAt(CALL_ACTIVITY_REQUEST_RESELLER_RELATIONSHIP);

    sandbox.acceptInvitation(LAMNA, "admin@lamna.onmicrosoft.com");
    runDueJobs(runtimeService, managementService, instance.getId());
    assertThat(instance).isWaitingAt(TASK_ENTER_TRANSFER_DETAILS);
    taskService.complete(task(instance).getId(), transferFromLitware());
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance)
        .hasPassedInOrder(CALL_ACTIVITY_REQUEST_RESELLER_RELATIONSHIP, TASK_CHECK_RESELLER_RELATIONSHIP,
            GATEWAY_RELATIONSHIP_ESTABLISHED, TASK_CONFIRM_CUSTOMER_AGREEMENT, TASK_ENTER_TRANSFER_DETAILS,
            TASK_CREATE_TRANSFER_REQUEST)
        .isWaitingAt(GATEWAY_AWAIT_SOURCE_PARTNER);
  }

  @Test
  void invitationWithdrawnEndsWithoutRelationship() {
    ProcessInstance instance = start(LAMNA_LITWARE_AZURE_PLAN);
    runDueJobs(runtimeService, managementService, instance.getId());
    taskService.complete(task(instance).getId(), Map.of(
        InvitationVariables.CUSTOMER_COUNTRY.getName(), "FR",
        InvitationVariables.CUSTOMER_LANGUAGE.getName(), "en",
        InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), "admin@lamna.onmicrosoft.com"));
    runDueJobs(runtimeService, managementService, instance.getId());
    ProcessInstance invitation = calledInstance(runtimeService, instance.getId(),
        ResellerRelationshipInvitationProcess.PROCESS_KEY);
    invitations.withdraw(invitation.getId(), "wrong customer", "agent");
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded().hasPassed(END_EVENT_NO_RELATIONSHIP).hasNotPassed(TASK_ENTER_TRANSFER_DETAILS);
    Assertions.assertThat(historicVariable(instance, MigrationVariables.REASON.getName())).contains("(R23, R24)", "wrong customer");
  }

  @Test
  void transferNotFromAnotherPartnerToUsIsRefusedByTheMultiPartnerGuard() {
    sandbox.relate(LAMNA, NORTHWIND);
    ProcessInstance instance = start(LAMNA_LITWARE_AZURE_PLAN);
    runDueJobs(runtimeService, managementService, instance.getId());
    taskService.complete(task(instance).getId(), transferFromLitware());
    runDueJobs(runtimeService, managementService, instance.getId(), TASK_CREATE_TRANSFER_REQUEST);
    assertThat(instance).isWaitingAt(TASK_CREATE_TRANSFER_REQUEST);
    // an operator "corrects" the source partner in Cockpit: the transfer would be from us
    runtimeService.setVariable(instance.getId(), MigrationVariables.SOURCE_PARTNER_TENANT_ID.getName(), NORTHWIND);
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded().hasPassed(END_EVENT_REFUSED_BY_GUARD).hasNotPassed(GATEWAY_AWAIT_SOURCE_PARTNER);
    Assertions.assertThat(historicVariable(instance, MigrationVariables.REASON.getName())).contains("(R23, R24)");
    Assertions.assertThat(commerce.transfers(LAMNA)).isEmpty();
  }

  @Test
  void invalidStartVariablesStartNothing() {
    Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY,
            Map.of(MigrationVariables.CUSTOMER_TENANT_ID.getName(), LAMNA)))
        .hasMessageContaining(MigrationVariables.SUBSCRIPTION_ID.getName());
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isZero();
  }

  /** Lamna (related) asks for Litware's Azure plan: the agent enters Litware; the transfer is created. */
  private ProcessInstance requestTransfer() {
    sandbox.relate(LAMNA, NORTHWIND);
    ProcessInstance instance = start(LAMNA_LITWARE_AZURE_PLAN);
    runDueJobs(runtimeService, managementService, instance.getId());
    taskService.complete(task(TASK_ENTER_TRANSFER_DETAILS, instance).getId(), transferFromLitware());
    runDueJobs(runtimeService, managementService, instance.getId());
    return instance;
  }

  private String transferId(ProcessInstance instance) {
    return MigrationVariables.TRANSFER_ID.from(runtimeService, instance.getId()).get();
  }

  private ProcessInstance start(String subscriptionId) {
    return runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of(
        MigrationVariables.CUSTOMER_TENANT_ID.getName(), LAMNA, MigrationVariables.SUBSCRIPTION_ID.getName(), subscriptionId));
  }

  private JsonNode read(String json) {
    try {
      return objectMapper.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
