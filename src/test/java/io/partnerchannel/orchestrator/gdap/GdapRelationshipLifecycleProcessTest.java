package io.partnerchannel.orchestrator.gdap;

import static io.partnerchannel.orchestrator.gdap.GdapRelationshipLifecycleProcess.*;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.BELLOWS;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.GLOBAL_READER;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.SECURITY_GROUP;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.USER_ADMINISTRATOR;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.approveGdapInSandbox;
import static io.partnerchannel.orchestrator.support.ProcessJobs.runDueJobs;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.invitation.InvitationTestSupport;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminAccessAssignment;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.AccessDetails;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.CustomerParticipant;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.UnifiedRole;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationshipRequest;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.contract.ContractFixture;
import io.partnerchannel.orchestrator.partnercenter.sandbox.EventSharedSecret;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxEventDelivery;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * Every path of {@code GdapRelationshipLifecycle}, run by the engine against the built-in sandbox's Graph GDAP
 * API: relationships are created, approved, terminated and reach their end date in the sandbox, which delivers the
 * documented webhook events to the application's event inbox. Timers are fired by executing their jobs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
class GdapRelationshipLifecycleProcessTest {

  static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
  static final String BELLOWS_ADMIN = "admin@bellowscollege.onmicrosoft.com";
  static final String OWNER = "gdaplifecycleowner";
  static final String OWNER_EMAIL = "gdap.owner@northwind.example";
  static final String DOCUMENTED_RELATIONSHIP = "5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836";
  static final String DOCUMENTED_CHANGE_DATE = "2018-02-17T00:05:39.5485487+00:00";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired PartnerCenter partnerCenter;
  @Autowired GdapLifecycles lifecycles;
  @Autowired SandboxEventDelivery sandboxEvents;
  @Autowired EventSharedSecret eventSecret;
  @LocalServerPort int port;
  RestClient http;

