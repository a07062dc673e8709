package io.partnerchannel.orchestrator.indirect;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_INVITATION_REFUSED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_DECIDE_ELIGIBILITY;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_LOOK_UP_CUSTOMER_TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.invitation.InvitationTestSupport;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * The application run by the indirect reseller Fourth Coffee IT under the rules of Partner Center operated by
 * 21Vianet (R13): an indirect reseller cannot create its own CSP invitation, through either invitation
 * process; the refusal names its indirect provider, whose invitation it is to forward.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"pco.partner.tenant-id=" + IndirectTestSupport.FOURTH_COFFEE, "pco.partner.cloud=21VIANET"})
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
class IndirectResellerUnder21VianetRulesTest {

  private static final String R13_REASON = "In Partner Center operated by 21Vianet an indirect reseller cannot create its"
      + " own invitation: ask your indirect provider Tailspin Distribution for its invitation and forward that one to"
      + " the customer; the provider holds the reseller relationship.";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired io.partnerchannel.orchestrator.invitation.InvitationService invitationService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;
  RestClient http;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    http = InvitationTestSupport.http(port);
    InvitationTestSupport.deleteRunningInvitations(runtimeService);
  }

  @AfterEach
  void tearDown() {
    InvitationTestSupport.deleteRunningInvitations(runtimeService);
  }

  @Test
  void anIndirectResellersOwnIndirectInvitationIsRefusedAndPointedToItsProvider() {
    ResponseEntity<JsonNode> created = http.post().uri("/api/indirect-invitations").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("companyName", "Relecloud China", "domain", "relecloud.partner.onmschina.cn", "country", "CN",
            "language", "en", "globalAdminEmail", "admin@relecloud.partner.onmschina.cn", "adminAccess", "DAP",
            "route", "DIRECT"))
        .retrieve().toEntity(JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = created.getBody().path("id").asText();
    InvitationTestSupport.runDueJobs(managementService, instance(id));

    JsonNode view = http.get().uri("/api/indirect-invitations/{id}", id).retrieve().body(JsonNode.class);
    assertThat(view.path("status").asText()).isEqualTo("REFUSED");
    assertThat(view.path("reason").asText()).isEqualTo(R13_REASON);
    assertThat(historic(id, InvitationVariables.INITIATOR_TYPE.getName())).isEqualTo("INDIRECT_RESELLER");
    assertThat(historic(id, InvitationVariables.REFUSED_BY_RULE.getName())).isEqualTo("R13");
    assertThat(steps(id)).containsSubsequence(TASK_LOOK_UP_CUSTOMER_TENANT, TASK_DECIDE_ELIGIBILITY, END_EVENT_INVITATION_REFUSED)
        .doesNotContain(IndirectResellerInvitationProcess.TASK_DECIDE_INDIRECT_ELIGIBILITY,
            IndirectResellerInvitationProcess.TASK_GET_INVITATION_LINK);
  }

  @Test
  void anIndirectResellersOwnResellerRelationshipInvitationIsRefusedByTheSameRule() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(ResellerRelationshipInvitationProcess.PROCESS_KEY,
        InvitationTestSupport.request("Bellows College", "bellowscollege.onmicrosoft.com", "PT", "pt").toVariables());
    InvitationTestSupport.runDueJobs(managementService, instance);

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_INVITATION_REFUSED)
        .hasNotPassed(ResellerRelationshipInvitationProcess.TASK_GET_RELATIONSHIP_REQUEST_LINK);
    assertThat(historic(instance.getId(), InvitationVariables.REASON_CODE.getName())).isEqualTo("INDIRECT_RESELLER_CANNOT_INVITE_UNDER_21VIANET");
    assertThat(invitationService.find(instance.getId()).reason()).isEqualTo(R13_REASON);
    assertThat(historic(instance.getId(), InvitationVariables.INDIRECT_PROVIDERS.getName())).isEqualTo("Tailspin Distribution");
  }

  private ProcessInstance instance(String id) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private Object historic(String id, String name) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(id).variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }

  private List<String> steps(String id) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(id)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map(activity -> activity.getActivityId()).toList();
  }
}
