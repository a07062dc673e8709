package io.partnerchannel.orchestrator.events;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_AWAIT_CUSTOMER_ACCEPTANCE;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_AWAIT_GDAP_APPROVAL;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_CREATE_ACCESS_ASSIGNMENTS;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_RECORD_RELATIONSHIP;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_SEND_INVITATION_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.sandbox.EventSharedSecret;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Partner Center events reach the real {@code ResellerRelationshipInvitation} through
 * {@code POST /api/partner-center/events}: instances are started right before the step under test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
class InvitationEventCorrelationTest {

  @Autowired MockMvc mvc;
  @Autowired PartnerCenter partnerCenter;
  @Autowired RuntimeService runtimeService;
  @Autowired ProcessEngine processEngine;
  @Autowired PartnerCenterEventInbox inbox;
  @Autowired JdbcClient jdbc;
  @Autowired EventSharedSecret eventSecret;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(processEngine);
  }

  ResultActions deliver(String eventName, String resourceUri) throws Exception {
    return mvc.perform(post("/api/partner-center/events").with(TestUsers.sandboxEvent(eventSecret)).contentType(MediaType.APPLICATION_JSON).content("""
        {"EventName": "%s", "ResourceUri": "%s", "ResourceName": "customer",
         "AuditUri": "https://api.partnercenter.microsoft.com/v1/auditrecords/%s", "ResourceChangeUtcDate": "%s"}"""
        .formatted(eventName, resourceUri, UUID.randomUUID(), Instant.now())));
  }

  /** An invitation of {@code domain}'s customer as it stands right before {@code activityId}. */
  ProcessInstance invitationBefore(String activityId, String domain, Map<String, Object> more) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(InvitationVariables.COMPANY_NAME, "Coho Winery");
    variables.put(InvitationVariables.CUSTOMER_DOMAIN, domain);
    variables.put(InvitationVariables.CUSTOMER_LANGUAGE, "sv");
    variables.put(InvitationVariables.GLOBAL_ADMIN_EMAIL, "admin@" + domain);
    variables.put(InvitationVariables.PARTNER_NAME, "Northwind Cloud Solutions");
    variables.put(InvitationVariables.ADMIN_ACCESS, "NONE");
    variables.put(InvitationVariables.INVITATION_URL, "http://localhost:8080/sandbox/Adminportal/Home?invType=ResellerRelationship"
        + "&partnerId=a1b2c3d4-0000-4000-8000-000000000001&msppId=0&DAP=false#/BillingAccounts/partner-invitation");
    variables.put(InvitationVariables.REMINDER_INTERVAL, "P7D");
    variables.put(InvitationVariables.EXPIRES_AT, Date.from(Instant.now().plus(30, ChronoUnit.DAYS)));
    variables.putAll(more);
    return runtimeService.createProcessInstanceByKey(PROCESS_KEY).setVariables(variables).startBeforeActivity(activityId)
        .execute();
  }

  String acceptedByCustomer(String domain) {
    String tenantId = UUID.randomUUID().toString();
    when(partnerCenter.getCustomer(tenantId)).thenReturn(Optional.of(PartnerCenterEventInboxTest.customer(tenantId, domain)));
    return tenantId;
  }

  static String uniqueDomain() {
    return "cohowinery-" + UUID.randomUUID().toString().substring(0, 8) + ".onmicrosoft.com";
  }

  @Test
  void correlatesTheCustomersAcceptanceToTheWaitingInvitation() throws Exception {
    String domain = uniqueDomain();
    ProcessInstance invitation = invitationBefore(TASK_AWAIT_CUSTOMER_ACCEPTANCE, domain, Map.of());
    assertThat(invitation).isWaitingAt(TASK_AWAIT_CUSTOMER_ACCEPTANCE);
    String tenantId = acceptedByCustomer(domain);

    deliver(ResellerRelationshipAcceptedCorrelator.EVENT_NAME, "/v1/customers/" + tenantId)
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("CORRELATED"));

    assertThat(invitation).isWaitingAt(TASK_RECORD_RELATIONSHIP)
        .variables().containsEntry(InvitationVariables.CUSTOMER_TENANT_ID, tenantId);
  }

  @Test
  void correlatesAnAcceptanceThatArrivesBeforeTheInvitationWasSent() throws Exception {
    String domain = uniqueDomain();
    ProcessInstance invitation = invitationBefore(TASK_SEND_INVITATION_EMAIL, domain, Map.of());
    String tenantId = acceptedByCustomer(domain);

    String id = JsonPath.read(deliver(ResellerRelationshipAcceptedCorrelator.EVENT_NAME, "/v1/customers/" + tenantId)
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("PENDING"))
        .andReturn().getResponse().getContentAsString(), "$.id");

    execute(job(TASK_SEND_INVITATION_EMAIL, invitation)); // the e-mail is queued, the invitation now waits
    assertThat(invitation).isWaitingAt(TASK_AWAIT_CUSTOMER_ACCEPTANCE);
    assertThat(jdbc.sql("select count(*) from pco_mail_outbox where recipient = ?").param("admin@" + domain)
        .query(Long.class).single()).isEqualTo(1);
    inbox.correlatePending();

    assertThat(inbox.correlate(id)).isEqualTo(EventStatus.CORRELATED);
    assertThat(invitation).isWaitingAt(TASK_RECORD_RELATIONSHIP)
        .variables().containsEntry(InvitationVariables.CUSTOMER_TENANT_ID, tenantId);
  }

  @Test
  void correlatesGdapApprovalToTheInvitationWaitingForIt() throws Exception {
    String relationshipId = UUID.randomUUID() + "-" + UUID.randomUUID();
    ProcessInstance invitation = invitationBefore(TASK_AWAIT_GDAP_APPROVAL, uniqueDomain(), Map.of(
        InvitationVariables.ADMIN_ACCESS, "GDAP",
        InvitationVariables.GDAP_ROLES, List.of("729827e3-9c14-49f7-bb1b-9608f156bbb8"),
        InvitationVariables.GDAP_DURATION, "P730D",
        InvitationVariables.GDAP_RELATIONSHIP_ID, relationshipId));
    assertThat(invitation).isWaitingAt(TASK_AWAIT_GDAP_APPROVAL);

    deliver(GdapRelationshipApprovedCorrelator.EVENT_NAME, "/granularAdminRelationships/" + relationshipId)
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("CORRELATED"));

    assertThat(invitation).isWaitingAt(TASK_CREATE_ACCESS_ASSIGNMENTS);
  }
}
