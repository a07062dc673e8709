package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.deleteRunningInvitations;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.tracking;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.CALL_ACTIVITY_TRACK_INVITATION;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_RECORD_RELATIONSHIP;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.BOUNDARY_EVENT_REMINDER_DUE;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.END_EVENT_INVITATION_ACCEPTED;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.START_EVENT_INVITATION_SENT;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.TASK_AWAIT_CUSTOMER_ACCEPTANCE;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.TASK_EXTEND_INVITATION;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.TASK_FOLLOW_UP_WITH_CUSTOMER;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * {@code TrackInvitation} as its callers use it: what the call activity passes in, where the acceptance is
 * correlated, and what an invitation shows of the called instance (status, steps, incidents). The paths through
 * it (acceptance, reminder and resend with the reminder e-mail filed under the invitation, extension, withdrawal at
 * follow-up, expiry and withdrawal while tracking) run in {@link ResellerRelationshipInvitationProcessTest} and the
 * indirect invitation's test.
 */
@SpringBootTest
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
@Import(ProcessEngineCoverageConfiguration.class)
class TrackInvitationProcessTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired InvitationService invitations;

  @BeforeEach
  void setUp() {
    init(processEngine);
    deleteRunningInvitations(runtimeService);
  }

  @AfterEach
  void tearDown() {
    deleteRunningInvitations(runtimeService);
  }

  /** An invitation whose e-mail went out, entering "Track invitation" with the variables the earlier steps set. */
  ProcessInstance invitationTracking(String tenantId) {
    Map<String, Object> variables = variablesBeforeTracking("track-", tenantId, "tracking-agent");
    ProcessInstance invitation = runtimeService.createProcessInstanceByKey(PROCESS_KEY).setVariables(variables)
        .startBeforeActivity(CALL_ACTIVITY_TRACK_INVITATION).execute();
    assertThat(invitation).isWaitingAt(CALL_ACTIVITY_TRACK_INVITATION);
    return invitation;
  }

  /**
   * @param domainPrefix the start of the customer's fresh domain, e.g. {@code track-}
   * @param tenantId the customer's tenant id
   * @param requester the agent who asked
   * @return the variables an invitation holds once its e-mail went out (what the steps before tracking set)
   */
  static Map<String, Object> variablesBeforeTracking(String domainPrefix, String tenantId, String requester) {
    String domain = domainPrefix + UUID.randomUUID().toString().substring(0, 8) + ".example";
    Map<String, Object> variables = new HashMap<>();
    variables.put(InvitationVariables.COMPANY_NAME.getName(), "Coho Winery");
    variables.put(InvitationVariables.CUSTOMER_DOMAIN.getName(), domain);
    variables.put(InvitationVariables.CUSTOMER_COUNTRY.getName(), "SE");
    variables.put(InvitationVariables.CUSTOMER_TENANT_ID.getName(), tenantId);
    variables.put(InvitationVariables.CUSTOMER_LANGUAGE.getName(), "sv");
    variables.put(InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), "admin@" + domain);
    variables.put(InvitationVariables.PARTNER_NAME.getName(), "Northwind Cloud Solutions");
    variables.put(InvitationVariables.ADMIN_ACCESS.getName(), "NONE");
    variables.put(InvitationVariables.REQUESTER.getName(), requester);
    variables.put(InvitationVariables.INVITATION_URL.getName(), "http://localhost:8080/sandbox/admin-center/Adminportal/Home");
    variables.put(InvitationVariables.REMINDER_INTERVAL.getName(), "P7D");
    variables.put(InvitationVariables.EXPIRES_AT.getName(), Date.from(Instant.now().plus(30, ChronoUnit.DAYS)));
    return variables;
  }

  @Test
  void theCallerPassesWhatTrackingNeedsByNameAndNothingElse() {
    ProcessInstance invitation = invitationTracking(UUID.randomUUID().toString());
    ProcessInstance tracking = tracking(invitation);

    assertThat(tracking).hasPassed(START_EVENT_INVITATION_SENT).isWaitingAt(TASK_AWAIT_CUSTOMER_ACCEPTANCE);
    Assertions.assertThat(tracking.getBusinessKey()).as("the tenant, by which the acceptance is correlated")
        .isEqualTo(runtimeService.getVariable(invitation.getId(), InvitationVariables.CUSTOMER_TENANT_ID.getName()));
    Assertions.assertThat(runtimeService.getVariables(tracking.getId()))
        .containsEntry(TrackInvitationVariables.INVITATION_ID.getName(), invitation.getId())
        .containsEntry(InvitationVariables.REQUESTER.getName(), "tracking-agent")
        .containsEntry(InvitationVariables.REMINDER_INTERVAL.getName(), "P7D")
        .containsEntry(InvitationVariables.EXPIRES_AT.getName(), runtimeService.getVariable(invitation.getId(), InvitationVariables.EXPIRES_AT.getName()))
        .containsKeys(InvitationVariables.CUSTOMER_TENANT_ID.getName(), InvitationVariables.CUSTOMER_DOMAIN.getName(),
            InvitationVariables.COMPANY_NAME.getName(), InvitationVariables.INVITATION_URL.getName())
        .as("what tracking does not read itself stays with the invitation (the reminder e-mail reads it there)")
        .doesNotContainKeys(InvitationVariables.CUSTOMER_COUNTRY.getName(), InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(),
            InvitationVariables.CUSTOMER_LANGUAGE.getName(), InvitationVariables.PARTNER_NAME.getName(),
            InvitationVariables.RESELLER_NAME.getName(), InvitationVariables.MESSAGE.getName(),
            InvitationVariables.ADMIN_ACCESS.getName(), InvitationVariables.GDAP_ROLES.getName(),
            InvitationVariables.GDAP_DURATION.getName(), InvitationVariables.REASON_CODE.getName());
  }

  @Test
  void theAcceptanceIsCorrelatedToTheCalledInstanceByTheTenantAsBusinessKeyAndTheInvitationGoesOn() {
    String tenantId = UUID.randomUUID().toString();
    ProcessInstance invitation = invitationTracking(tenantId);
    ProcessInstance tracking = tracking(invitation);

    runtimeService.createMessageCorrelation(InvitationMessages.INVITATION_ACCEPTED)
        .processInstanceBusinessKey(tenantId)
        .correlateAllWithResult();

    assertThat(tracking).isEnded().hasPassedInOrder(TASK_AWAIT_CUSTOMER_ACCEPTANCE, END_EVENT_INVITATION_ACCEPTED);
    assertThat(invitation).hasPassed(CALL_ACTIVITY_TRACK_INVITATION).isWaitingAt(TASK_RECORD_RELATIONSHIP);
  }

  @Test
  void theInvitationShowsTheCalledInstancesStepsAfterTheCallActivity() {
    ProcessInstance invitation = invitationTracking(UUID.randomUUID().toString());
    ProcessInstance tracking = tracking(invitation);
    execute(job(BOUNDARY_EVENT_REMINDER_DUE, tracking));

    InvitationView view = invitations.find(invitation.getId());

    Assertions.assertThat(view.status()).isEqualTo(InvitationStatus.WAITING_FOR_CUSTOMER);
    Assertions.assertThat(view.steps()).extracting(InvitationView.Step::activityId).containsSubsequence(
        CALL_ACTIVITY_TRACK_INVITATION, START_EVENT_INVITATION_SENT, TASK_AWAIT_CUSTOMER_ACCEPTANCE,
        BOUNDARY_EVENT_REMINDER_DUE, TASK_FOLLOW_UP_WITH_CUSTOMER);
  }

  @Test
  void aStepThatFailsInTheCalledInstanceIsAnIncidentTheInvitationShows() {
    ProcessInstance invitation = invitationTracking(UUID.randomUUID().toString());
    ProcessInstance tracking = tracking(invitation);
    execute(job(BOUNDARY_EVENT_REMINDER_DUE, tracking));
    complete(task(TASK_FOLLOW_UP_WITH_CUSTOMER, tracking),
        withVariables(InvitationVariables.FOLLOW_UP_DECISION.getName(), "EXTEND", InvitationVariables.EXTEND_BY_DAYS.getName(), 14L));
    runtimeService.removeVariable(tracking.getId(), InvitationVariables.EXTEND_BY_DAYS.getName()); // the extension cannot run
    Job extend = job(TASK_EXTEND_INVITATION, tracking);
    for (int attempt = 0; attempt < 6 && runtimeService.createIncidentQuery().processInstanceId(tracking.getId()).count() == 0;
        attempt++) {
      managementService.setJobRetries(extend.getId(), 1); // instead of waiting for the retry cycle
      Assertions.assertThatThrownBy(() -> managementService.executeJob(extend.getId()))
          .hasMessageContaining(InvitationVariables.EXTEND_BY_DAYS.getName());
    }

    InvitationView view = invitations.find(invitation.getId());

    Assertions.assertThat(view.status()).isEqualTo(InvitationStatus.WAITING_FOR_CUSTOMER);
    Assertions.assertThat(view.incident()).isNotNull();
    Assertions.assertThat(view.incident().activityId()).as("the step that failed, in Track invitation")
        .isEqualTo(TASK_EXTEND_INVITATION);
    Assertions.assertThat(view.incident().message()).contains(InvitationVariables.EXTEND_BY_DAYS.getName());
    Assertions.assertThat(view.incident().since()).isNotNull();
  }
}
