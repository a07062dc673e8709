package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.*;
import static io.partnerchannel.orchestrator.support.ProcessJobs.runDueJobs;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.*;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.BOUNDARY_EVENT_REMINDER_DUE;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.END_EVENT_INVITATION_ACCEPTED;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.END_EVENT_INVITATION_EXTENDED;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.END_EVENT_INVITATION_RESENT;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.END_EVENT_WITHDRAWN_AT_FOLLOW_UP;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.GATEWAY_FOLLOW_UP_DECISION;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.START_EVENT_INVITATION_SENT;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.TASK_AWAIT_CUSTOMER_ACCEPTANCE;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.TASK_EXTEND_INVITATION;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.TASK_FOLLOW_UP_WITH_CUSTOMER;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.TASK_RESEND_INVITATION_EMAIL;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.support.SentMails;
import io.partnerchannel.orchestrator.support.ProcessTest;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminAccessAssignment;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxEventDelivery;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

/**
 * Every path of {@code ResellerRelationshipInvitation}, run by the engine against the built-in sandbox
 * Partner Center, the real mail outbox and the Partner Center event inbox. Customers accept and approve in
 * the sandbox admin center; the sandbox delivers the resulting events to {@code /api/partner-center/events},
 * which correlates them to the waiting invitation.
 */
@ProcessTest
@Import(ProcessEngineCoverageConfiguration.class)
class ResellerRelationshipInvitationProcessTest {

  private static final String LITWARE_INC = "c0ffee00-0000-4000-8000-000000000009";
  private static final String AGENT = "invitationtestagent";
  private static final String AGENT_EMAIL = "agent@northwind.example";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired PartnerCenter partnerCenter;
  SentMails sentMails;
  @Autowired InvitationService invitations;
  @Autowired SandboxEventDelivery sandboxEvents;
  @LocalServerPort int port;
  RestClient http;

  @BeforeEach
  void setUp() {
    init(processEngine);
    http = http(port);
    deleteRunningInvitations(runtimeService);
    if (identityService.createUserQuery().userId(AGENT).singleResult() == null) {
      User agent = identityService.newUser(AGENT);
      agent.setFirstName("Sam");
      agent.setLastName("Seller");
      agent.setEmail(AGENT_EMAIL);
      identityService.saveUser(agent);
      identityService.createMembership(AGENT, GROUP_SALES_AGENTS);
    }
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    identityService.clearAuthentication();
    deleteRunningInvitations(runtimeService);
  }

  @Test
  void eligibleCustomerAcceptsAndTheRelationshipIsEstablishedLeavingOtherPartnersUntouched() {
    JsonNode lamnaBefore = sandboxTenant(http, "lamna.onmicrosoft.com");
    Assertions.assertThat(lamnaBefore.path("partners").toString()).contains(LITWARE);

    ProcessInstance instance = startAsAgent(request("Lamna Healthcare", "Lamna.onmicrosoft.com", "fr", "EN"));

    assertThat(instance).isStarted().hasBusinessKey("lamna.onmicrosoft.com");
    // One async boundary: the start request commits before the first Partner Center call, which is the job.
    assertThat(instance).hasPassed(START_EVENT_INVITATION_REQUESTED).isWaitingAt(TASK_LOOK_UP_CUSTOMER_TENANT);
    assertThat(instance).job().hasActivityId(TASK_LOOK_UP_CUSTOMER_TENANT);
    runDueJobs(managementService, instance);

    ProcessInstance tracking = tracking(instance);
    assertThat(tracking).isWaitingAt(TASK_AWAIT_CUSTOMER_ACCEPTANCE).hasPassed(START_EVENT_INVITATION_SENT);
    assertThat(instance)
        .isWaitingAt(CALL_ACTIVITY_TRACK_INVITATION)
        .hasPassedInOrder(
            START_EVENT_INVITATION_REQUESTED,
            TASK_LOOK_UP_CUSTOMER_TENANT,
            GATEWAY_CUSTOMER_ALREADY_RELATED,
            TASK_DECIDE_ELIGIBILITY,
            GATEWAY_CUSTOMER_ELIGIBLE,
            TASK_GET_RELATIONSHIP_REQUEST_LINK,
            TASK_SEND_INVITATION_EMAIL,
            GATEWAY_INVITATION_TRACKED)
        .variables()
        .containsEntry(InvitationVariables.CUSTOMER_DOMAIN.getName(), "lamna.onmicrosoft.com")
        .containsEntry(InvitationVariables.CUSTOMER_COUNTRY.getName(), "FR")
        .containsEntry(InvitationVariables.CUSTOMER_LANGUAGE.getName(), "en")
        .containsEntry(InvitationVariables.REQUESTER.getName(), AGENT)
        .containsEntry(InvitationVariables.CLOUD.getName(), "GLOBAL")
        .containsEntry(InvitationVariables.TENANT_KIND.getName(), "CUSTOMER")
        .containsEntry(InvitationVariables.SAME_REGION.getName(), true)
        .containsEntry(InvitationVariables.ALREADY_RELATED.getName(), false)
        .containsEntry(InvitationVariables.ELIGIBLE.getName(), true)
        .containsEntry(InvitationVariables.REMINDER_INTERVAL.getName(), "P7D")
        .containsEntry(InvitationVariables.PARTNER_NAME.getName(), "Northwind Cloud Solutions");
    String invitationUrl = InvitationVariables.INVITATION_URL.from(runtimeService, instance.getId()).getOrNull();
    Assertions.assertThat(invitationUrl)
        .contains("invType=ResellerRelationship", "partnerId=" + NORTHWIND, "DAP=false")
        .endsWith("#/BillingAccounts/partner-invitation");
    Date expiresAt = InvitationVariables.EXPIRES_AT.from(runtimeService, instance.getId()).getOrNull();
    Assertions.assertThat(expiresAt).isCloseTo(new Date(System.currentTimeMillis() + Duration.ofDays(30).toMillis()), 60_000);
    Assertions.assertThat(mails(instance))
        .containsExactly(Map.of("template", "invitation", "recipient", "admin@lamna.onmicrosoft.com", "language", "en"));
    Assertions.assertThat(mailHtml(instance, "invitation")).contains(invitationUrl.replace("&", "&amp;"));

    customerAccepts(LAMNA, "admin@lamna.onmicrosoft.com");
    assertThat(instance).isWaitingAt(TASK_RECORD_RELATIONSHIP);
    runDueJobs(managementService, instance);

    assertThat(tracking).isEnded().hasPassedInOrder(TASK_AWAIT_CUSTOMER_ACCEPTANCE, END_EVENT_INVITATION_ACCEPTED)
        .hasNotPassed(BOUNDARY_EVENT_REMINDER_DUE);
    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            CALL_ACTIVITY_TRACK_INVITATION,
            GATEWAY_ACCEPTANCE_RECEIVED,
            TASK_RECORD_RELATIONSHIP,
            GATEWAY_GDAP_REQUESTED,
            GATEWAY_GDAP_DONE,
            TASK_NOTIFY_REQUESTER,
            END_EVENT_RELATIONSHIP_ESTABLISHED)
        .hasNotPassed(TASK_CREATE_GDAP_RELATIONSHIP, BOUNDARY_EVENT_INVITATION_EXPIRED)
        .variables()
        .containsEntry(InvitationVariables.CUSTOMER_TENANT_ID.getName(), LAMNA)
        .containsEntry(InvitationVariables.DELEGATED_ACCESS_GRANTED.getName(), false);
    Assertions.assertThat(mails(instance))
        .contains(Map.of("template", "requester-notification", "recipient", AGENT_EMAIL, "language", "en"));

