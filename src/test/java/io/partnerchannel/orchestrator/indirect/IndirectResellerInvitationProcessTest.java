package io.partnerchannel.orchestrator.indirect;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import io.partnerchannel.orchestrator.invitation.TrackInvitationProcess;
import io.partnerchannel.orchestrator.forms.JsonArrayVariable.Option;
import io.partnerchannel.orchestrator.support.ProcessJobs;
import static io.partnerchannel.orchestrator.indirect.IndirectResellerInvitationProcess.*;
import static io.partnerchannel.orchestrator.indirect.IndirectTestSupport.*;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.BOUNDARY_EVENT_INVITATION_EXPIRED;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.BOUNDARY_EVENT_REMINDER_DUE;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_INVITATION_EXPIRED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_INVITATION_REFUSED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_INVITATION_WITHDRAWN;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_RELATIONSHIP_ESTABLISHED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.GATEWAY_INVITATION_WITHDRAWN;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.GROUP_SALES_AGENTS;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.TASK_AWAIT_CUSTOMER_ACCEPTANCE;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.CALL_ACTIVITY_TRACK_INVITATION;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.tracking;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_DECIDE_ELIGIBILITY;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.TASK_FOLLOW_UP_WITH_CUSTOMER;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_LOOK_UP_CUSTOMER_TENANT;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_NOTIFY_REQUESTER;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_RECORD_RELATIONSHIP;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.TASK_RESEND_INVITATION_EMAIL;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_SEND_INVITATION_EMAIL;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.support.SentMails.SentMail;
import io.partnerchannel.orchestrator.support.SentMails;
import io.partnerchannel.orchestrator.support.SandboxDriver;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.invitation.InvitationMessages;
import io.partnerchannel.orchestrator.invitation.InvitationStatus;
import io.partnerchannel.orchestrator.invitation.InvitationTestSupport;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.nio.charset.StandardCharsets;
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
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/**
 * Every path of {@code IndirectResellerInvitation}, run by the sandbox's indirect provider Tailspin
 * Distribution against the sandbox Partner Center, the mail outbox and the event inbox: customers accept in
 * the sandbox admin center, whose events reach the process through {@code /api/partner-center/events}.
 */
