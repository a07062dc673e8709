package io.partnerchannel.orchestrator.events;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.BOUNDARY_EVENT_INVITATION_EXPIRED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_INVITATION_EXPIRED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_RELATIONSHIP_ESTABLISHED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.GATEWAY_ACCEPTANCE_RECEIVED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.START_EVENT_LATE_ACCEPTANCE_RECEIVED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_NOTIFY_REQUESTER;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.CALL_ACTIVITY_TRACK_INVITATION;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.TASK_AWAIT_CUSTOMER_ACCEPTANCE;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_AWAIT_GDAP_APPROVAL;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_CREATE_ACCESS_ASSIGNMENTS;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_RECORD_RELATIONSHIP;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_LOOK_UP_CUSTOMER_TENANT;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_SEND_INVITATION_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.partnerchannel.orchestrator.invitation.ResellerRelationshipAcceptedCorrelator;
import io.partnerchannel.orchestrator.invitation.TrackInvitationProcess;
import io.partnerchannel.orchestrator.invitation.GdapRelationshipApprovedCorrelator;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.extension.ExtendWith;
import io.partnerchannel.orchestrator.support.TestSupportExtension;
import io.partnerchannel.orchestrator.support.SentMails;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.contract.ContractFixture;
import io.partnerchannel.orchestrator.partnercenter.sandbox.EventSharedSecret;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Partner Center events, as Microsoft documents their payloads (partner-center-webhook-events fixtures), reach
 * the real {@code ResellerRelationshipInvitation} through {@code POST /api/partner-center/events}: instances
 * are started right before the step under test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
@ExtendWith(TestSupportExtension.class)
class InvitationEventCorrelationTest {

  static final String DOCUMENTED_CUSTOMER = "4b2a6e33-8791-4386-bd2b-0d55baf25039";
  static final String DOCUMENTED_RELATIONSHIP = "5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836";
  static final String DOCUMENTED_CHANGE_DATE = "2023-10-18T00:26:24.0159088+00:00";
  static final String OTHER_DOCUMENTED_CHANGE_DATE = "2018-02-17T00:05:39.5485487+00:00";