    // R7: Litware's relationship with Lamna and Lamna's subscriptions stay as they were.
    JsonNode lamnaAfter = sandboxTenant(http, "lamna.onmicrosoft.com");
    Assertions.assertThat(lamnaAfter.path("subscriptions")).isEqualTo(lamnaBefore.path("subscriptions"));
    Assertions.assertThat(partner(lamnaAfter, LITWARE)).isEqualTo(partner(lamnaBefore, LITWARE));
    Assertions.assertThat(partner(lamnaAfter, NORTHWIND).path("relationshipToPartner").asText()).isEqualTo("reseller");
  }

  @Test
  void customerAlreadyRelatedEndsWithAReasonAndTouchesNothing() {
    ProcessInstance instance = startAsAgent(request("Proseware", "proseware.onmicrosoft.com", "IT", "it"));
    runDueJobs(managementService, instance);

    assertThat(instance)
        .isEnded()
        .hasPassed(END_EVENT_ALREADY_RELATED)
        .hasNotPassed(TASK_DECIDE_ELIGIBILITY, TASK_GET_RELATIONSHIP_REQUEST_LINK, TASK_SEND_INVITATION_EMAIL)
        .variables()
        .containsEntry(InvitationVariables.ALREADY_RELATED.getName(), true)
        .containsEntry(InvitationVariables.CUSTOMER_TENANT_ID.getName(), PROSEWARE);
    Assertions.assertThat(reason(instance)).contains("already a reseller customer");
    Assertions.assertThat(mails(instance))
        .containsExactly(Map.of("template", "requester-notification", "recipient", AGENT_EMAIL, "language", "en"));
  }

  @ParameterizedTest(name = "{3} refuses {1}")
  @CsvSource({
    "Northwind Cloud Solutions, northwindcloud.onmicrosoft.com, IT, R6, transaction tenant of another Cloud Solution Provider partner",
    "Fourth Coffee IT, fourthcoffeeit.onmicrosoft.com, IT, R6, transaction tenant of another Cloud Solution Provider partner",
    "Relecloud China, relecloud.partner.onmschina.cn, CN, R9, outside our Cloud Solution Provider region",
    "Wide World Importers, wideworldimporters.onmicrosoft.com, US, R9, outside our Cloud Solution Provider region",
  })
  void ineligibleCustomerIsRefusedWithTheRule(String company, String domain, String country, String rule, String reason) {
    ProcessInstance instance = startAsAgent(request(company, domain, country, "en"));
    runDueJobs(managementService, instance);

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(TASK_LOOK_UP_CUSTOMER_TENANT, TASK_DECIDE_ELIGIBILITY, END_EVENT_INVITATION_REFUSED)
        .hasNotPassed(TASK_GET_RELATIONSHIP_REQUEST_LINK)
        .variables()
        .containsEntry(InvitationVariables.ELIGIBLE.getName(), false)
        .containsEntry(InvitationVariables.REFUSED_BY_RULE.getName(), rule);
    Assertions.assertThat(reason(instance)).contains(reason).doesNotContain(rule);
    Assertions.assertThat(mails(instance))
        .containsExactly(Map.of("template", "requester-notification", "recipient", AGENT_EMAIL, "language", "en"));
    Assertions.assertThat(mailHtml(instance, "requester-notification")).contains(reason, "/cases/" + instance.getId());
  }

  @Test
  void domainWithoutTenantIsRefused() {
    ProcessInstance instance = startAsAgent(request("Nobody", "no-such-tenant.onmicrosoft.com", "IT", "it"));
    runDueJobs(managementService, instance);

    assertThat(instance).isEnded().hasPassed(END_EVENT_INVITATION_REFUSED).variables()
        .containsEntry(InvitationVariables.TENANT_KIND.getName(), "NOT_FOUND");
    Assertions.assertThat(reason(instance)).contains("No Microsoft Entra tenant uses this domain");
  }

  @ParameterizedTest(name = "{2} refuses {0} admin access in cloud {1}")
  @CsvSource({"NONE, US_GOVERNMENT, R12", "DAP, GLOBAL, R8", "GDAP, 21VIANET, R34"})
  void adminAccessTheCloudDoesNotAllowIsRefused(String adminAccess, String cloud, String rule) {
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceByKey(PROCESS_KEY)
            .startBeforeActivity(TASK_DECIDE_ELIGIBILITY)
            .setVariables(
                Variables.createVariables()
                    .putValue(InvitationVariables.TENANT_KIND.getName(), "CUSTOMER")
                    .putValue(InvitationVariables.SAME_REGION.getName(), true)
                    .putValue(InvitationVariables.CLOUD.getName(), cloud)
                    .putValue(InvitationVariables.ADMIN_ACCESS.getName(), adminAccess))
            .execute();

    assertThat(instance).isEnded().hasPassed(END_EVENT_INVITATION_REFUSED).variables()
        .containsEntry(InvitationVariables.ELIGIBLE.getName(), false)
        .containsEntry(InvitationVariables.REFUSED_BY_RULE.getName(), rule);
  }

  @Test
  void corporateTenantOfACspPartnerHasNoPartnerCenterAccountAndIsInvitedWithItsTenantIdResolvedThroughGraph() {
    ProcessInstance instance = startAsAgent(request("Litware Inc.", "litwareinc.onmicrosoft.com", "FR", "en"));
    runDueJobs(managementService, instance);

    assertThat(tracking(instance)).isWaitingAt(TASK_AWAIT_CUSTOMER_ACCEPTANCE).variables()
        .containsEntry(InvitationVariables.CUSTOMER_TENANT_ID.getName(), LITWARE_INC);
    assertThat(instance).isWaitingAt(CALL_ACTIVITY_TRACK_INVITATION).variables()
        .containsEntry(InvitationVariables.TENANT_KIND.getName(), "CUSTOMER")
        .containsEntry(InvitationVariables.CUSTOMER_TENANT_ID.getName(), LITWARE_INC)
        .containsEntry(InvitationVariables.ELIGIBLE.getName(), true);
  }

  @Test
  void transactionTenantOfADirectBillPartnerIsOfUnknownKindAndLeftToMicrosoftToRefuseAtAcceptance() {
    ProcessInstance instance = startAsAgent(request("Litware CSP", "litwarecsp.onmicrosoft.com", "FR", "en"));
    runDueJobs(managementService, instance);

    assertThat(instance).isWaitingAt(CALL_ACTIVITY_TRACK_INVITATION).variables()
        .containsEntry(InvitationVariables.TENANT_KIND.getName(), "UNKNOWN")
        .containsEntry(InvitationVariables.ELIGIBLE.getName(), true);
  }

  @Test
  void reminderGivesTheRequesterAFollowUpTaskAndResendSendsAReminder() {
    ProcessInstance instance = invitedAndWaiting(request("Adatum Corporation", "adatum.onmicrosoft.com", "IT", "it"));
    ProcessInstance tracking = tracking(instance);

    execute(job(BOUNDARY_EVENT_REMINDER_DUE, tracking));

    assertThat(tracking).isWaitingAt(TASK_AWAIT_CUSTOMER_ACCEPTANCE, TASK_FOLLOW_UP_WITH_CUSTOMER);
    assertThat(tracking).task(TASK_FOLLOW_UP_WITH_CUSTOMER)
        .isAssignedTo(AGENT)
        .hasCandidateGroupAssociated(GROUP_SALES_AGENTS);
    String followUpId = task(TASK_FOLLOW_UP_WITH_CUSTOMER, tracking).getId();
    Assertions.assertThat(formService.getTaskFormVariables(followUpId))
        .containsKeys(InvitationVariables.COMPANY_NAME.getName(), InvitationVariables.INVITATION_URL.getName());
    Assertions.assertThat(formService.getDeployedTaskForm(followUpId))
        .asString(java.nio.charset.StandardCharsets.UTF_8)
        .contains("\"id\": \"Form_FollowUpWithCustomer\"", "\"key\": \"followUpDecision\"");
    Assertions.assertThat(job(BOUNDARY_EVENT_REMINDER_DUE, tracking)).as("next reminder").isNotNull();

    complete(task(TASK_FOLLOW_UP_WITH_CUSTOMER, tracking), withVariables(InvitationVariables.FOLLOW_UP_DECISION.getName(), "RESEND"));
    runDueJobs(managementService, instance);

    assertThat(instance).isWaitingAt(CALL_ACTIVITY_TRACK_INVITATION);
    assertThat(tracking)
        .isWaitingAt(TASK_AWAIT_CUSTOMER_ACCEPTANCE)
        .hasPassedInOrder(TASK_FOLLOW_UP_WITH_CUSTOMER, GATEWAY_FOLLOW_UP_DECISION, TASK_RESEND_INVITATION_EMAIL,
            END_EVENT_INVITATION_RESENT);
    Assertions.assertThat(mails(instance)).containsExactlyInAnyOrder(
        Map.of("template", "invitation", "recipient", "admin@adatum.onmicrosoft.com", "language", "it"),
        Map.of("template", "invitation-reminder", "recipient", "admin@adatum.onmicrosoft.com", "language", "it"));

    execute(job(BOUNDARY_EVENT_REMINDER_DUE, tracking));
    assertThat(tracking).isWaitingAt(TASK_AWAIT_CUSTOMER_ACCEPTANCE, TASK_FOLLOW_UP_WITH_CUSTOMER);
    Assertions.assertThat(runtimeService.getVariables(tracking.getId()))
        .as("the next follow-up starts without the previous decision")
        .doesNotContainKeys(InvitationVariables.FOLLOW_UP_DECISION.getName(), InvitationVariables.EXTEND_BY_DAYS.getName());
  }

  @Test
  void theResentReminderCarriesTheInvitationsMessageAndRequestedAccessWhichTrackingDoesNotCopy() {
    ProcessInstance instance =
        invitedAndWaiting(withGdap(request("Adatum Corporation", "adatum.onmicrosoft.com", "IT", "it"), GLOBAL_READER));
    ProcessInstance tracking = tracking(instance);
    Assertions.assertThat(runtimeService.getVariables(tracking.getId()))
        .as("the e-mail's model stays with the invitation")
        .doesNotContainKeys(InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), InvitationVariables.CUSTOMER_LANGUAGE.getName(),
            InvitationVariables.PARTNER_NAME.getName(), InvitationVariables.MESSAGE.getName(),
            InvitationVariables.GDAP_ROLES.getName(), InvitationVariables.GDAP_DURATION.getName());
    execute(job(BOUNDARY_EVENT_REMINDER_DUE, tracking));
    complete(task(TASK_FOLLOW_UP_WITH_CUSTOMER, tracking), withVariables(InvitationVariables.FOLLOW_UP_DECISION.getName(), "RESEND"));
    runDueJobs(managementService, instance);

    assertThat(tracking).hasPassed(TASK_RESEND_INVITATION_EMAIL).isWaitingAt(TASK_AWAIT_CUSTOMER_ACCEPTANCE);
    Assertions.assertThat(mails(instance)).containsExactlyInAnyOrder(
        Map.of("template", "invitation", "recipient", "admin@adatum.onmicrosoft.com", "language", "it"),
        Map.of("template", "invitation-reminder", "recipient", "admin@adatum.onmicrosoft.com", "language", "it"));
    String reminder = mailHtml(instance, "invitation-reminder");
    Assertions.assertThat(reminder).contains("Welcome aboard", "Northwind Cloud Solutions", "Global Reader", "730");
    Assertions.assertThat(mailHtml(instance, "invitation")).contains("Welcome aboard", "Global Reader", "730");
  }

  @Test
  void extendMovesTheExpiryAndItsTimer() {
    ProcessInstance instance = invitedAndWaiting(request("Adatum Corporation", "adatum.onmicrosoft.com", "IT", "it"));
    Date expiresAt = (Date) runtimeService.getVariable(instance.getId(), InvitationVariables.EXPIRES_AT.getName());
    ProcessInstance tracking = tracking(instance);
    execute(job(BOUNDARY_EVENT_REMINDER_DUE, tracking));

    complete(
        task(TASK_FOLLOW_UP_WITH_CUSTOMER, tracking),
        withVariables(InvitationVariables.FOLLOW_UP_DECISION.getName(), "EXTEND", InvitationVariables.EXTEND_BY_DAYS.getName(), 14L));
    runDueJobs(managementService, instance);

    Date extended = new Date(expiresAt.getTime() + Duration.ofDays(14).toMillis());
    assertThat(tracking).isEnded().hasPassedInOrder(TASK_EXTEND_INVITATION, END_EVENT_INVITATION_EXTENDED);
    assertThat(instance)
        .isWaitingAt(CALL_ACTIVITY_TRACK_INVITATION)
        .hasPassedInOrder(CALL_ACTIVITY_TRACK_INVITATION, BOUNDARY_EVENT_INVITATION_EXTENDED, GATEWAY_INVITATION_TRACKED)
        .variables()
        .containsEntry(InvitationVariables.EXPIRES_AT.getName(), extended);
    assertThat(tracking(instance)).isWaitingAt(TASK_AWAIT_CUSTOMER_ACCEPTANCE).variables()
        .containsEntry(InvitationVariables.EXPIRES_AT.getName(), extended);
    // "Track invitation" was entered again: its timer reads the new ${expiresAt}, one timer, one acceptance wait.
    Assertions.assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(GATEWAY_INVITATION_TRACKED).count()).isEqualTo(2);
    Assertions.assertThat(managementService.createJobQuery().processInstanceId(instance.getId())
        .activityId(BOUNDARY_EVENT_INVITATION_EXPIRED).count()).isEqualTo(1);
    Assertions.assertThat(job(BOUNDARY_EVENT_INVITATION_EXPIRED, instance).getDuedate()).isEqualTo(extended);
  }

  @Test
  void followUpRefusesAnExtensionWithoutDays() {
    ProcessInstance tracking = tracking(invitedAndWaiting(request("A. Datum", "datum.onmicrosoft.com", "GB", "en")));
    execute(job(BOUNDARY_EVENT_REMINDER_DUE, tracking));
    Task followUp = task(TASK_FOLLOW_UP_WITH_CUSTOMER, tracking);

    Assertions.assertThatThrownBy(
            () -> taskService.complete(followUp.getId(), Map.of(InvitationVariables.FOLLOW_UP_DECISION.getName(), "EXTEND")))
        .hasMessageContaining(InvitationVariables.EXTEND_BY_DAYS.getName());
    Assertions.assertThatThrownBy(
            () -> taskService.complete(followUp.getId(), Map.of(InvitationVariables.FOLLOW_UP_DECISION.getName(), "MAYBE")))
        .hasMessageContaining("RESEND");
    assertThat(tracking).isWaitingAt(TASK_FOLLOW_UP_WITH_CUSTOMER);
  }

  @Test
  void withdrawAtFollowUpEndsTheInvitationWithdrawn() {
    ProcessInstance instance = invitedAndWaiting(request("A. Datum", "datum.onmicrosoft.com", "GB", "en"));
    ProcessInstance tracking = tracking(instance);
    execute(job(BOUNDARY_EVENT_REMINDER_DUE, tracking));

    complete(task(TASK_FOLLOW_UP_WITH_CUSTOMER, tracking), withVariables(InvitationVariables.FOLLOW_UP_DECISION.getName(), "WITHDRAW"));

    assertThat(tracking).isEnded().hasPassed(END_EVENT_WITHDRAWN_AT_FOLLOW_UP);
    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(CALL_ACTIVITY_TRACK_INVITATION, BOUNDARY_EVENT_WITHDRAWN_AT_FOLLOW_UP,
            END_EVENT_INVITATION_WITHDRAWN)
        .hasNotPassed(TASK_RECORD_RELATIONSHIP);
    Assertions.assertThat(reason(instance)).contains("at follow-up");
  }

  @Test
  void withdrawalRequestedThroughTheApiEndsTheInvitationWithdrawn() {
    ProcessInstance instance = invitedAndWaiting(request("Fabrikam", "fabrikam.onmicrosoft.com", "DE", "en"));
    ProcessInstance tracking = tracking(instance);
    execute(job(BOUNDARY_EVENT_REMINDER_DUE, tracking));

    runtimeService
        .createMessageCorrelation(InvitationMessages.INVITATION_WITHDRAWN)
        .processInstanceId(instance.getId())
        .setVariable(InvitationVariables.REASON.getName(), "Customer asked us to stop")
        .correlate();

    assertThat(instance)
        .isEnded()
        .hasPassed(BOUNDARY_EVENT_WITHDRAWAL_REQUESTED, END_EVENT_INVITATION_WITHDRAWN)
        .hasNotPassed(BOUNDARY_EVENT_WITHDRAWN_AT_FOLLOW_UP);
    assertThat(tracking).isEnded().hasNotPassed(END_EVENT_WITHDRAWN_AT_FOLLOW_UP);
    Assertions.assertThat(taskService.createTaskQuery().processInstanceId(tracking.getId()).count())
        .as("the open follow-up task ends with the withdrawal").isZero();
    Assertions.assertThat(reason(instance)).isEqualTo("Customer asked us to stop");
    Assertions.assertThat(mailHtml(instance, "requester-notification")).contains("Customer asked us to stop", "withdrawn");
  }

  @Test
  void relationshipNotYetVisibleInPartnerCenterIsRetriedOnTheRetryCycle() {
    ProcessInstance instance = invitedAndWaiting(request("A. Datum", "datum.onmicrosoft.com", "GB", "en"));
    // the acceptance message arrives, but Partner Center does not show the relationship (no acceptance in the sandbox)
    runtimeService.createMessageCorrelation(InvitationMessages.INVITATION_ACCEPTED)
        .processInstanceVariableEquals(InvitationVariables.CUSTOMER_DOMAIN.getName(), "datum.onmicrosoft.com")
        .correlate();
    Job record = job(TASK_RECORD_RELATIONSHIP, instance);

    Assertions.assertThatThrownBy(() -> managementService.executeJob(record.getId()))
        .hasMessageContaining("does not show datum.onmicrosoft.com as a reseller customer yet");

    Job retried = job(TASK_RECORD_RELATIONSHIP, instance);
    Assertions.assertThat(retried.getRetries()).as("R5/PT1M").isEqualTo(4);
    Assertions.assertThat(retried.getDuedate()).isAfter(ClockUtil.getCurrentTime());
    assertThat(instance).isWaitingAt(TASK_RECORD_RELATIONSHIP);
  }

  @Test
  void invitationExpiresWhenTheCustomerDoesNotAccept() {
    ProcessInstance instance = invitedAndWaiting(request("Fabrikam", "fabrikam.onmicrosoft.com", "DE", "en"));
    ProcessInstance tracking = tracking(instance);
    execute(job(BOUNDARY_EVENT_REMINDER_DUE, tracking));

    Job expiry = job(BOUNDARY_EVENT_INVITATION_EXPIRED, instance);
    ClockUtil.setCurrentTime(new Date(expiry.getDuedate().getTime() + 1000));
    runDueJobs(managementService, instance);

    assertThat(instance)
        .isEnded()
        .hasPassed(BOUNDARY_EVENT_INVITATION_EXPIRED, END_EVENT_INVITATION_EXPIRED)
        .hasNotPassed(TASK_RECORD_RELATIONSHIP);
    assertThat(tracking).isEnded();
    Assertions.assertThat(taskService.createTaskQuery().processInstanceId(tracking.getId()).count())
        .as("the open follow-up task ends with the follow-up window").isZero();
    Assertions.assertThat(reason(instance)).contains("did not accept");
    Assertions.assertThat(mails(instance))
        .contains(Map.of("template", "requester-notification", "recipient", AGENT_EMAIL, "language", "en"));
    Assertions.assertThat(mailHtml(instance, "requester-notification"))
        .contains("We stopped following up the invitation to Fabrikam", "/cases/" + instance.getId());
  }

  @Test
  void gdapApprovedCreatesTheAccessAssignmentForThePartnersSecurityGroup() {
    ProcessInstance instance =
        invitedAndWaiting(withGdap(request("Bellows College", "bellowscollege.onmicrosoft.com", "PT", "pt"),
            GLOBAL_READER, USER_ADMINISTRATOR));
    ProcessInstance tracking = tracking(instance);
    execute(job(BOUNDARY_EVENT_REMINDER_DUE, tracking));
    assertThat(tracking).isWaitingAt(TASK_FOLLOW_UP_WITH_CUSTOMER);

    customerAccepts(BELLOWS, "admin@bellowscollege.onmicrosoft.com");
    assertThat(tracking).isEnded().hasPassed(END_EVENT_INVITATION_ACCEPTED);
    Assertions.assertThat(taskService.createTaskQuery().processInstanceId(tracking.getId()).count())
        .as("the open follow-up task ends with the acceptance").isZero();
    runDueJobs(managementService, instance);

    assertThat(instance)
        .isWaitingAt(TASK_AWAIT_GDAP_APPROVAL)
        .hasPassedInOrder(TASK_RECORD_RELATIONSHIP, TASK_CREATE_GDAP_RELATIONSHIP, TASK_LOCK_GDAP_FOR_APPROVAL,
            TASK_SEND_GDAP_APPROVAL_EMAIL);
    String relationshipId =
        InvitationVariables.GDAP_RELATIONSHIP_ID.from(runtimeService, instance.getId()).getOrNull();
    DelegatedAdminRelationship relationship = partnerCenter.getDelegatedAdminRelationship(relationshipId).orElseThrow();
    Assertions.assertThat(relationship.status()).isEqualTo(DelegatedAdminRelationship.STATUS_APPROVAL_PENDING);
    Assertions.assertThat(relationship.duration()).isEqualTo("P730D");
    Assertions.assertThat(relationship.displayName()).startsWith("PCO bellowscollege.onmicrosoft.com ").hasSizeLessThanOrEqualTo(50);
    Assertions.assertThat(relationship.customer().tenantId()).isEqualTo(BELLOWS);
    Assertions.assertThat(relationship.accessDetails().unifiedRoles())
        .extracting(DelegatedAdminRelationship.UnifiedRole::roleDefinitionId)
        .containsExactlyInAnyOrder(GLOBAL_READER, USER_ADMINISTRATOR);
    String approvalUrl = InvitationVariables.GDAP_APPROVAL_URL.from(runtimeService, instance.getId()).getOrNull();
    Assertions.assertThat(approvalUrl)
        .isEqualTo("http://localhost:" + port
            + "/sandbox/admin-center/AdminPortal/Home#/partners/invitation/granularAdminRelationships/" + relationshipId);
    Assertions.assertThat(mails(instance))
        .contains(Map.of("template", "gdap-approval", "recipient", "admin@bellowscollege.onmicrosoft.com", "language", "pt"));
    Assertions.assertThat(invitations.find(instance.getId()).status()).isEqualTo(InvitationStatus.WAITING_FOR_GDAP_APPROVAL);

    // a repeat of the GDAP steps (as after a crash) finds the relationship instead of creating a second one
    runtimeService.createProcessInstanceModification(instance.getId())
        .cancelAllForActivity(TASK_AWAIT_GDAP_APPROVAL)
        .startBeforeActivity(TASK_CREATE_GDAP_RELATIONSHIP)
        .execute();
    runDueJobs(managementService, instance);
    assertThat(instance).isWaitingAt(TASK_AWAIT_GDAP_APPROVAL).variables()
        .containsEntry(InvitationVariables.GDAP_RELATIONSHIP_ID.getName(), relationshipId);
    Assertions.assertThat(partnerCenter.findDelegatedAdminRelationship(relationship.displayName()))
        .get().extracting(DelegatedAdminRelationship::id).isEqualTo(relationshipId);

    customerApprovesGdap(relationshipId, "admin@bellowscollege.onmicrosoft.com");
    execute(job(TASK_CREATE_ACCESS_ASSIGNMENTS, instance));
    // and a repeat of the access assignment reuses the one just created
    runtimeService.createProcessInstanceModification(instance.getId())
        .cancelAllForActivity(TASK_NOTIFY_REQUESTER)
        .startBeforeActivity(TASK_CREATE_ACCESS_ASSIGNMENTS)
        .execute();
    runDueJobs(managementService, instance);

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(TASK_AWAIT_GDAP_APPROVAL, TASK_CREATE_ACCESS_ASSIGNMENTS, TASK_NOTIFY_REQUESTER,
            END_EVENT_RELATIONSHIP_ESTABLISHED)
        .hasNotPassed(BOUNDARY_EVENT_GDAP_APPROVAL_EXPIRED);
    List<DelegatedAdminAccessAssignment> assignments = partnerCenter.getAccessAssignments(relationshipId);
    Assertions.assertThat(assignments).singleElement().satisfies(assignment -> {
      Assertions.assertThat(assignment.accessContainer().accessContainerId()).isEqualTo(SECURITY_GROUP);
      Assertions.assertThat(assignment.accessDetails().unifiedRoles())
          .extracting(DelegatedAdminRelationship.UnifiedRole::roleDefinitionId)
          .containsExactlyInAnyOrder(GLOBAL_READER, USER_ADMINISTRATOR);
    });
    Assertions.assertThat(historicVariable(instance, InvitationVariables.GDAP_ACCESS_ASSIGNMENT_ID.getName()))
        .isEqualTo(assignments.get(0).id());
  }

  @Test
  void gdapApprovalExpiresAfterNinetyDaysAndTheRequesterIsToldWhy() {
    ProcessInstance instance =
        invitedAndWaiting(withGdap(request("Coho Winery", "cohowinery.onmicrosoft.com", "SE", "sv"), GLOBAL_READER));
    customerAccepts(COHO, "admin@cohowinery.onmicrosoft.com");
    runDueJobs(managementService, instance);
    assertThat(instance).isWaitingAt(TASK_AWAIT_GDAP_APPROVAL);

    Job approvalExpiry = job(BOUNDARY_EVENT_GDAP_APPROVAL_EXPIRED, instance);
    Assertions.assertThat(approvalExpiry.getDuedate())
        .isCloseTo(new Date(System.currentTimeMillis() + Duration.ofDays(90).toMillis()), 60_000);
    execute(approvalExpiry);
    runDueJobs(managementService, instance);

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(BOUNDARY_EVENT_GDAP_APPROVAL_EXPIRED, GATEWAY_GDAP_DONE, TASK_NOTIFY_REQUESTER,
            END_EVENT_RELATIONSHIP_ESTABLISHED)
        .hasNotPassed(TASK_CREATE_ACCESS_ASSIGNMENTS);
    Assertions.assertThat(reason(instance)).contains("within 90 days");
    Assertions.assertThat(mails(instance))
        .contains(Map.of("template", "requester-notification", "recipient", AGENT_EMAIL, "language", "en"));
  }

  @Test
  void startFormSubmissionIsNormalisedLikeTheApi() {
    String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult().getId();
    Assertions.assertThat(formService.getDeployedStartForm(definitionId))
        .asString(java.nio.charset.StandardCharsets.UTF_8)
        .contains("\"id\": \"Form_RequestResellerRelationship\"", "\"key\": \"gdapRoles\"");
    // Tasklist submits the checklist as a Json array and leaves the hidden duration out
    Map<String, Object> submitted = Variables.createVariables()
        .putValue(InvitationVariables.COMPANY_NAME.getName(), " Litware Inc. ")
        .putValue(InvitationVariables.CUSTOMER_DOMAIN.getName(), "LitwareInc.onmicrosoft.com")
        .putValue(InvitationVariables.CUSTOMER_COUNTRY.getName(), "fr")
        .putValue(InvitationVariables.CUSTOMER_LANGUAGE.getName(), "EN")
        .putValue(InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), "admin@litwareinc.onmicrosoft.com")
        .putValue(InvitationVariables.ADMIN_ACCESS.getName(), "GDAP")
        .putValueTyped(InvitationVariables.GDAP_ROLES.getName(),
            org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"" + GLOBAL_READER.toUpperCase() + "\"]").create());

    identityService.setAuthentication(AGENT, List.of(GROUP_SALES_AGENTS));
    ProcessInstance instance = formService.submitStartForm(definitionId, submitted);
    identityService.clearAuthentication();

    assertThat(instance).isStarted().variables()
        .containsEntry(InvitationVariables.COMPANY_NAME.getName(), "Litware Inc.")
        .containsEntry(InvitationVariables.CUSTOMER_DOMAIN.getName(), "litwareinc.onmicrosoft.com")
        .containsEntry(InvitationVariables.CUSTOMER_COUNTRY.getName(), "FR")
        .containsEntry(InvitationVariables.CUSTOMER_LANGUAGE.getName(), "en")
        .containsEntry(InvitationVariables.GDAP_DURATION.getName(), "P730D")
        .containsEntry(InvitationVariables.REQUESTER.getName(), AGENT);
    Assertions.assertThat(InvitationVariables.GDAP_ROLES.from(runtimeService, instance.getId()))
        .containsExactly(GLOBAL_READER);

    submitted.put(InvitationVariables.CUSTOMER_DOMAIN.getName(), "fabrikam.onmicrosoft.com");
    submitted.put(InvitationVariables.GDAP_ROLES.getName(), org.camunda.spin.plugin.variable.SpinValues.jsonValue("[]").create());
    Assertions.assertThatThrownBy(() -> formService.submitStartForm(definitionId, submitted))
        .isInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining("gdapRoles must name at least one Entra role definition id when adminAccess is GDAP");
  }

  @Test
  void invalidStartVariablesStartNothing() {
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
    Map<String, Object> variables = request("Adatum", "adatum .onmicrosoft", "Italy", "it").toVariables();
    variables.put(InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), "not-an-address");

    Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables))
        .isInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining("customerDomain")
        .hasMessageContaining("customerCountry")
        .hasMessageContaining("globalAdminEmail");
    Map<String, Object> badShapes = request("Adatum", "adatum.onmicrosoft.com", "IT", "it").toVariables();
    badShapes.put(InvitationVariables.ADMIN_ACCESS.getName(), "EVERYTHING");
    badShapes.put(InvitationVariables.GDAP_ROLES.getName(), "Global Reader");
    Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, badShapes))
        .isInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining("adminAccess must be one of [NONE, DAP, GDAP]")
        .hasMessageContaining("gdapRoles must be a JSON array");
    Map<String, Object> badTimers = request("Adatum", "adatum.onmicrosoft.com", "IT", "it").toVariables();
    badTimers.put(InvitationVariables.REMINDER_INTERVAL.getName(), "weekly");
    badTimers.put(InvitationVariables.EXPIRES_AT.getName(), "tomorrow");
    Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, badTimers))
        .isInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining("reminderInterval must be an ISO-8601 duration")
        .hasMessageContaining("expiresAt must be a date");
    Assertions.assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
        .isEqualTo(before);
  }

  @Test
  void secondOpenInvitationForTheSameDomainIsRefused() {
    ProcessInstance first = startAsAgent(request("Adatum Corporation", "adatum.onmicrosoft.com", "IT", "it"));

    Assertions.assertThatThrownBy(
            () -> startAsAgent(request("Adatum Corporation", "ADATUM.onmicrosoft.com", "IT", "it")))
        .isInstanceOf(InvitationAlreadyOpenException.class)
        .hasMessageContaining(first.getId());
  }

  /** Starts as a sales agent would in Tasklist: with engine authorization applied to the agent. */
  private ProcessInstance startAsAgent(InvitationRequest request) {
    return startAs(identityService, runtimeService, AGENT, PROCESS_KEY, request.toVariables());
  }

  private ProcessInstance invitedAndWaiting(InvitationRequest request) {
    ProcessInstance instance = startAsAgent(request);
    runDueJobs(managementService, instance);
    assertThat(instance).isWaitingAt(CALL_ACTIVITY_TRACK_INVITATION);
    assertThat(tracking(instance)).isWaitingAt(TASK_AWAIT_CUSTOMER_ACCEPTANCE);
    return instance;
  }

  /**
   * The customer's Global admin accepts in the sandbox admin center; the sandbox delivers
   * {@code reseller-relationship-accepted-by-customer} to the event inbox, which correlates it by domain.
   */
  private void customerAccepts(String customerTenantId, String userPrincipalName) {
    JsonNode relationship = acceptInSandbox(http, customerTenantId, userPrincipalName);
    Assertions.assertThat(relationship.path("relationshipToPartner").asText()).isEqualTo("reseller");
    Assertions.assertThat(sandboxEvents.deliverDue()).isPositive();
  }

  /** The customer approves the GDAP relationship; the sandbox delivers {@code granular-admin-relationship-approved}. */
  private void customerApprovesGdap(String relationshipId, String userPrincipalName) {
    approveGdapInSandbox(http, relationshipId, userPrincipalName);
    Assertions.assertThat(sandboxEvents.deliverDue()).isPositive();
  }

  private List<Map<String, Object>> mails(ProcessInstance instance) {
    return sentMails.of(instance.getId()).stream()
        .map(mail -> Map.<String, Object>of("template", mail.template(), "recipient", mail.recipient(), "language", mail.language()))
        .toList();
  }

  private String mailHtml(ProcessInstance instance, String template) {
    return sentMails.html(instance.getId(), template);
  }

  /** @return the reason the application shows for the invitation, in English */
  private String reason(ProcessInstance instance) {
    return invitations.find(instance.getId()).reason();
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  private static JsonNode partner(JsonNode tenant, String partnerId) {
    for (JsonNode partner : tenant.path("partners")) {
      if (partnerId.equals(partner.path("partnerId").asText(partner.path("id").asText()))) {
        return partner;
      }
    }
    return null;
  }

}
