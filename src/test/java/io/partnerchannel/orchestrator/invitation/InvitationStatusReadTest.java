package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.authenticate;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.deleteRunningInvitations;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.CALL_ACTIVITY_TRACK_INVITATION;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_INVITATION_WITHDRAWN;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_LOOK_UP_CUSTOMER_TENANT;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_RECORD_RELATIONSHIP;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.TASK_AWAIT_CUSTOMER_ACCEPTANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.partnerchannel.orchestrator.invitation.InvitationView.Step;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.security.AuthorizationDecisions;
import io.partnerchannel.orchestrator.security.PartnerRoles;
import io.partnerchannel.orchestrator.security.ResellerTenantIdProvider;
import io.partnerchannel.orchestrator.support.TestUsers;
import io.partnerchannel.orchestrator.web.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A status read ({@link InvitationService#find}, {@link InvitationInstances#read}) is one engine command whose
 * reads after the first run without authorization checks: it answers exactly what the former six engine commands
 * under the caller's authorization answered (the {@link #formerRead oracle} below), at each wait state; a caller
 * who may not see an invitation (no READ_HISTORY, another reseller's tenant) still does not find it, one who may
 * read its history but not the running instance is still refused; an instance that ends between the reads
 * answers its end event.
 */
@SpringBootTest
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
@Import(ProcessEngineCoverageConfiguration.class)
class InvitationStatusReadTest {

  /** MyBatis logs each statement at DEBUG under its mapper statement id, below this logger. */
  private static final String STATEMENTS = "org.camunda.bpm.engine.impl.persistence.entity";

  @Autowired ProcessEngine processEngine;
  @Autowired AuthorizationDecisions decisions;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired InvitationService invitations;
  @Autowired InvitationInstances instances;
  @Autowired InvitationReasons reasons;
  private final List<String> grants = new ArrayList<>();

  @BeforeEach
  void setUp() {
    deleteRunningInvitations(runtimeService);
  }

  @AfterEach
  void tearDown() {
    identityService.clearAuthentication();
    grants.forEach(authorizationService::deleteAuthorization);
    deleteRunningInvitations(runtimeService);
  }

  /** An invitation whose e-mail went out, waiting in "Track invitation" (as in {@link TrackInvitationProcessTest}). */
  private ProcessInstance invitationTracking(String tenantId, String owningReseller) {
    return invitationBefore(CALL_ACTIVITY_TRACK_INVITATION, tenantId, owningReseller);
  }

  private ProcessInstance invitationBefore(String activityId, String tenantId, String owningReseller) {
    Map<String, Object> variables =
        TrackInvitationProcessTest.variablesBeforeTracking("read-", tenantId, TestUsers.SALES_AGENT);
    if (owningReseller != null) {
      variables.put(ResellerTenantIdProvider.RESELLER_TENANT_ID, owningReseller);
    }
    return runtimeService.createProcessInstanceByKey(PROCESS_KEY).setVariables(variables)
        .startBeforeActivity(activityId).execute();
  }

  @Test
  void answersWhatTheFormerReadsAnsweredAtEachWaitState() {
    // a pending async continuation: a job before the activity, no historic activity yet
    String requested = invitationBefore(TASK_LOOK_UP_CUSTOMER_TENANT, UUID.randomUUID().toString(), null).getId();
    assertThat(managementService.createJobQuery().processInstanceId(requested).activityId(TASK_LOOK_UP_CUSTOMER_TENANT)
        .count()).isEqualTo(1);
    assertSameAsFormerRead(requested, InvitationStatus.REQUESTED);

    String tenantId = UUID.randomUUID().toString();
    ProcessInstance invitation = invitationTracking(tenantId, null);
    assertSameAsFormerRead(invitation.getId(), InvitationStatus.WAITING_FOR_CUSTOMER);

    // an incident in the called instance: the engine raises it on the call activity too, the read shows the cause
    ProcessInstance tracked =
        runtimeService.createProcessInstanceQuery().superProcessInstanceId(invitation.getId()).singleResult();
    String waiting = runtimeService.createExecutionQuery().processInstanceId(tracked.getId())
        .activityId(TASK_AWAIT_CUSTOMER_ACCEPTANCE).singleResult().getId();
    runtimeService.createIncident("statusReadProbe", waiting, "probe", "The probe failed");
    InvitationView withIncident = assertSameAsFormerRead(invitation.getId(), InvitationStatus.WAITING_FOR_CUSTOMER);
    assertThat(withIncident.incident()).isNotNull();
    assertThat(withIncident.incident().activityId()).isEqualTo(TASK_AWAIT_CUSTOMER_ACCEPTANCE);
    assertThat(withIncident.incident().message()).isEqualTo("The probe failed");
    runtimeService.createIncidentQuery().processInstanceId(tracked.getId()).list()
        .forEach(incident -> runtimeService.resolveIncident(incident.getId()));

    runtimeService.createMessageCorrelation(InvitationMessages.INVITATION_ACCEPTED)
        .processInstanceVariableEquals(InvitationVariables.CUSTOMER_TENANT_ID.getName(), tenantId)
        .correlateAllWithResult();
    assertThat(managementService.createJobQuery().processInstanceId(invitation.getId()).activityId(TASK_RECORD_RELATIONSHIP)
        .count()).as("accepted, the next step waits as a job").isEqualTo(1);
    assertSameAsFormerRead(invitation.getId(), InvitationStatus.ESTABLISHED);

    ProcessInstance withdrawn = invitationTracking(UUID.randomUUID().toString(), null);
    withdraw(withdrawn.getId());
    InvitationView ended = assertSameAsFormerRead(withdrawn.getId(), InvitationStatus.WITHDRAWN);
    assertThat(ended.reason()).contains("probe withdrawal");
    assertThat(ended.incident()).isNull();
  }

  @Test
  void readsAfterTheFirstCheckNoAuthorizationAndTheReadCostsFewerStatements() {
    ProcessInstance invitation = invitationTracking(UUID.randomUUID().toString(), null);

    decisions.clear();
    List<ILoggingEvent> now = statementsOf(() -> asSalesAgent(() -> invitations.find(invitation.getId())));
    List<ILoggingEvent> again = statementsOf(() -> asSalesAgent(() -> invitations.find(invitation.getId())));
    List<ILoggingEvent> before = statementsOf(() -> asSalesAgent(() -> formerRead(invitation.getId())));

    assertThat(statementIds(now)).as("the reads ran and were seen")
        .anyMatch(id -> id.startsWith("HistoricVariableInstanceEntity."))
        .anyMatch(id -> id.startsWith("HistoricActivityInstanceEntity."))
        .anyMatch(id -> id.startsWith("ExecutionEntity."));
    assertThat(statementIds(now)).as("the instance is read by its id, not by the historic query's dynamic SQL")
        .contains("HistoricProcessInstanceEntity.selectHistoricProcessInstance")
        .doesNotContain("HistoricProcessInstanceEntity.selectHistoricProcessInstancesByQueryCriteria");
    assertThat(statementIds(now)).as("steps of the invitation and the instance it called: one static query by root")
        .containsOnlyOnce("HistoricActivityInstanceEntity.selectHistoricActivityInstanceByNativeQuery")
        .contains("HistoricVariableInstanceEntity.selectHistoricVariableInstanceByNativeQuery")
        .noneMatch(id -> id.equals("HistoricActivityInstanceEntity.selectHistoricActivityInstancesByQueryCriteria"));
    assertThat(statementIds(authorized(now))).as("only the engine's permission checks consult grants")
        .allMatch(id -> id.startsWith("AuthorizationEntity."))
        .filteredOn("AuthorizationEntity.isUserAuthorizedForResource"::equals)
        .as("two: READ_HISTORY, then READ or READ_INSTANCE of the running instance").hasSize(2);
    assertThat(statementIds(again)).as("polled again: both grants reused (AuthorizationDecisions)")
        .doesNotContain("AuthorizationEntity.isUserAuthorizedForResource")
        .contains("HistoricProcessInstanceEntity.selectHistoricProcessInstance");
    assertThat(statementIds(authorized(before))).as("the former reads checked every query")
        .anyMatch(id -> id.startsWith("HistoricVariableInstanceEntity."));
    assertThat(authorized(now)).hasSizeLessThan(authorized(before).size());
    assertThat(now).hasSizeLessThan(before.size());
  }

  @Test
  void whoMayNotSeeAnInvitationStillDoesNotFindIt() {
    ProcessInstance ours = invitationTracking(UUID.randomUUID().toString(), null);
    ProcessInstance fourthCoffees = invitationTracking(UUID.randomUUID().toString(), TestUsers.FOURTH_COFFEE);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(fourthCoffees.getId())
        .singleResult().getTenantId()).isEqualTo(TestUsers.FOURTH_COFFEE);

    assertNotFoundBy(TestUsers.BUSINESS_ANALYST, ours.getId());
    assertNotFoundBy(TestUsers.WINGTIP_STAFF, ours.getId());
    assertNotFoundBy(TestUsers.FOURTH_COFFEE_STAFF, fourthCoffees.getId());

    // Both resellers' staff may now read the process's history and instances: the tenant still hides it from Wingtip.
    for (String tenant : List.of(TestUsers.FOURTH_COFFEE, TestUsers.WINGTIP)) {
      grant(PartnerRoles.resellerGroup(tenant), Permissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE);
    }
    assertNotFoundBy(TestUsers.WINGTIP_STAFF, fourthCoffees.getId());
    assertThat(readAs(TestUsers.FOURTH_COFFEE_STAFF, () -> invitations.find(fourthCoffees.getId())).status())
        .as("the grant works within the tenant").isEqualTo(InvitationStatus.WAITING_FOR_CUSTOMER);
  }

  @Test
  void whoMayReadTheHistoryButNotTheRunningInstanceIsStillRefused() {
    ProcessInstance fourthCoffees = invitationTracking(UUID.randomUUID().toString(), TestUsers.FOURTH_COFFEE);
    grant(PartnerRoles.resellerGroup(TestUsers.FOURTH_COFFEE), Permissions.READ_HISTORY);

    readAs(TestUsers.FOURTH_COFFEE_STAFF, () -> {
      assertThatThrownBy(() -> invitations.find(fourthCoffees.getId())).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> formerRead(fourthCoffees.getId())).as("as before")
          .isInstanceOf(AuthorizationException.class);
      return null;
    });
    withdraw(fourthCoffees.getId());
    assertThat(readAs(TestUsers.FOURTH_COFFEE_STAFF, () -> invitations.find(fourthCoffees.getId())).status())
        .as("an ended one is history only, as before").isEqualTo(InvitationStatus.WITHDRAWN);
  }

  @Test
  void readsOnlyTheVariablesItIsAskedFor() {
    ProcessInstance invitation = invitationTracking(UUID.randomUUID().toString(), null);

    InvitationInstances.InstanceRead read = asSalesAgent(() -> instances.read(invitation.getId(),
        PROCESS_KEY,
        List.of(InvitationVariables.CUSTOMER_DOMAIN.getName(), InvitationVariables.REASON.getName()))).orElseThrow();

    assertThat(runtimeService.getVariables(invitation.getId())).as("the invitation holds more")
        .containsKeys(InvitationVariables.COMPANY_NAME.getName(), InvitationVariables.GLOBAL_ADMIN_EMAIL.getName());
    assertThat(read.variables()).as("an absent one is not answered").containsOnlyKeys(
        InvitationVariables.CUSTOMER_DOMAIN.getName());
    assertThat(read.running()).isTrue();
  }

  @Test
  void anInstanceThatEndsBetweenTheReadsAnswersItsEndEvent() {
    ProcessInstance invitation = invitationTracking(UUID.randomUUID().toString(), null);
    HistoricProcessInstance beforeItEnded =
        historyService.createHistoricProcessInstanceQuery().processInstanceId(invitation.getId()).singleResult();
    assertThat(beforeItEnded.getEndTime()).isNull();

    withdraw(invitation.getId());
    InvitationInstances.InstanceRead read = asSalesAgent(
        () -> instances.readAfter(beforeItEnded, List.of(InvitationVariables.REASON.getName()))).orElseThrow();

    assertThat(read.running()).isFalse();
    assertThat(read.endActivityId()).isEqualTo(END_EVENT_INVITATION_WITHDRAWN);
    assertThat(read.incident()).isNull();
    assertThat(read.steps()).extracting(Step::activityId).contains(END_EVENT_INVITATION_WITHDRAWN);
  }

  private void withdraw(String id) {
    runtimeService.createMessageCorrelation(InvitationMessages.INVITATION_WITHDRAWN).processInstanceId(id)
        .setVariable(InvitationVariables.REASON.getName(), "Withdrawn: probe withdrawal.")
        .setVariable(InvitationVariables.REASON_CODE.getName(), null)
        .correlateWithResult();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getEndTime())
        .isNotNull();
  }

  private void grant(String groupId, org.camunda.bpm.engine.authorization.Permission... permissions) {
    Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(Resources.PROCESS_DEFINITION);
    authorization.setResourceId(PROCESS_KEY);
    for (org.camunda.bpm.engine.authorization.Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    grants.add(authorizationService.saveAuthorization(authorization).getId());
  }

  private void assertNotFoundBy(String userId, String id) {
    readAs(userId, () -> {
      assertThatThrownBy(() -> invitations.find(id)).as(userId).isInstanceOf(ResourceNotFoundException.class);
      assertThatThrownBy(() -> formerRead(id)).as(userId + ", as before").isInstanceOf(ResourceNotFoundException.class);
      return null;
    });
  }

  private InvitationView assertSameAsFormerRead(String id, InvitationStatus status) {
    InvitationView now = asSalesAgent(() -> invitations.find(id));
    assertThat(now).isEqualTo(asSalesAgent(() -> formerRead(id)));
    assertThat(now.status()).isEqualTo(status);
    return now;
  }

  private <T> T asSalesAgent(Supplier<T> read) {
    return readAs(TestUsers.SALES_AGENT, read);
  }

  /** Runs {@code read} signed in to the engine as {@code userId}, signed out afterwards. */
  private <T> T readAs(String userId, Supplier<T> read) {
    authenticate(identityService, userId);
    try {
      return read.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private List<ILoggingEvent> statementsOf(Runnable read) {
    Logger logger = (Logger) LoggerFactory.getLogger(STATEMENTS);
    Level level = logger.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
    try {
      read.run();
    } finally {
      logger.setLevel(level);
      logger.detachAppender(appender);
    }
    String thread = Thread.currentThread().getName();
    return appender.list.stream()
        .filter(event -> thread.equals(event.getThreadName()) && event.getFormattedMessage().startsWith("==>  Preparing:"))
        .toList();
  }

  private static List<ILoggingEvent> authorized(List<ILoggingEvent> statements) {
    return statements.stream()
        .filter(event -> event.getFormattedMessage().toUpperCase(Locale.ROOT).contains("ACT_RU_AUTHORIZATION"))
        .toList();
  }

  private static List<String> statementIds(List<ILoggingEvent> statements) {
    return statements.stream().map(event -> event.getLoggerName().substring(STATEMENTS.length() + 1)).toList();
  }

  /**
   * The oracle: the status read as it was before it became one command (six engine commands under the caller's
   * authorization: history, variables, activity instance tree, steps, incident, end event).
   */
  private InvitationView formerRead(String id) {
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(id)
        .processDefinitionKey(PROCESS_KEY).singleResult();
    if (instance == null) {
      throw new ResourceNotFoundException("No invitation with id " + id);
    }
    VariableMap variables = Variables.createVariables();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery().processInstanceId(id)
        .disableCustomObjectDeserialization().list()) {
      if (id.equals(variable.getActivityInstanceId()) || !variables.containsKey(variable.getName())) {
        variables.put(variable.getName(), variable.getValue());
      }
    }
    AdminAccess adminAccess = InvitationVariables.ADMIN_ACCESS.from(variables).getOptional().map(AdminAccess::valueOf)
        .orElse(AdminAccess.NONE);
    ActivityInstance tree = instance.getEndTime() == null ? runtimeService.getActivityInstance(id) : null;
    InvitationStatus status;
    if (tree == null) {
      HistoricProcessInstance ended = instance.getEndTime() != null ? instance
          : historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
      status = InvitationStatus.ofEnded(ended.getEndActivityId());
    } else {
      List<String> active = new ArrayList<>();
      collect(tree, active);
      status = InvitationStatus.ofRunning(active, adminAccess);
    }
    InvitationView.Incident incident = null;
    if (instance.getEndTime() == null) {
      for (Incident found : runtimeService.createIncidentQuery().processInstanceId(id).orderByIncidentTimestamp().asc()
          .listPage(0, 1)) {
        Incident cause = found.getRootCauseIncidentId() == null || found.getRootCauseIncidentId().equals(found.getId())
            ? found : runtimeService.createIncidentQuery().incidentId(found.getRootCauseIncidentId()).singleResult();
        Incident shown = cause == null ? found : cause;
        incident = new InvitationView.Incident(
            shown.getFailedActivityId() != null ? shown.getFailedActivityId() : shown.getActivityId(),
            shown.getIncidentMessage(), InvitationInstances.toInstant(shown.getIncidentTimestamp()));
      }
    }
    return new InvitationView(id, status,
        InvitationVariables.CUSTOMER_DOMAIN.from(variables).getOrNull(),
        InvitationVariables.INVITATION_URL.from(variables).getOrNull(),
        InvitationVariables.CUSTOMER_TENANT_ID.from(variables).getOrNull(),
        InvitationVariables.EXPIRES_AT.from(variables).getOptional().map(Date::toInstant).orElse(null),
        reasons.text(variables, Locale.ENGLISH), formerSteps(id), incident);
  }

  private static void collect(ActivityInstance scope, List<String> active) {
    for (TransitionInstance pending : scope.getChildTransitionInstances()) {
      active.add(pending.getActivityId());
    }
    for (ActivityInstance child : scope.getChildActivityInstances()) {
      active.add(child.getActivityId());
      collect(child, active);
    }
  }

  private List<Step> formerSteps(String id) {
    List<Step> steps = new ArrayList<>();
    for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery().processInstanceId(id)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()) {
      steps.add(new Step(activity.getActivityId(), activity.getActivityName(), activity.getActivityType(),
          InvitationInstances.toInstant(activity.getStartTime()), InvitationInstances.toInstant(activity.getEndTime())));
      if (activity.getCalledProcessInstanceId() != null) {
        steps.addAll(formerSteps(activity.getCalledProcessInstanceId()));
      }
    }
    return steps;
  }
}