  @Autowired MockMvc mvc;
  @Autowired PartnerCenter partnerCenter;
  @Autowired RuntimeService runtimeService;
  @Autowired ProcessEngine processEngine;
  @Autowired PartnerCenterEventInbox inbox;
  SentMails mails;
  @Autowired EventSharedSecret eventSecret;
  @Autowired PlatformTransactionManager transactionManager;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(processEngine);
  }

  /** Delivers a documented webhook payload (partner-center-webhook-events fixture) with its ids replaced. */
  ResultActions deliver(String event, Map<String, String> replacements) throws Exception {
    String body = ContractFixture.load("partner-center/webhook-events/" + event).request().body().toString();
    for (Map.Entry<String, String> replacement : replacements.entrySet()) {
      body = body.replace(replacement.getKey(), replacement.getValue());
    }
    body = body.replace(DOCUMENTED_CHANGE_DATE, Instant.now().toString()).replace(OTHER_DOCUMENTED_CHANGE_DATE, Instant.now().toString());
    return mvc.perform(post("/api/partner-center/events").with(TestUsers.sandboxEvent(eventSecret))
        .contentType(MediaType.APPLICATION_JSON).content(body));
  }

  ResultActions acceptedBy(String tenantId) throws Exception {
    return deliver(ResellerRelationshipAcceptedCorrelator.EVENT_NAME, Map.of(DOCUMENTED_CUSTOMER, tenantId));
  }

  /**
   * An invitation of {@code domain} (a vanity domain, never the customer's Partner Center domain) whose tenant
   * was resolved to {@code tenantId} at start, as it stands right before {@code activityId}.
   */
  ProcessInstance invitationBefore(String activityId, String domain, String tenantId, Map<String, Object> more) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(InvitationVariables.COMPANY_NAME.getName(), "Coho Winery");
    variables.put(InvitationVariables.CUSTOMER_DOMAIN.getName(), domain);
    variables.put(InvitationVariables.CUSTOMER_TENANT_ID.getName(), tenantId);
    variables.put(InvitationVariables.CUSTOMER_LANGUAGE.getName(), "sv");
    variables.put(InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), "admin@" + domain);
    variables.put(InvitationVariables.PARTNER_NAME.getName(), "Northwind Cloud Solutions");
    variables.put(InvitationVariables.ADMIN_ACCESS.getName(), "NONE");
    variables.put(InvitationVariables.INVITATION_URL.getName(), "http://localhost:8080/sandbox/Adminportal/Home?invType=ResellerRelationship"
        + "&partnerId=a1b2c3d4-0000-4000-8000-000000000001&msppId=0&DAP=false#/BillingAccounts/partner-invitation");
    variables.put(InvitationVariables.REMINDER_INTERVAL.getName(), "P7D");
    variables.put(InvitationVariables.EXPIRES_AT.getName(), Date.from(Instant.now().plus(30, ChronoUnit.DAYS)));
    variables.putAll(more);
    return runtimeService.createProcessInstanceByKey(PROCESS_KEY).setVariables(variables).startBeforeActivity(activityId)
        .execute();
  }

  static String uniqueDomain() {
    return "coho-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
  }

  @Test
  void correlatesTheDocumentedAcceptanceByTheTenantIdResolvedAtStartNotByTheTypedDomain() throws Exception {
    String tenantId = UUID.randomUUID().toString();
    ProcessInstance invitation = invitationBefore(CALL_ACTIVITY_TRACK_INVITATION, uniqueDomain(), tenantId, Map.of());
    assertThat(invitation).isWaitingAt(CALL_ACTIVITY_TRACK_INVITATION)
        .calledProcessInstance(TrackInvitationProcess.PROCESS_KEY).isWaitingAt(TASK_AWAIT_CUSTOMER_ACCEPTANCE);
    org.assertj.core.api.Assertions.assertThat(
        BpmnAwareTests.calledProcessInstance(TrackInvitationProcess.PROCESS_KEY, invitation).getBusinessKey()).isEqualTo(tenantId);

    acceptedBy(tenantId)
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("CORRELATED"));

    assertThat(invitation).isWaitingAt(TASK_RECORD_RELATIONSHIP)
        .variables().containsEntry(InvitationVariables.CUSTOMER_TENANT_ID.getName(), tenantId);
    verifyNoInteractions(partnerCenter);
  }

  @Test
  void theStepsAfterAnAcceptanceAreAcquiredBeforeTheStepsOfANewerInvitation() throws Exception {
    ProcessInstance requested = invitationBefore(TASK_LOOK_UP_CUSTOMER_TENANT, uniqueDomain(), null, Map.of());
    String tenantId = UUID.randomUUID().toString();
    ProcessInstance accepted = invitationBefore(CALL_ACTIVITY_TRACK_INVITATION, uniqueDomain(), tenantId, Map.of());
    acceptedBy(tenantId).andExpect(jsonPath("$.status").value("CORRELATED"));
    Job lookUp = processEngine.getManagementService().createJobQuery().processInstanceId(requested.getId()).singleResult();
    Job record = processEngine.getManagementService().createJobQuery().processInstanceId(accepted.getId()).singleResult();
    assertThat(lookUp.getPriority()).isZero();
    assertThat(record.getPriority()).as("camunda:jobPriority of the steps after the acceptance").isEqualTo(10);
    assertThat(record.getDuedate()).as("due after the newer invitation's first step").isAfterOrEqualTo(lookUp.getDuedate());

    // the order the job executor acquires due jobs in (by priority, then due date), one per acquisition; rolled back
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    TransactionTemplate rolledBack = new TransactionTemplate(transactionManager);
    List<String> acquired = rolledBack.execute(tx -> {
      tx.setRollbackOnly();
      List<String> order = new ArrayList<>();
      List<List<String>> batch;
      while (!order.contains(lookUp.getId()) && !(batch = engine.getCommandExecutorTxRequired()
          .execute(new AcquireJobsCmd(engine.getJobExecutor(), 1)).getJobIdBatches()).isEmpty()) {
        batch.forEach(order::addAll);
      }
      return order;
    });
    assertThat(acquired).contains(record.getId(), lookUp.getId());
    assertThat(acquired.indexOf(record.getId())).isLessThan(acquired.indexOf(lookUp.getId()));
    assertThat(((JobEntity) processEngine.getManagementService().createJobQuery().jobId(record.getId()).singleResult())
        .getLockOwner()).as("the acquisition was rolled back").isNull();
  }

  @Test
  void findsTheTrackingInstanceByItsBusinessKeyTheTenantIdWithoutReadingVariables() throws Exception {
    String tenantId = UUID.randomUUID().toString();
    // keyed by the tenant, with no customerTenantId variable: only the business key can find it
    ProcessInstance tracking = runtimeService.createProcessInstanceByKey(TrackInvitationProcess.PROCESS_KEY)
        .businessKey(tenantId).setVariables(trackingVariables()).execute();
    assertThat(tracking).isWaitingAt(TASK_AWAIT_CUSTOMER_ACCEPTANCE);

    acceptedBy(tenantId)
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("CORRELATED"));

    assertThat(tracking).isEnded().hasPassed(TASK_AWAIT_CUSTOMER_ACCEPTANCE);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(tenantId).count())
        .as("no message start event was triggered by the business key").isZero();
  }

  @Test
  void correlatesATrackingInstanceWithoutBusinessKeyStartedByAnEarlierModelByItsTenantVariable() throws Exception {
    String tenantId = UUID.randomUUID().toString();
    Map<String, Object> variables = trackingVariables();
    variables.put(InvitationVariables.CUSTOMER_TENANT_ID.getName(), tenantId);
    ProcessInstance tracking = runtimeService.startProcessInstanceByKey(TrackInvitationProcess.PROCESS_KEY, variables);
    org.assertj.core.api.Assertions.assertThat(tracking.getBusinessKey()).isNull();

    acceptedBy(tenantId)
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("CORRELATED"));

    assertThat(tracking).isEnded().hasPassed(TASK_AWAIT_CUSTOMER_ACCEPTANCE);
  }

  /** What an invitation passes to "Track invitation", without the tenant. */
  private static Map<String, Object> trackingVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("invitationId", UUID.randomUUID().toString());
    variables.put(InvitationVariables.COMPANY_NAME.getName(), "Coho Winery");
    variables.put(InvitationVariables.CUSTOMER_DOMAIN.getName(), uniqueDomain());
    variables.put(InvitationVariables.CUSTOMER_LANGUAGE.getName(), "sv");
    variables.put(InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), "admin@coho.example");
    variables.put(InvitationVariables.REMINDER_INTERVAL.getName(), "P7D");
    variables.put(InvitationVariables.EXPIRES_AT.getName(), Date.from(Instant.now().plus(30, ChronoUnit.DAYS)));
    return variables;
  }

  @Test
  void correlatesTheIndirectResellerAcceptanceEventToo() throws Exception {
    String tenantId = UUID.randomUUID().toString();
    ProcessInstance invitation = invitationBefore(CALL_ACTIVITY_TRACK_INVITATION, uniqueDomain(), tenantId, Map.of());

    deliver(ResellerRelationshipAcceptedCorrelator.INDIRECT_EVENT_NAME, Map.of(DOCUMENTED_CUSTOMER, tenantId))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("CORRELATED"));

    assertThat(invitation).isWaitingAt(TASK_RECORD_RELATIONSHIP);
  }

  @Test
  void correlatesAnAcceptanceThatArrivesBeforeTheInvitationWasSent() throws Exception {
    String domain = uniqueDomain();
    String tenantId = UUID.randomUUID().toString();
    ProcessInstance invitation = invitationBefore(TASK_SEND_INVITATION_EMAIL, domain, tenantId, Map.of());

    String id = JsonPath.read(acceptedBy(tenantId)
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("PENDING"))
        .andReturn().getResponse().getContentAsString(), "$.id");

    execute(job(TASK_SEND_INVITATION_EMAIL, invitation)); // the e-mail is queued, the invitation now waits
    assertThat(invitation).isWaitingAt(CALL_ACTIVITY_TRACK_INVITATION)
        .calledProcessInstance(TrackInvitationProcess.PROCESS_KEY).isWaitingAt(TASK_AWAIT_CUSTOMER_ACCEPTANCE);
    assertThat(mails.to("admin@" + domain)).hasSize(1);
    inbox.correlatePending();

    assertThat(inbox.correlate(id)).isEqualTo(EventStatus.CORRELATED);
    assertThat(invitation).isWaitingAt(TASK_RECORD_RELATIONSHIP)
        .variables().containsEntry(InvitationVariables.CUSTOMER_TENANT_ID.getName(), tenantId);
  }

  @Test
  void anAcceptanceAfterTheFollowUpWindowIsRecordedAndTheRequesterTold() throws Exception {
    String tenantId = UUID.randomUUID().toString();
    String domain = uniqueDomain();
    ProcessInstance invitation = invitationBefore(CALL_ACTIVITY_TRACK_INVITATION, domain, tenantId,
        Map.of(InvitationVariables.REQUESTER.getName(), "late-acceptance-agent"));
    execute(job(BOUNDARY_EVENT_INVITATION_EXPIRED, invitation));
    assertThat(invitation).isEnded().hasPassed(END_EVENT_INVITATION_EXPIRED);

    acceptedBy(tenantId)
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("CORRELATED"));

    ProcessInstance late = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .variableValueEquals(InvitationVariables.CUSTOMER_TENANT_ID.getName(), tenantId).singleResult();
    assertThat(late).hasPassedInOrder(START_EVENT_LATE_ACCEPTANCE_RECEIVED, GATEWAY_ACCEPTANCE_RECEIVED).isWaitingAt(TASK_RECORD_RELATIONSHIP).variables()
        .containsEntry(InvitationVariables.ACCEPTED_LATE.getName(), true)
        .containsEntry(InvitationVariables.CUSTOMER_DOMAIN.getName(), domain)
        .containsEntry(InvitationVariables.REQUESTER.getName(), "late-acceptance-agent");

    when(partnerCenter.getCustomer(tenantId)).thenReturn(Optional.of(PartnerCenterEventInboxTest.customer(tenantId, "coho.onmicrosoft.com")));
    execute(job(TASK_RECORD_RELATIONSHIP, late));
    execute(job(TASK_NOTIFY_REQUESTER, late));
    assertThat(late).isEnded().hasPassedInOrder(TASK_RECORD_RELATIONSHIP, TASK_NOTIFY_REQUESTER, END_EVENT_RELATIONSHIP_ESTABLISHED)
        .variables().containsEntry(InvitationVariables.DELEGATED_ACCESS_GRANTED.getName(), false);

    acceptedBy(tenantId)
        .andExpect(jsonPath("$.status").value("IGNORED"))
        .andExpect(status().isAccepted());
  }

  @Test
  void answersTheDapEventsWithoutResourceUriAndTheAbsoluteDocumentedUris() throws Exception {
    for (String event : List.of("dap-admin-relationship-approved", "dap-admin-relationship-terminated",
        "subscription-updated")) {
      deliver(event, Map.of())
          .andExpect(status().isAccepted())
          .andExpect(jsonPath("$.status").value("IGNORED"));
    }
    // R33: handled by removal.DapTerminatedByMicrosoftCorrelator, which waits for the activity record naming the customer
    deliver("dap-admin-relationship-terminated-by-microsoft", Map.of())
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value(org.hamcrest.Matchers.oneOf("PENDING", "CORRELATED")));
  }

  @Test
  void correlatesGdapApprovalToTheInvitationWaitingForIt() throws Exception {
    String relationshipId = UUID.randomUUID() + "-" + UUID.randomUUID();
    ProcessInstance invitation = invitationBefore(TASK_AWAIT_GDAP_APPROVAL, uniqueDomain(), UUID.randomUUID().toString(), Map.of(
        InvitationVariables.ADMIN_ACCESS.getName(), "GDAP",
        InvitationVariables.GDAP_ROLES.getName(), List.of("729827e3-9c14-49f7-bb1b-9608f156bbb8"),
        InvitationVariables.GDAP_DURATION.getName(), "P730D",
        InvitationVariables.GDAP_RELATIONSHIP_ID.getName(), relationshipId));
    assertThat(invitation).isWaitingAt(TASK_AWAIT_GDAP_APPROVAL);

    deliver(GdapRelationshipApprovedCorrelator.EVENT_NAME, Map.of(DOCUMENTED_RELATIONSHIP, relationshipId))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("CORRELATED"));

    assertThat(invitation).isWaitingAt(TASK_CREATE_ACCESS_ASSIGNMENTS);
  }
}