@IndirectProviderTest
class IndirectResellerInvitationProcessTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired PartnerCenter partnerCenter;
  @Autowired IndirectInvitationService invitations;
  SandboxDriver sandbox;
  SentMails mails;
  @LocalServerPort int port;
  RestClient http;

  @BeforeEach
  void setUp() {
    init(processEngine);
    http = InvitationTestSupport.http(port);
    InvitationTestSupport.deleteRunningInvitations(runtimeService);
    createUsers(identityService);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    identityService.clearAuthentication();
    InvitationTestSupport.deleteRunningInvitations(runtimeService);
    sandbox.agreement(WINGTIP, "EUROPE", true);
    sandbox.agreement(WINGTIP, "NORTHAMERICA", null);
  }

  @Test
  void forwardedByTheResellerAndAcceptedTheProviderOwnsTheRelationshipWithTheResellerAssociated() {
    ProcessInstance instance = startAsProvider(request("Bellows College", "bellowscollege.onmicrosoft.com", "PT", "pt",
        IndirectRoute.VIA_RESELLER, FOURTH_COFFEE.toUpperCase()));
    runDueJobs(instance);

    assertThat(instance)
        .isWaitingAt(TASK_FORWARD_INVITATION)
        .hasPassedInOrder(START_EVENT_INDIRECT_INVITATION_REQUESTED, TASK_LOOK_UP_CUSTOMER_TENANT, TASK_DECIDE_ELIGIBILITY,
            GATEWAY_ROUTE_VIA_RESELLER, TASK_CHECK_INDIRECT_RESELLER, TASK_DECIDE_INDIRECT_ELIGIBILITY,
            TASK_GET_INVITATION_LINK, GATEWAY_FORWARD_THROUGH_RESELLER, START_EVENT_INVITATION_WITH_RESELLER)
        .hasNotPassed(TASK_SEND_INVITATION_EMAIL)
        .variables()
        .containsEntry(InvitationVariables.INITIATOR_TYPE.getName(), "INDIRECT_PROVIDER")
        .containsEntry(InvitationVariables.PARTNER_NAME.getName(), "Tailspin Distribution")
        .containsEntry(IndirectInvitationVariables.ROUTE.getName(), "VIA_RESELLER")
        .containsEntry(IndirectInvitationVariables.RESELLER_TENANT_ID.getName(), FOURTH_COFFEE)
        .containsEntry(IndirectInvitationVariables.RESELLER_NAME.getName(), "Fourth Coffee IT")
        .containsEntry(IndirectInvitationVariables.RESELLER_MPN_ID.getName(), "6100003")
        .containsEntry(IndirectInvitationVariables.RESELLER_PARTNERSHIP_STATE.getName(), "Active")
        .containsEntry(IndirectInvitationVariables.RESELLER_AGREEMENT_STATUS.getName(), "SIGNED")
        .containsEntry(InvitationVariables.ELIGIBLE.getName(), true);
    String url = InvitationVariables.INVITATION_URL.from(runtimeService, instance.getId()).getOrNull();
    Assertions.assertThat(url)
        .contains("invType=IndirectResellerRelationship&partnerId=" + TAILSPIN + "&msppId=0&indirectCSPId=" + FOURTH_COFFEE
            + "&DAP=false")
        .endsWith("#/BillingAccounts/partner-invitation");
    Assertions.assertThat(mails.of(instance.getId())).as("nothing goes out before the reseller forwards").isEmpty();
    Assertions.assertThat(invitations.find(instance.getId()).status()).isEqualTo(InvitationStatus.WITH_RESELLER);

    // the reseller's staff see the task in Tasklist, with the link and the customer's details
    assertThat(instance).task(TASK_FORWARD_INVITATION)
        .hasCandidateGroup(IndirectResellerInvitationProcess.resellerGroup(FOURTH_COFFEE))
        .isNotAssigned();
    Task forward = task(TASK_FORWARD_INVITATION, instance);
    Assertions.assertThat(taskService.createTaskQuery().taskCandidateUser(FOURTH_COFFEE_AGENT).list())
        .extracting(Task::getId).contains(forward.getId());
    Assertions.assertThat(taskService.createTaskQuery().taskCandidateUser(WINGTIP_AGENT).list())
        .extracting(Task::getId).doesNotContain(forward.getId());
    Assertions.assertThat(formService.getTaskFormVariables(forward.getId()))
        .containsKeys(InvitationVariables.INVITATION_URL.getName(), InvitationVariables.COMPANY_NAME.getName(),
            InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), InvitationVariables.PARTNER_NAME.getName());
    Assertions.assertThat(formService.getDeployedTaskForm(forward.getId())).asString(StandardCharsets.UTF_8)
        .contains("\"id\": \"Form_ForwardInvitation\"", "\"key\": \"forwardDecision\"", "\"key\": \"invitationUrl\"");

    completeAs(FOURTH_COFFEE_AGENT, forward, Map.of(IndirectInvitationVariables.FORWARD_DECISION.getName(), "FORWARD"));
    runDueJobs(instance);

    assertThat(instance)
        .isWaitingAt(CALL_ACTIVITY_TRACK_INVITATION)
        .hasPassedInOrder(TASK_FORWARD_INVITATION, END_EVENT_FORWARDING_DECIDED, GATEWAY_FORWARD_DECISION,
            GATEWAY_READY_TO_SEND, TASK_SEND_INVITATION_EMAIL)
        .variables().containsEntry(IndirectInvitationVariables.FORWARDED_BY.getName(), FOURTH_COFFEE_AGENT);
    Assertions.assertThat(mails.of(instance.getId())).singleElement().satisfies(mail -> {
      Assertions.assertThat(mail.template()).isEqualTo("invitation");
      Assertions.assertThat(mail.recipient()).isEqualTo("admin@bellowscollege.onmicrosoft.com");
      Assertions.assertThat(mail.subject())
          .isEqualTo("Fourth Coffee IT convida Bellows College para uma relação de revendedor com Tailspin Distribution");
    });
    Assertions.assertThat(invitations.find(instance.getId()).status()).isEqualTo(InvitationStatus.WAITING_FOR_CUSTOMER);
    Assertions.assertThat(BpmnAwareTests.calledProcessInstance(TrackInvitationProcess.PROCESS_KEY, instance).getBusinessKey())
        .as("the acceptance is correlated by the tracking instance's business key").isEqualTo(InvitationTestSupport.BELLOWS);

    // the customer accepts the indirect reseller link: indirect-reseller-relationship-accepted-by-customer
    JsonNode relationship = InvitationTestSupport.acceptInSandbox(http, TAILSPIN, FOURTH_COFFEE,
        InvitationTestSupport.BELLOWS, "admin@bellowscollege.onmicrosoft.com");
    Assertions.assertThat(relationship.path("associatedPartnerId").asText()).isEqualTo(FOURTH_COFFEE);
    Assertions.assertThat(sandbox.deliverEvents()).isPositive();
    runDueJobs(instance);

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(CALL_ACTIVITY_TRACK_INVITATION, TASK_RECORD_RELATIONSHIP, TASK_NOTIFY_REQUESTER,
            GATEWAY_RESELLER_ASSOCIATED, TASK_NOTIFY_RESELLER, END_EVENT_RELATIONSHIP_ESTABLISHED)
        .variables()
        .containsEntry(InvitationVariables.CUSTOMER_TENANT_ID.getName(), InvitationTestSupport.BELLOWS)
        .containsEntry(InvitationVariables.ASSOCIATED_PARTNER_ID.getName(), FOURTH_COFFEE);
    Customer customer = partnerCenter.getCustomer(InvitationTestSupport.BELLOWS).orElseThrow();
    Assertions.assertThat(customer.isReseller()).as("the provider owns the reseller relationship").isTrue();
    Assertions.assertThat(customer.associatedPartnerId()).isEqualTo(FOURTH_COFFEE);
    Assertions.assertThat(mails.of(instance.getId())).extracting(mail -> mail.template() + " " + mail.recipient())
        .containsExactly("invitation admin@bellowscollege.onmicrosoft.com",
            "requester-notification " + PROVIDER_AGENT_EMAIL,
            "reseller-notification " + FOURTH_COFFEE_AGENT_EMAIL);
    IndirectInvitationView view = invitations.find(instance.getId());
    Assertions.assertThat(view.status()).isEqualTo(InvitationStatus.ESTABLISHED);
    Assertions.assertThat(view.reseller()).isEqualTo(new IndirectInvitationView.Reseller(FOURTH_COFFEE, "Fourth Coffee IT"));
    Assertions.assertThat(view.associatedPartnerId()).isEqualTo(FOURTH_COFFEE);
  }

  @Test
  void directRouteSendsThePlainResellerLinkAndTheCustomerBecomesADirectCustomerOfTheProvider() {
    ProcessInstance instance = startAsProvider(request("A. Datum", "datum.onmicrosoft.com", "GB", "en",
        IndirectRoute.DIRECT, null));
    runDueJobs(instance);

    assertThat(instance)
        .isWaitingAt(CALL_ACTIVITY_TRACK_INVITATION)
        .hasPassed(TASK_DECIDE_INDIRECT_ELIGIBILITY, TASK_GET_INVITATION_LINK, TASK_SEND_INVITATION_EMAIL)
        .hasNotPassed(TASK_CHECK_INDIRECT_RESELLER, TASK_FORWARD_INVITATION);
    String url = InvitationVariables.INVITATION_URL.from(runtimeService, instance.getId()).getOrNull();
    Assertions.assertThat(url).contains("invType=ResellerRelationship&partnerId=" + TAILSPIN).doesNotContain("indirectCSPId");
    Assertions.assertThat(mails.of(instance.getId())).singleElement()
        .satisfies(mail -> Assertions.assertThat(mail.subject())
            .isEqualTo("Tailspin Distribution invites A. Datum to a reseller relationship"));

    // the plain link's acceptance raises reseller-relationship-accepted-by-customer, which reaches this process too
    InvitationTestSupport.acceptInSandbox(http, TAILSPIN, null, "c0ffee00-0000-4000-8000-000000000004",
        "admin@datum.onmicrosoft.com");
    Assertions.assertThat(sandbox.deliverEvents()).isPositive();
    runDueJobs(instance);

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(TASK_RECORD_RELATIONSHIP, TASK_NOTIFY_REQUESTER, GATEWAY_RESELLER_ASSOCIATED,
            GATEWAY_NOTIFICATIONS_SENT, END_EVENT_RELATIONSHIP_ESTABLISHED)
        .hasNotPassed(TASK_NOTIFY_RESELLER)
        .variables().containsEntry(InvitationVariables.ASSOCIATED_PARTNER_ID.getName(), null);
    Assertions.assertThat(partnerCenter.getCustomer("c0ffee00-0000-4000-8000-000000000004").orElseThrow().associatedPartnerId())
        .isNull();
    Assertions.assertThat(mails.html(instance.getId(), "requester-notification"))
        .contains("/cases/" + instance.getId());
  }

  @Test
  void declinedInvitationReassignedToAnotherResellerGoesToThatResellersStaff() {
    ProcessInstance instance = withReseller(FOURTH_COFFEE);

    decline(instance, "We do not serve customers in Italy");

    assertThat(instance).isWaitingAt(TASK_REVIEW_DECLINED_INVITATION)
        .hasPassedInOrder(TASK_FORWARD_INVITATION, GATEWAY_FORWARD_DECISION)
        .variables()
        .containsEntry(IndirectInvitationVariables.DECLINE_REASON.getName(), "We do not serve customers in Italy")
        .containsEntry(IndirectInvitationVariables.DECLINED_BY_RESELLER.getName(), FOURTH_COFFEE);
    assertThat(instance).task(TASK_REVIEW_DECLINED_INVITATION)
        .isAssignedTo(PROVIDER_AGENT).hasCandidateGroupAssociated(GROUP_SALES_AGENTS);
    Assertions.assertThat(invitations.find(instance.getId()).status()).isEqualTo(InvitationStatus.DECLINED_BY_RESELLER);
    Task review = task(TASK_REVIEW_DECLINED_INVITATION, instance);
    Assertions.assertThat(formService.getDeployedTaskForm(review.getId())).asString(StandardCharsets.UTF_8)
        .contains("\"id\": \"Form_ReviewDeclinedInvitation\"", "\"valuesKey\": \"resellerOptions\"");
    Assertions.assertThat(IndirectInvitationVariables.RESELLER_OPTIONS.from(runtimeService, instance.getId()))
        .contains(new Option("Wingtip Solutions (Torino, IT)", WINGTIP))
        .noneMatch(option -> option.value().equalsIgnoreCase(FOURTH_COFFEE));
    Assertions.assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of(
            IndirectInvitationVariables.REVIEW_DECISION.getName(), "REASSIGN",
            IndirectInvitationVariables.NEW_RESELLER_TENANT_ID.getName(), FOURTH_COFFEE)))
        .hasMessageContaining(IndirectInvitationVariables.NEW_RESELLER_TENANT_ID.getName());

    complete(review, withVariables(IndirectInvitationVariables.REVIEW_DECISION.getName(), "REASSIGN",
        IndirectInvitationVariables.NEW_RESELLER_TENANT_ID.getName(), WINGTIP));
    runDueJobs(instance);

    assertThat(instance).isWaitingAt(TASK_FORWARD_INVITATION)
        .variables()
        .containsEntry(IndirectInvitationVariables.RESELLER_TENANT_ID.getName(), WINGTIP)
        .containsEntry(IndirectInvitationVariables.RESELLER_NAME.getName(), "Wingtip Solutions");
    assertThat(instance).task(TASK_FORWARD_INVITATION).hasCandidateGroup(IndirectResellerInvitationProcess.resellerGroup(WINGTIP));
    Assertions.assertThat(runtimeService.getVariables(instance.getId()))
        .as("the new reseller's form starts empty").doesNotContainKeys(IndirectInvitationVariables.FORWARD_DECISION.getName());
    Assertions.assertThat(InvitationVariables.INVITATION_URL.from(runtimeService, instance.getId()).getOrNull())
        .contains("indirectCSPId=" + WINGTIP);
    Assertions.assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(TASK_CHECK_INDIRECT_RESELLER).count()).as("the new reseller is checked too").isEqualTo(2);

    completeAs(WINGTIP_AGENT, task(TASK_FORWARD_INVITATION, instance),
        Map.of(IndirectInvitationVariables.FORWARD_DECISION.getName(), "FORWARD"));
    runDueJobs(instance);
    assertThat(instance).isWaitingAt(CALL_ACTIVITY_TRACK_INVITATION);
    Assertions.assertThat(mails.of(instance.getId())).singleElement()
        .satisfies(mail -> Assertions.assertThat(mail.subject()).startsWith("Wingtip Solutions invita Adatum"));
  }

  @Test
  void declinedInvitationSentDirectlyGoesOutInTheProvidersNameWithThePlainLink() {
    ProcessInstance instance = withReseller(FOURTH_COFFEE);
    decline(instance, "Customer prefers to deal with the distributor");

    complete(task(TASK_REVIEW_DECLINED_INVITATION, instance),
        withVariables(IndirectInvitationVariables.REVIEW_DECISION.getName(), "SEND_DIRECTLY"));
    runDueJobs(instance);

    assertThat(instance)
        .isWaitingAt(CALL_ACTIVITY_TRACK_INVITATION)
        .hasPassedInOrder(TASK_REVIEW_DECLINED_INVITATION, GATEWAY_REVIEW_DECISION, GATEWAY_LINK_NEEDED,
            TASK_GET_INVITATION_LINK, GATEWAY_FORWARD_THROUGH_RESELLER, GATEWAY_READY_TO_SEND, TASK_SEND_INVITATION_EMAIL)
        .variables()
        .containsEntry(IndirectInvitationVariables.ROUTE.getName(), "DIRECT")
        .containsEntry(IndirectInvitationVariables.RESELLER_TENANT_ID.getName(), null);
    Assertions.assertThat(InvitationVariables.INVITATION_URL.from(runtimeService, instance.getId()).getOrNull())
        .contains("invType=ResellerRelationship").doesNotContain("indirectCSPId");
    Assertions.assertThat(mails.of(instance.getId())).singleElement()
        .satisfies(mail -> Assertions.assertThat(mail.subject())
            .isEqualTo("Tailspin Distribution invita Adatum Corporation a una relazione di rivenditore"));
    IndirectInvitationView view = invitations.find(instance.getId());
    Assertions.assertThat(view.route()).isEqualTo(IndirectRoute.DIRECT);
    Assertions.assertThat(view.reseller()).isNull();
    Assertions.assertThat(view.declineReason()).isEqualTo("Customer prefers to deal with the distributor");
  }

  @Test
  void declinedInvitationWithdrawnByTheProviderEndsWithTheResellersReason() {
    ProcessInstance instance = withReseller(FOURTH_COFFEE);
    decline(instance, "Customer is in liquidation");

    complete(task(TASK_REVIEW_DECLINED_INVITATION, instance),
        withVariables(IndirectInvitationVariables.REVIEW_DECISION.getName(), "WITHDRAW"));

    assertThat(instance).isEnded().hasPassed(END_EVENT_WITHDRAWN_AFTER_DECLINE).hasNotPassed(TASK_SEND_INVITATION_EMAIL);
    Assertions.assertThat(invitations.find(instance.getId()).status()).isEqualTo(InvitationStatus.WITHDRAWN);
    Assertions.assertThat(invitations.find(instance.getId()).reason()).endsWith(": Customer is in liquidation");
    // Nothing reached the customer; the requesting agent is told the invitation was withdrawn.
    Assertions.assertThat(mails.of(instance.getId())).extracting(SentMail::template)
        .containsOnly("requester-notification");
  }

  @Test
  void declineWithoutAReasonIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance instance = withReseller(FOURTH_COFFEE);
    Task forward = task(TASK_FORWARD_INVITATION, instance);

    Assertions.assertThatThrownBy(() -> taskService.complete(forward.getId(),
            Map.of(IndirectInvitationVariables.FORWARD_DECISION.getName(), "DECLINE", IndirectInvitationVariables.DECLINE_REASON.getName(), " ")))
        .hasMessageContaining(IndirectInvitationVariables.DECLINE_REASON.getName());
    Assertions.assertThatThrownBy(() -> taskService.complete(forward.getId(),
            Map.of(IndirectInvitationVariables.FORWARD_DECISION.getName(), "LATER")))
        .hasMessageContaining("FORWARD");
    assertThat(instance).isWaitingAt(TASK_FORWARD_INVITATION);
  }

  @ParameterizedTest(name = "{1}: {3}")
  @CsvSource(delimiter = '|', textBlock = """
      EUROPE       | 2203 | false | has not signed the Microsoft Partner Agreement for the region of Tailspin Distribution (error 2203)
      NORTHAMERICA | 2201 | true  | does not match the region of Tailspin Distribution (error 2201)
      """)
  void resellerWithoutASignedMpaForTheRegionIsRefused(String region, String code, boolean signed, String reason) {
    sandbox.agreement(WINGTIP, "EUROPE", null);
    sandbox.agreement(WINGTIP, region, signed);

    ProcessInstance instance = startAsProvider(request("Adatum Corporation", "adatum.onmicrosoft.com", "IT", "it",
        IndirectRoute.VIA_RESELLER, WINGTIP));
    runDueJobs(instance);

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(TASK_CHECK_INDIRECT_RESELLER, TASK_DECIDE_INDIRECT_ELIGIBILITY, GATEWAY_INVITATION_REFUSED,
            END_EVENT_INVITATION_REFUSED)
        .hasNotPassed(TASK_GET_INVITATION_LINK, TASK_FORWARD_INVITATION)
        .variables()
        .containsEntry(IndirectInvitationVariables.RESELLER_AGREEMENT_STATUS.getName(), code)
        .containsEntry(InvitationVariables.ELIGIBLE.getName(), false)
        .containsEntry(InvitationVariables.REFUSED_BY_RULE.getName(), "R16");
    Assertions.assertThat(invitations.find(instance.getId()).reason()).contains("Wingtip Solutions", reason);
  }

  @Test
  void resellerWithoutAnActivePartnershipWithTheProviderIsRefused() {
    ProcessInstance instance = startAsProvider(request("Adatum Corporation", "adatum.onmicrosoft.com", "IT", "it",
        IndirectRoute.VIA_RESELLER, InvitationTestSupport.LITWARE));
    runDueJobs(instance);

    assertThat(instance).isEnded().hasPassed(END_EVENT_INVITATION_REFUSED).variables()
        .containsEntry(IndirectInvitationVariables.RESELLER_PARTNERSHIP_STATE.getName(), "NONE")
        .containsEntry(IndirectInvitationVariables.RESELLER_AGREEMENT_STATUS.getName(), "NOT_CHECKED")
        .containsEntry(InvitationVariables.REFUSED_BY_RULE.getName(), "R15");
    Assertions.assertThat(invitations.find(instance.getId()).reason())
        .contains(InvitationTestSupport.LITWARE, "not an indirect reseller in an active partnership with Tailspin Distribution");
  }

  @Test
  void forwardingOverdueGivesTheProviderAFollowUpTaskThatEndsWhenTheResellerForwards() {
    ProcessInstance instance = withReseller(FOURTH_COFFEE);
    Job overdue = job(BOUNDARY_EVENT_FORWARDING_OVERDUE, instance);
    Assertions.assertThat(overdue.getDuedate()).isAfter(ClockUtil.getCurrentTime());

    execute(overdue);

    assertThat(instance).isWaitingAt(TASK_FORWARD_INVITATION, TASK_FOLLOW_UP_WITH_RESELLER);
    assertThat(instance).task(TASK_FOLLOW_UP_WITH_RESELLER).isAssignedTo(PROVIDER_AGENT)
        .hasCandidateGroupAssociated(GROUP_SALES_AGENTS);
    Task followUp = task(TASK_FOLLOW_UP_WITH_RESELLER, instance);
    Assertions.assertThat(formService.getTaskFormVariables(followUp.getId()))
        .containsKeys(IndirectInvitationVariables.RESELLER_NAME.getName(), InvitationVariables.COMPANY_NAME.getName());
    Assertions.assertThat(job(BOUNDARY_EVENT_FORWARDING_OVERDUE, instance)).as("the next escalation").isNotNull();
    Assertions.assertThat(invitations.find(instance.getId()).status()).isEqualTo(InvitationStatus.WITH_RESELLER);

    completeAs(FOURTH_COFFEE_AGENT, task(TASK_FORWARD_INVITATION, instance),
        Map.of(IndirectInvitationVariables.FORWARD_DECISION.getName(), "FORWARD"));
    runDueJobs(instance);

    assertThat(instance).isWaitingAt(CALL_ACTIVITY_TRACK_INVITATION).hasNotPassed(END_EVENT_RESELLER_FOLLOWED_UP);
    Assertions.assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count())
        .as("the provider's follow-up ends with the forwarding").isZero();
  }

  @Test
  void withdrawalWhileTheResellerHasTheInvitationEndsItWithdrawn() {
    ProcessInstance instance = withReseller(FOURTH_COFFEE);

    IndirectInvitationView view = invitations.withdraw(instance.getId(), "Customer signed with someone else", PROVIDER_AGENT);

    assertThat(instance).isEnded()
        .hasPassedInOrder(BOUNDARY_EVENT_WITHDRAWN_WHILE_FORWARDING, GATEWAY_INVITATION_WITHDRAWN, END_EVENT_INVITATION_WITHDRAWN);
    Assertions.assertThat(view.status()).isEqualTo(InvitationStatus.WITHDRAWN);
    Assertions.assertThat(view.reason()).isEqualTo("Withdrawn by " + PROVIDER_AGENT + ": Customer signed with someone else");
    Assertions.assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void reminderResendsTheInvitationInTheResellersNameAndTheInvitationExpires() {
    ProcessInstance instance = withReseller(FOURTH_COFFEE);
    completeAs(FOURTH_COFFEE_AGENT, task(TASK_FORWARD_INVITATION, instance),
        Map.of(IndirectInvitationVariables.FORWARD_DECISION.getName(), "FORWARD"));
    runDueJobs(instance);

    ProcessInstance tracking = tracking(instance);
    execute(job(BOUNDARY_EVENT_REMINDER_DUE, tracking));
    assertThat(tracking).task(TASK_FOLLOW_UP_WITH_CUSTOMER).isAssignedTo(PROVIDER_AGENT);
    complete(task(TASK_FOLLOW_UP_WITH_CUSTOMER, tracking),
        withVariables(InvitationVariables.FOLLOW_UP_DECISION.getName(), "RESEND"));
    runDueJobs(instance);
    assertThat(tracking).hasPassed(TASK_RESEND_INVITATION_EMAIL).isWaitingAt(TASK_AWAIT_CUSTOMER_ACCEPTANCE);
    assertThat(instance).isWaitingAt(CALL_ACTIVITY_TRACK_INVITATION);
    Assertions.assertThat(mails.of(instance.getId())).extracting(SentMail::subject)
        .contains("Promemoria: Fourth Coffee IT invita Adatum Corporation a una relazione di rivenditore con Tailspin Distribution");

    Job expiry = job(BOUNDARY_EVENT_INVITATION_EXPIRED, instance);
    ClockUtil.setCurrentTime(new Date(expiry.getDuedate().getTime() + 1000));
    runDueJobs(instance);

    assertThat(instance).isEnded().hasPassed(END_EVENT_INVITATION_EXPIRED).hasNotPassed(TASK_RECORD_RELATIONSHIP);
    Assertions.assertThat(invitations.find(instance.getId()).status()).isEqualTo(InvitationStatus.EXPIRED);
    Assertions.assertThat(invitations.find(instance.getId()).reason()).contains("did not accept");
  }

  @Test
  void gdapIsNotRequestedByAnIndirectInvitationAndAStartWithoutItsResellerStartsNothing() {
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
    Map<String, Object> variables = InvitationTestSupport.withGdap(
        InvitationTestSupport.request("Adatum", "adatum.onmicrosoft.com", "IT", "it"), InvitationTestSupport.GLOBAL_READER)
        .toVariables();
    variables.put(IndirectInvitationVariables.ROUTE.getName(), "VIA_RESELLER");

    Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables))
        .isInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining("adminAccess must be NONE or DAP")
        .hasMessageContaining("resellerTenantId must name one of the provider's indirect resellers");
    variables.put(IndirectInvitationVariables.ROUTE.getName(), "SOMEHOW");
    Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables))
        .isInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining("route must be one of [DIRECT, VIA_RESELLER]");
    Assertions.assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
        .isEqualTo(before);
  }

  @Test
  void startFormSubmissionIsNormalisedAndChecked() {
    String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult().getId();
    Assertions.assertThat(formService.getDeployedStartForm(definitionId)).asString(StandardCharsets.UTF_8)
        .contains("\"id\": \"Form_RequestIndirectInvitation\"", "\"key\": \"route\"", "\"key\": \"resellerTenantId\"");
    Map<String, Object> submitted = Variables.createVariables()
        .putValue(InvitationVariables.COMPANY_NAME.getName(), "Fabrikam")
        .putValue(InvitationVariables.CUSTOMER_DOMAIN.getName(), "Fabrikam.onmicrosoft.com")
        .putValue(InvitationVariables.CUSTOMER_COUNTRY.getName(), "de")
        .putValue(InvitationVariables.CUSTOMER_LANGUAGE.getName(), "en")
        .putValue(InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), "admin@fabrikam.onmicrosoft.com")
        .putValue(InvitationVariables.ADMIN_ACCESS.getName(), "NONE")
        .putValue(IndirectInvitationVariables.ROUTE.getName(), "VIA_RESELLER")
        .putValue(IndirectInvitationVariables.RESELLER_TENANT_ID.getName(), WINGTIP.toUpperCase());

    InvitationTestSupport.authenticate(identityService, PROVIDER_AGENT);
    ProcessInstance instance = formService.submitStartForm(definitionId, submitted);
    identityService.clearAuthentication();

    assertThat(instance).isStarted().hasBusinessKey("fabrikam.onmicrosoft.com").variables()
        .containsEntry(IndirectInvitationVariables.RESELLER_TENANT_ID.getName(), WINGTIP)
        .containsEntry(InvitationVariables.REQUESTER.getName(), PROVIDER_AGENT)
        .containsEntry(InvitationVariables.REMINDER_INTERVAL.getName(), "P7D");

    submitted.put(InvitationVariables.CUSTOMER_DOMAIN.getName(), "datum.onmicrosoft.com");
    submitted.put(IndirectInvitationVariables.ROUTE.getName(), "DIRECT");
    Assertions.assertThatThrownBy(() -> formService.submitStartForm(definitionId, submitted))
        .isInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining("resellerTenantId must be empty when route is DIRECT");
  }

  @Test
  void anOpenInvitationInEitherProcessBlocksASecondOneForTheSameDomain() {
    ProcessInstance first = startAsProvider(request("Adatum Corporation", "adatum.onmicrosoft.com", "IT", "it",
        IndirectRoute.DIRECT, null));

    Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(
            io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY,
            InvitationTestSupport.request("Adatum Corporation", "ADATUM.onmicrosoft.com", "IT", "it").toVariables()))
        .hasMessageContaining(first.getId());
  }

  @Test
  void acceptanceCorrelatedBeforeTheResellerForwardsWaitsInTheInbox() {
    ProcessInstance instance = withReseller(FOURTH_COFFEE);

    runtimeService.createMessageCorrelation(InvitationMessages.INVITATION_ACCEPTED)
        .processInstanceId(instance.getId())
        .correlateAll();

    assertThat(instance).as("no acceptance before the invitation went out").isWaitingAt(TASK_FORWARD_INVITATION);
  }

  private ProcessInstance startAsProvider(IndirectInvitationRequest request) {
    return InvitationTestSupport.startAs(identityService, runtimeService, PROVIDER_AGENT, PROCESS_KEY, request.toVariables());
  }

  /** Adatum's invitation, waiting at the given reseller's forwarding task. */
  private ProcessInstance withReseller(String resellerTenantId) {
    ProcessInstance instance = startAsProvider(request("Adatum Corporation", "adatum.onmicrosoft.com", "IT", "it",
        IndirectRoute.VIA_RESELLER, resellerTenantId));
    runDueJobs(instance);
    assertThat(instance).isWaitingAt(TASK_FORWARD_INVITATION);
    return instance;
  }

  private void decline(ProcessInstance instance, String reason) {
    completeAs(FOURTH_COFFEE_AGENT, task(TASK_FORWARD_INVITATION, instance), Map.of(
        IndirectInvitationVariables.FORWARD_DECISION.getName(), "DECLINE", IndirectInvitationVariables.DECLINE_REASON.getName(), reason));
  }

  private void completeAs(String userId, Task task, Map<String, Object> variables) {
    InvitationTestSupport.authenticate(identityService, userId);
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void runDueJobs(ProcessInstance instance) {
    ProcessJobs.runDueJobs(managementService, instance);
  }
}