  @BeforeEach
  void setUp() {
    init(processEngine);
    http = InvitationTestSupport.http(port);
    if (identityService.createUserQuery().userId(OWNER).singleResult() == null) {
      User owner = identityService.newUser(OWNER);
      owner.setFirstName("Olga");
      owner.setLastName("Owner");
      owner.setEmail(OWNER_EMAIL);
      identityService.saveUser(owner);
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void relationshipWithoutGlobalAdministratorAutoExtendsAndIsWatchedAgainAtItsEndDate() {
    String relationshipId = activeRelationship(GLOBAL_READER, USER_ADMINISTRATOR);
    ProcessInstance lifecycle = watchedUntilAccessChecked(relationshipId);

    runDueJobs(managementService, lifecycle);
    assertThat(lifecycle)
        .isWaitingAt(GATEWAY_AWAIT_END_DATE)
        .hasPassedInOrder(TASK_READ_GDAP_RELATIONSHIP, GATEWAY_RELATIONSHIP_STATE, TIMER_PROVISIONING_TIME_PASSED,
            TASK_CHECK_ACCESS_ASSIGNMENTS, GATEWAY_ACCESS_ASSIGNMENTS_ACTIVE, GATEWAY_AUTO_EXTEND_ALLOWED,
            TASK_ENABLE_AUTO_EXTEND)
        .hasNotPassed(TASK_REVIEW_ACCESS_ASSIGNMENTS, TASK_SEND_EXPIRY_REMINDER)
        .variables()
        .containsEntry(GdapVariables.AUTO_EXTEND_ALLOWED.getName(), true)
        .containsEntry(GdapVariables.ACCESS_ASSIGNMENTS_CHECKED.getName(), true)
        .containsEntry(GdapVariables.CUSTOMER_TENANT_ID.getName(), BELLOWS);
    DelegatedAdminRelationship extending = partnerCenter.getDelegatedAdminRelationship(relationshipId).orElseThrow();
    Assertions.assertThat(extending.autoExtendDuration()).isEqualTo("P180D");
    Date firstEnd = date(lifecycle, GdapVariables.END_DATE_TIME.getName());
    Assertions.assertThat(firstEnd.toInstant()).isEqualTo(extending.endDateTime().toInstant());

    Assertions.assertThat(date(lifecycle, GdapVariables.END_DATE_CHECK_AT.getName())).isEqualTo(firstEnd);

    // the end date passes before Microsoft moved it: read again an hour later, not in a loop
    ClockUtil.setCurrentTime(Date.from(firstEnd.toInstant().plus(Duration.ofMinutes(1))));
    fire(lifecycle, TIMER_END_DATE_REACHED);
    runDueJobs(managementService, lifecycle);
    assertThat(lifecycle).isWaitingAt(GATEWAY_AWAIT_END_DATE);
    Assertions.assertThat(date(lifecycle, GdapVariables.END_DATE_CHECK_AT.getName()).toInstant())
        .isEqualTo(firstEnd.toInstant().plus(Duration.ofMinutes(61)));
    ClockUtil.reset();

    // Microsoft's clock reaches the end date: the relationship extends itself by 180 days
    JsonNode extended = sandbox("/{id}/end-date-reached", relationshipId, null);
    Assertions.assertThat(extended.path("status").asText()).isEqualTo("active");
    fire(lifecycle, TIMER_END_DATE_REACHED);
    runDueJobs(managementService, lifecycle);

    assertThat(lifecycle).isWaitingAt(GATEWAY_AWAIT_END_DATE);
    Assertions.assertThat(Duration.between(firstEnd.toInstant(), date(lifecycle, GdapVariables.END_DATE_TIME.getName()).toInstant()))
        .isEqualTo(Duration.ofDays(180));
    Assertions.assertThat(date(lifecycle, GdapVariables.END_DATE_CHECK_AT.getName()))
        .isEqualTo(date(lifecycle, GdapVariables.END_DATE_TIME.getName()));
    Assertions.assertThat(historyService.createHistoricActivityInstanceQuery()
            .processInstanceId(lifecycle.getId()).activityId(TASK_CHECK_ACCESS_ASSIGNMENTS).count())
        .as("access assignments are checked once, not at every read").isEqualTo(1);
  }

  @Test
  void globalAdministratorRefusesAutoExtendSoTheOwnerIsRemindedAndANewRelationshipReplacesIt() {
    String relationshipId = activeRelationship(GLOBAL_ADMINISTRATOR, GLOBAL_READER);
    Assertions.assertThatThrownBy(
            () -> partnerCenter.updateDelegatedAdminRelationshipAutoExtendDuration(relationshipId, "P180D"))
        .as("Graph refuses auto-extend with Global Administrator (R30)")
        .isInstanceOfSatisfying(PartnerCenterException.class, e -> Assertions.assertThat(e.getHttpStatus()).isEqualTo(400));
    ProcessInstance lifecycle = runtimeService.createProcessInstanceQuery()
        .processInstanceId(lifecycles.watch(relationshipId, BELLOWS,
            new GdapLifecycles.Contacts(OWNER, BELLOWS_ADMIN, "pt")))
        .singleResult();
    runDueJobs(managementService, lifecycle);
    fire(lifecycle, TIMER_PROVISIONING_TIME_PASSED);
    runDueJobs(managementService, lifecycle);

    assertThat(lifecycle)
        .isWaitingAt(GATEWAY_AWAIT_EXPIRY_REMINDER)
        .hasPassed(GATEWAY_AUTO_EXTEND_ALLOWED)
        .hasNotPassed(TASK_ENABLE_AUTO_EXTEND)
        .variables().containsEntry(GdapVariables.AUTO_EXTEND_ALLOWED.getName(), false);
    Date end = date(lifecycle, GdapVariables.END_DATE_TIME.getName());
    Assertions.assertThat(date(lifecycle, GdapVariables.FIRST_REMINDER_AT.getName()).toInstant())
        .isEqualTo(end.toInstant().minus(Duration.ofDays(30)));
    Assertions.assertThat(date(lifecycle, GdapVariables.FINAL_REMINDER_AT.getName()).toInstant())
        .isEqualTo(end.toInstant().minus(Duration.ofDays(7)));

    // 30 days before the end: the owner is reminded and a new relationship with the same roles is requested
    fire(lifecycle, TIMER_EXPIRY_REMINDER_DUE);
    runDueJobs(managementService, lifecycle);
    assertThat(lifecycle).isWaitingAt(CALL_ACTIVITY_REQUEST_NEW_RELATIONSHIP).hasPassed(TASK_SEND_EXPIRY_REMINDER);
    Assertions.assertThat(mails(lifecycle)).extracting(m -> m.path("subject").asText())
        .containsExactly("GDAP relationship with Bellows College ends on " + dayOf(end));
    ProcessInstance request = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(lifecycle.getId()).singleResult();
    runDueJobs(managementService, request);
    assertThat(request).isWaitingAt(GdapRelationshipRequestProcess.TASK_AWAIT_GDAP_APPROVAL)
        .hasPassedInOrder(GdapRelationshipRequestProcess.TASK_PREPARE_GDAP_REQUEST,
            GdapRelationshipRequestProcess.GATEWAY_GDAP_REQUEST_COMPLETE,
            GdapRelationshipRequestProcess.TASK_CREATE_GDAP_RELATIONSHIP,
            GdapRelationshipRequestProcess.TASK_LOCK_GDAP_FOR_APPROVAL,
            GdapRelationshipRequestProcess.TASK_SEND_GDAP_APPROVAL_EMAIL)
        .hasNotPassed(GdapRelationshipRequestProcess.TASK_COMPLETE_GDAP_REQUEST);
    String newRelationshipId = InvitationVariables.GDAP_RELATIONSHIP_ID.from(runtimeService, request.getId()).getOrNull();
    DelegatedAdminRelationship newRelationship = partnerCenter.getDelegatedAdminRelationship(newRelationshipId).orElseThrow();
    Assertions.assertThat(newRelationship.status()).isEqualTo(DelegatedAdminRelationship.STATUS_APPROVAL_PENDING);
    Assertions.assertThat(roleIds(newRelationship)).containsExactlyInAnyOrder(GLOBAL_ADMINISTRATOR, GLOBAL_READER);
    Assertions.assertThat(newRelationship.duration()).isEqualTo("P730D");
    Assertions.assertThat(newRelationship.customer().tenantId()).isEqualTo(BELLOWS);
    Assertions.assertThat(mails(request)).singleElement().satisfies(mail -> {
      Assertions.assertThat(mail.path("template").asText()).isEqualTo("gdap-approval");
      Assertions.assertThat(mail.path("recipient").asText()).isEqualTo(BELLOWS_ADMIN);
      Assertions.assertThat(mail.path("language").asText()).isEqualTo("pt");
    });

    // 7 days before the end, still not approved: the final reminder; the request keeps waiting
    fire(lifecycle, BOUNDARY_EVENT_FINAL_REMINDER_DUE);
    runDueJobs(managementService, lifecycle);
    assertThat(lifecycle).isWaitingAt(CALL_ACTIVITY_REQUEST_NEW_RELATIONSHIP)
        .hasPassedInOrder(BOUNDARY_EVENT_FINAL_REMINDER_DUE, TASK_SEND_FINAL_EXPIRY_REMINDER, END_EVENT_FINAL_REMINDER_SENT);
    Assertions.assertThat(mails(lifecycle)).extracting(m -> m.path("subject").asText())
        .contains("Last reminder: GDAP relationship with Bellows College ends on " + dayOf(end));

    // the old relationship expires while the customer has not approved yet: noted, the request goes on
    deliverDocumented(GdapMessages.EVENT_EXPIRED, relationshipId);
    assertThat(lifecycle).isWaitingAt(CALL_ACTIVITY_REQUEST_NEW_RELATIONSHIP)
        .hasPassed(BOUNDARY_EVENT_EXPIRED_DURING_REQUEST, END_EVENT_EXPIRY_NOTED);
    assertThat(request).isWaitingAt(GdapRelationshipRequestProcess.TASK_AWAIT_GDAP_APPROVAL);

    // the customer approves the new relationship: access assignments, the new one is watched, the old lifecycle ends
    approveGdapInSandbox(http, newRelationshipId, BELLOWS_ADMIN);
    Assertions.assertThat(sandboxEvents.deliverDue()).isPositive();
    runDueJobs(managementService, request);

    assertThat(request).isEnded().hasPassed(GdapRelationshipRequestProcess.TASK_CREATE_ACCESS_ASSIGNMENTS,
        GdapRelationshipRequestProcess.END_EVENT_GDAP_RELATIONSHIP_APPROVED);
    assertThat(lifecycle).isEnded().hasPassed(GATEWAY_NEW_RELATIONSHIP_APPROVED, END_EVENT_RELATIONSHIP_REPLACED)
        .hasNotPassed(END_EVENT_REPLACEMENT_NOT_APPROVED);
    Assertions.assertThat(historic(lifecycle, GdapVariables.NEW_RELATIONSHIP_ID.getName())).isEqualTo(newRelationshipId);
    Assertions.assertThat(partnerCenter.getAccessAssignments(newRelationshipId)).singleElement()
        .extracting(a -> a.accessContainer().accessContainerId()).isEqualTo(SECURITY_GROUP);
    String successor = lifecycles.watching(newRelationshipId).orElseThrow();
    Assertions.assertThat(runtimeService.getVariables(successor))
        .containsEntry(GdapVariables.OWNER.getName(), OWNER)
        .containsEntry(GdapVariables.GLOBAL_ADMIN_EMAIL.getName(), BELLOWS_ADMIN)
        .containsEntry(GdapVariables.CUSTOMER_TENANT_ID.getName(), BELLOWS);
  }

  @Test
  void theCustomerTerminatesTheRelationshipAndTheLifecycleEnds() {
    String relationshipId = activeRelationship(GLOBAL_READER);
    ProcessInstance lifecycle = watchedUntilAccessChecked(relationshipId);
    runDueJobs(managementService, lifecycle);
    assertThat(lifecycle).isWaitingAt(GATEWAY_AWAIT_END_DATE);

    JsonNode terminated = sandbox("/{id}/terminate", relationshipId, Map.of("userPrincipalName", BELLOWS_ADMIN));
    Assertions.assertThat(terminated.path("status").asText()).isEqualTo("terminated");
    Assertions.assertThat(sandboxEvents.deliverDue()).isPositive();

    assertThat(lifecycle).isEnded()
        .hasPassed(START_EVENT_RELATIONSHIP_TERMINATED, END_EVENT_RELATIONSHIP_TERMINATED)
        .hasNotPassed(TIMER_END_DATE_REACHED);
  }

  @Test
  void theDocumentedExpiryEventEndsAnAutoExtendingRelationshipsLifecycle() {
    String relationshipId = activeRelationship(GLOBAL_READER);
    ProcessInstance lifecycle = watchedUntilAccessChecked(relationshipId);
    runDueJobs(managementService, lifecycle);
    assertThat(lifecycle).isWaitingAt(GATEWAY_AWAIT_END_DATE);

    deliverDocumented(GdapMessages.EVENT_EXPIRED, relationshipId);

    assertThat(lifecycle).isEnded()
        .hasPassed(MESSAGE_EXPIRED_WHILE_EXTENDING, END_EVENT_RELATIONSHIP_EXPIRED)
        .hasNotPassed(TIMER_END_DATE_REACHED);
  }

  @Test
  void aRelationshipThatCannotAutoExtendExpiresBeforeItsReminder() {
    String relationshipId = activeRelationship(GLOBAL_ADMINISTRATOR);
    ProcessInstance lifecycle = watchedUntilAccessChecked(relationshipId);
    runDueJobs(managementService, lifecycle);
    assertThat(lifecycle).isWaitingAt(GATEWAY_AWAIT_EXPIRY_REMINDER);

    JsonNode expired = sandbox("/{id}/end-date-reached", relationshipId, null);
    Assertions.assertThat(expired.path("status").asText()).isEqualTo("expired");
    Assertions.assertThat(sandboxEvents.deliverDue()).isPositive();

    assertThat(lifecycle).isEnded()
        .hasPassed(MESSAGE_EXPIRED_BEFORE_REMINDER, END_EVENT_EXPIRED_BEFORE_REMINDER)
        .hasNotPassed(TASK_SEND_EXPIRY_REMINDER, CALL_ACTIVITY_REQUEST_NEW_RELATIONSHIP);
  }

  @Test
  void anAccessAssignmentInErrorRaisesAReviewTaskForThePartnersAdmins() {
    String relationshipId = activeRelationship(GLOBAL_READER);
    String assignmentId = partnerCenter.getAccessAssignments(relationshipId).get(0).id();
    sandbox("/{id}/access-assignments/" + assignmentId + "/status", relationshipId, Map.of("status", "error"));
    ProcessInstance lifecycle = watchedUntilAccessChecked(relationshipId);
    runDueJobs(managementService, lifecycle);

    assertThat(lifecycle).isWaitingAt(TASK_REVIEW_ACCESS_ASSIGNMENTS)
        .hasPassedInOrder(TASK_CHECK_ACCESS_ASSIGNMENTS, GATEWAY_ACCESS_ASSIGNMENTS_ACTIVE)
        .variables().containsEntry(GdapVariables.ACCESS_ASSIGNMENTS_CHECKED.getName(), false);
    Assertions.assertThat(GdapVariables.ACCESS_ASSIGNMENT_PROBLEMS.from(runtimeService, lifecycle.getId()).getOrNull())
        .contains(SECURITY_GROUP, assignmentId, "error");
    Task review = taskService.createTaskQuery().processInstanceId(lifecycle.getId()).initializeFormKeys().singleResult();
    Assertions.assertThat(taskService.getIdentityLinksForTask(review.getId()))
        .anySatisfy(link -> Assertions.assertThat(link.getGroupId()).isEqualTo("global-admins"));
    Assertions.assertThat(review.getCamundaFormRef().getKey()).isEqualTo("Form_ReviewAccessAssignments");

    // the admin fixes the group in Partner Center and checks again
    sandbox("/{id}/access-assignments/" + assignmentId + "/status", relationshipId, Map.of("status", "active"));
    taskService.complete(review.getId(), Map.of(GdapVariables.ACCESS_ASSIGNMENT_DECISION.getName(), "CHECK_AGAIN"));
    runDueJobs(managementService, lifecycle);

    assertThat(lifecycle).isWaitingAt(GATEWAY_AWAIT_END_DATE)
        .hasPassed(GATEWAY_CHECK_AGAIN, GATEWAY_CHECK_ACCESS_ASSIGNMENTS, TASK_ENABLE_AUTO_EXTEND)
        .variables().containsEntry(GdapVariables.ACCESS_ASSIGNMENTS_CHECKED.getName(), true);
    Assertions.assertThat(historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(lifecycle.getId()).activityId(TASK_CHECK_ACCESS_ASSIGNMENTS).count()).isEqualTo(2);
  }

  @Test
  void aRelationshipNotYetActiveIsWatchedFromItsActivationEvent() {
    String relationshipId = createdRelationship(GLOBAL_READER);
    partnerCenter.requestDelegatedAdminRelationshipAction(relationshipId, DelegatedAdminRelationshipRequest.Action.lockForApproval);
    String first = lifecycles.watch(relationshipId, BELLOWS);
    Assertions.assertThat(lifecycles.watch(relationshipId, BELLOWS)).as("watching twice starts nothing").isEqualTo(first);
    Assertions.assertThat(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(relationshipId).count()).isEqualTo(1);
    ProcessInstance lifecycle = runtimeService.createProcessInstanceQuery().processInstanceId(first).singleResult();
    runDueJobs(managementService, lifecycle);
    assertThat(lifecycle).isWaitingAt(TASK_AWAIT_ACTIVATION)
        .variables().containsEntry(GdapVariables.RELATIONSHIP_STATE.getName(), "NOT_YET_ACTIVE");

    approveGdapInSandbox(http, relationshipId, BELLOWS_ADMIN);
    deliverDocumented(GdapMessages.EVENT_ACTIVATED, relationshipId);
    runDueJobs(managementService, lifecycle);

    assertThat(lifecycle).isWaitingAt(TIMER_PROVISIONING_TIME_PASSED)
        .variables().containsEntry(GdapVariables.RELATIONSHIP_STATE.getName(), "ACTIVE");
    Assertions.assertThat(historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(lifecycle.getId()).activityId(TASK_READ_GDAP_RELATIONSHIP).count()).isEqualTo(2);
  }

  @Test
  void aTerminatedRelationshipFoundByReconciliationEndsTheLifecycleAtOnce() {
    String relationshipId = activeRelationship(GLOBAL_READER);
    partnerCenter.requestDelegatedAdminRelationshipAction(relationshipId, DelegatedAdminRelationshipRequest.Action.terminate);
    ProcessInstance lifecycle = runtimeService.createProcessInstanceQuery()
        .processInstanceId(lifecycles.watch(relationshipId, null)).singleResult();
    runDueJobs(managementService, lifecycle);

    assertThat(lifecycle).isEnded().hasPassed(GATEWAY_RELATIONSHIP_STATE, END_EVENT_RELATIONSHIP_ENDED);
  }

  @Test
  void twoLifecyclesStartedAtOnceForOneRelationshipLeaveOne() {
    String relationshipId = activeRelationship(GLOBAL_READER);
    // as if the invitation and reconciliation had both found no lifecycle at the same moment
    List<ProcessInstance> started = List.of(start(relationshipId), start(relationshipId));
    started.forEach(instance -> runDueJobs(managementService, instance));

    List<ProcessInstance> byId = started.stream().sorted(java.util.Comparator.comparing(ProcessInstance::getId)).toList();
    assertThat(byId.get(0)).isWaitingAt(TIMER_PROVISIONING_TIME_PASSED);
    assertThat(byId.get(1)).isEnded().hasPassed(END_EVENT_ALREADY_WATCHED).hasNotPassed(TIMER_PROVISIONING_TIME_PASSED);
    Assertions.assertThat(lifecycles.watching(relationshipId)).contains(byId.get(0).getId());
  }

  private ProcessInstance start(String relationshipId) {
    return runtimeService.startProcessInstanceByKey(PROCESS_KEY, relationshipId, Map.of(
        GdapVariables.RELATIONSHIP_ID.getName(), relationshipId, GdapVariables.ACCESS_ASSIGNMENTS_CHECKED.getName(), false,
        GdapVariables.PROVISIONING_TIME.getName(), "PT15M", GdapVariables.ACTIVATION_CHECK_INTERVAL.getName(), "PT1H"));
  }

  // ------------------------------------------------------------------------------------------- helpers

  private ProcessInstance watchedUntilAccessChecked(String relationshipId) {
    ProcessInstance lifecycle = runtimeService.createProcessInstanceQuery()
        .processInstanceId(lifecycles.watch(relationshipId, BELLOWS, new GdapLifecycles.Contacts(OWNER, BELLOWS_ADMIN, "en")))
        .singleResult();
    assertThat(lifecycle).isStarted().hasBusinessKey(relationshipId);
    runDueJobs(managementService, lifecycle);
    assertThat(lifecycle).isWaitingAt(TIMER_PROVISIONING_TIME_PASSED);
    fire(lifecycle, TIMER_PROVISIONING_TIME_PASSED);
    return lifecycle;
  }

  /** A relationship of Northwind with Bellows College in status {@code created}. */
  private String createdRelationship(String... roles) {
    return partnerCenter.createDelegatedAdminRelationship(new DelegatedAdminRelationship(
        null, "PCO lifecycle test " + UUID.randomUUID().toString().substring(0, 8), "P730D",
        new CustomerParticipant(BELLOWS, null), roles(roles), null, null, null, null, null)).id();
  }

  /** A relationship approved by the customer, with its access assignment for the partner's security group. */
  private String activeRelationship(String... roles) {
    String id = createdRelationship(roles);
    partnerCenter.requestDelegatedAdminRelationshipAction(id, DelegatedAdminRelationshipRequest.Action.lockForApproval);
    approveGdapInSandbox(http, id, BELLOWS_ADMIN);
    sandboxEvents.deliverDue();
    partnerCenter.createAccessAssignment(id, new DelegatedAdminAccessAssignment(null,
        new DelegatedAdminAccessAssignment.AccessContainer(SECURITY_GROUP, "securityGroup"), roles(roles), null, null));
    return id;
  }

  private static AccessDetails roles(String... ids) {
    return new AccessDetails(Arrays.stream(ids).map(UnifiedRole::new).toList());
  }

  private static List<String> roleIds(DelegatedAdminRelationship relationship) {
    return relationship.accessDetails().unifiedRoles().stream().map(UnifiedRole::roleDefinitionId).toList();
  }

  /** Fires a timer (or runs any job) of the instance at an activity, whenever it is due. */
  private void fire(ProcessInstance instance, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    Assertions.assertThat(job).as("job at " + activityId).isNotNull();
    managementService.executeJob(job.getId());
  }

  private Date date(ProcessInstance instance, String name) {
    return (Date) runtimeService.getVariable(instance.getId(), name);
  }

  private Object historic(ProcessInstance instance, String name) {
    return InvitationTestSupport.historicVariable(historyService, instance, name);
  }

  private static String dayOf(Date date) {
    Instant instant = date.toInstant();
    return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
        .withLocale(java.util.Locale.ENGLISH).format(instant.atOffset(ZoneOffset.UTC).toLocalDate());
  }

  /** The e-mails of an instance, as {@code GET /api/outbox} lists them (newest first). */
  private List<JsonNode> mails(ProcessInstance instance) {
    List<JsonNode> all = http.get().uri("/api/outbox").retrieve().body(new ParameterizedTypeReference<List<JsonNode>>() {});
    return all.stream().filter(mail -> instance.getId().equals(mail.path("businessReference").asText())).toList();
  }

  /**
   * Partner Center calls the webhook with the documented example of an event (partner-center-webhook-events
   * fixture), its relationship id replaced; the application answers 2xx.
   */
  private void deliverDocumented(String eventName, String relationshipId) {
    String body = ContractFixture.load("partner-center/webhook-events/" + eventName).request().body().toString()
        .replace(DOCUMENTED_RELATIONSHIP, relationshipId)
        .replace(DOCUMENTED_CHANGE_DATE, OffsetDateTime.now(ZoneOffset.UTC).toString());
    ResponseEntity<String> answer = TestUsers.jdkClient("http://localhost:" + port).build()
        .post().uri("/api/partner-center/events")
        .header(EventSharedSecret.HEADER, eventSecret.value())
        .contentType(MediaType.APPLICATION_JSON).body(body)
        .retrieve().toEntity(String.class);
    Assertions.assertThat(answer.getStatusCode().is2xxSuccessful()).as(eventName + " acknowledged: " + answer).isTrue();
  }

  /** POST to the sandbox's GDAP world ({@code /sandbox/admin-center/granular-admin-relationships}). */
  private JsonNode sandbox(String path, String relationshipId, Map<String, String> body) {
    RestClient.RequestBodySpec request = http.post()
        .uri("/sandbox/admin-center/granular-admin-relationships" + path, relationshipId);
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return request.retrieve().body(JsonNode.class);
  }
}
