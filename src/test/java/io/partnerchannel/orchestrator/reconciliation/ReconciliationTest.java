package io.partnerchannel.orchestrator.reconciliation;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.CALL_ACTIVITY_TRACK_INVITATION;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.ADATUM;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.BELLOWS;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.GLOBAL_READER;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.LAMNA;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.LITWARE;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.NORTHWIND;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.deleteRunningInvitations;
import static io.partnerchannel.orchestrator.support.ProcessJobs.runDueJobs;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_RELATIONSHIP_ESTABLISHED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.partnerchannel.orchestrator.events.PartnerCenterEventInbox;
import io.partnerchannel.orchestrator.support.SandboxDriver;
import io.partnerchannel.orchestrator.support.ProcessTest;
import io.partnerchannel.orchestrator.invitation.ResellerRelationshipAcceptedCorrelator;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.gdap.GdapLifecycles;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationshipRequest;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxAdminCenter;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxGdap;
import io.partnerchannel.orchestrator.migration.AzurePartnerSwitchProcess;
import io.partnerchannel.orchestrator.migration.MigrationTestWorld;
import io.partnerchannel.orchestrator.migration.MigrationVariables;
import io.partnerchannel.orchestrator.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import java.util.UUID;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import io.partnerchannel.orchestrator.invitation.TrackInvitationProcess;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.ExecutionQuery;
import org.mockito.Mockito;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reconciliation against the sandbox: a customer accepts while the event endpoint is down (the sandbox's event
 * delivery does not run in tests, so its {@code reseller-relationship-accepted-by-customer} never arrives); the
 * customer list says {@code relationshipToPartner: reseller}, and reconciliation completes the waiting invitation
 * through the event inbox — once, with two nodes (two lock providers, two jobs) on the same database. An active
 * GDAP relationship no lifecycle watches gets its {@code GdapRelationshipLifecycle}, once; a transfer Partner Center
 * reports {@code Completed} moves the partner switch waiting for its {@code subscription-updated} on.
 */
@ProcessTest
class ReconciliationTest {

  SandboxDriver sandbox;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired ProcessEngine processEngine;
  @Autowired Reconciler reconciler;
  @Autowired ReconciliationProperties properties;
  @Autowired DataSource dataSource;
  @Autowired SandboxAdminCenter adminCenter;
  @Autowired SandboxGdap gdap;
  @Autowired PartnerCenter partnerCenter;
  @Autowired GdapLifecycles gdapLifecycles;
  @Autowired PartnerCenterEventInbox inbox;
  @LocalServerPort int port;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    deleteRunningInvitations(runtimeService);
  }

  @AfterEach
  void tearDown() {
    deleteRunningInvitations(runtimeService);
  }

  @Test
  void completesAnInvitationAcceptedWhileTheEventEndpointWasDownOnceWithTwoNodes() throws Exception {
    ProcessInstance invitation = invitationWaitingForAdatum();
    adminCenter.acceptResellerInvitation(NORTHWIND, ADATUM, "admin@adatum.onmicrosoft.com", false);
    assertThat(invitation).isWaitingAt(CALL_ACTIVITY_TRACK_INVITATION);

    ReconciliationJob node1 = node();
    ReconciliationJob node2 = node();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<Optional<ReconciliationReport>> runs;
    try {
      Future<Optional<ReconciliationReport>> run1 = nodes.submit(() -> {
        go.await();
        return node1.runOnce();
      });
      Future<Optional<ReconciliationReport>> run2 = nodes.submit(() -> {
        go.await();
        return node2.runOnce();
      });
      go.countDown();
      runs = List.of(run1.get(), run2.get());
    } finally {
      nodes.shutdown();
    }

    assertThat(runs).filteredOn(Optional::isPresent).hasSize(1);
    inbox.correlatePending(); // should the inbox correlate after storing (asynchronously), as it retries
    ReconciliationReport report = runs.stream().flatMap(Optional::stream).findFirst().orElseThrow();
    assertThat(report.events()).filteredOn(event -> event.processInstanceId().equals(invitation.getId()))
        .singleElement()
        .satisfies(event -> {
          assertThat(event.eventName()).isEqualTo(ResellerRelationshipAcceptedCorrelator.EVENT_NAME);
          assertThat(event.resourceUri()).isEqualTo("/v1/customers/" + ADATUM);
          assertThat(event.duplicate()).isFalse();
        });
    assertThat(invitation).hasPassed(CALL_ACTIVITY_TRACK_INVITATION).isNotWaitingAt(CALL_ACTIVITY_TRACK_INVITATION);
    runDueJobs(managementService, invitation);
    assertThat(invitation).isEnded().hasPassed(END_EVENT_RELATIONSHIP_ESTABLISHED);

    // the next run (the lock's minimum hold has no say here: the reconciler itself) finds nothing left to do
    ReconciliationReport again = reconciler.reconcile();
    assertThat(again.events()).noneMatch(event -> event.processInstanceId().equals(invitation.getId()));
  }

  @Test
  void aCustomerWhoHasNotAcceptedLeavesTheInvitationWaiting() {
    ProcessInstance invitation = invitationWaitingFor("c0ffee00-0000-4000-8000-000000000003", "cohowinery.onmicrosoft.com");

    ReconciliationReport report = reconciler.reconcile();

    assertThat(report.waitingInvitations()).isGreaterThanOrEqualTo(1);
    assertThat(report.events()).noneMatch(event -> event.processInstanceId().equals(invitation.getId()));
    assertThat(invitation).isWaitingAt(CALL_ACTIVITY_TRACK_INVITATION);
  }

  @Test
  void skipsAnInvitationThatEndedWhileTheRunReadItAndFeedsTheOthers() {
    adminCenter.acceptResellerInvitation(NORTHWIND, ADATUM, "admin@adatum.onmicrosoft.com", false);
    ProcessInstance ended = invitationWaitingFor(ADATUM, "adatum-ended.onmicrosoft.com");
    ProcessInstance waiting = invitationWaitingForAdatum();
    String tracking = BpmnAwareTests.calledProcessInstance(TrackInvitationProcess.PROCESS_KEY, waiting).getId();
    // the run lists the waiting executions, then the first invitation ends before the run reads its instances
    AtomicBoolean ends = new AtomicBoolean(true);
    RuntimeService racing = Mockito.spy(runtimeService);
    Mockito.doAnswer(create -> {
      ExecutionQuery query = Mockito.spy((ExecutionQuery) create.callRealMethod());
      Mockito.doAnswer(list -> {
        Object found = list.callRealMethod();
        if (ends.getAndSet(false)) {
          runtimeService.deleteProcessInstance(ended.getId(), "ended meanwhile");
        }
        return found;
      }).when(query).list();
      return query;
    }).when(racing).createExecutionQuery();

    ReconciliationReport report = new Reconciler(racing, historyService, partnerCenter, inbox, gdapLifecycles).reconcile();

    assertThat(ends).isFalse();
    assertThat(report.events()).noneMatch(event -> event.processInstanceId().equals(ended.getId()));
    assertThat(report.events()).filteredOn(event -> event.processInstanceId().equals(waiting.getId()))
        .singleElement().satisfies(event -> assertThat(event.resourceUri()).isEqualTo("/v1/customers/" + ADATUM));
    // the tenant comes from the tracking instance's business key, not from one variable read per waiting instance
    Mockito.verify(racing, Mockito.never()).getVariableTyped(Mockito.eq(tracking), Mockito.anyString());
    Mockito.verify(racing, Mockito.never()).getVariableTyped(Mockito.eq(tracking), Mockito.anyString(), Mockito.anyBoolean());
    Mockito.verify(racing, Mockito.never()).getVariable(Mockito.eq(tracking), Mockito.anyString());
  }

  @Test
  void readsTheTenantOfATrackingInstanceWithoutBusinessKeyFromItsVariable() {
    adminCenter.acceptResellerInvitation(NORTHWIND, ADATUM, "admin@adatum.onmicrosoft.com", false);
    ProcessInstance invitation = invitationWaitingForAdatum();
    ProcessInstance tracking = BpmnAwareTests.calledProcessInstance(TrackInvitationProcess.PROCESS_KEY, invitation);
    assertThat(tracking.getBusinessKey()).isEqualTo(ADATUM);
    // "Track invitation" started by a model version from before the business key
    Map<String, Object> variables = new HashMap<>();
    variables.put(InvitationVariables.CUSTOMER_TENANT_ID.getName(), ADATUM);
    variables.put(InvitationVariables.REMINDER_INTERVAL.getName(), "P7D");
    variables.put(InvitationVariables.EXPIRES_AT.getName(), Date.from(Instant.now().plus(30, ChronoUnit.DAYS)));
    ProcessInstance unkeyed = runtimeService.startProcessInstanceByKey(TrackInvitationProcess.PROCESS_KEY, variables);
    try {
      ReconciliationReport report = reconciler.reconcile();

      assertThat(report.events()).filteredOn(event -> event.processInstanceId().equals(invitation.getId()))
          .singleElement().satisfies(event -> assertThat(event.resourceUri()).isEqualTo("/v1/customers/" + ADATUM));
      assertThat(report.events()).filteredOn(event -> event.processInstanceId().equals(unkeyed.getId()))
          .singleElement().satisfies(event -> assertThat(event.resourceUri()).isEqualTo("/v1/customers/" + ADATUM));
    } finally {
      runtimeService.deleteProcessInstanceIfExists(unkeyed.getId(), "test clean-up", true, true, false, false);
    }
  }

  @Test
  void anActiveGdapRelationshipThatNoLifecycleWatchesGetsOneOnce() {
    DelegatedAdminRelationship created = partnerCenter.createDelegatedAdminRelationship(new DelegatedAdminRelationship(
        null, "Bellows GDAP " + UUID.randomUUID().toString().substring(0, 8), "P730D",
        new DelegatedAdminRelationship.CustomerParticipant(BELLOWS, null),
        new DelegatedAdminRelationship.AccessDetails(List.of(new DelegatedAdminRelationship.UnifiedRole(GLOBAL_READER))),
        null, null, null, null, null));
    partnerCenter.requestDelegatedAdminRelationshipAction(created.id(), DelegatedAdminRelationshipRequest.Action.lockForApproval);
    gdap.approve(created.id(), "admin@bellowscollege.onmicrosoft.com");
    assertThat(partnerCenter.getDelegatedAdminRelationship(created.id())).map(DelegatedAdminRelationship::status)
        .contains(DelegatedAdminRelationship.STATUS_ACTIVE);
    assertThat(gdapLifecycles.watching(created.id())).isEmpty();

    ReconciliationReport first = reconciler.reconcile();

    assertThat(first.watchedGdapRelationships()).contains(created.id());
    String lifecycle = gdapLifecycles.watching(created.id()).orElseThrow();
    assertThat(runtimeService.getVariable(lifecycle, "customerTenantId")).isEqualTo(BELLOWS);

    ReconciliationReport second = reconciler.reconcile();

    assertThat(second.watchedGdapRelationships()).doesNotContain(created.id());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(created.id()).count()).isEqualTo(1);
  }

  @Test
  void aTransferCompletedWithoutItsEventMovesTheWaitingPartnerSwitchOn() {
    sandbox.relate(LAMNA, NORTHWIND);
    RestClient http = TestUsers.http(port);
    JsonNode transfer = http.post().uri("/sandbox/v1/customers/{c}/transfers", LAMNA)
        .header("Authorization", "Bearer " + NORTHWIND).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("sourcePartnerTenantId", LITWARE, "sourcePartnerName", "Litware CSP",
            "customerEmailId", "claire.dubois@lamna.example", "targetPartnerTenantId", NORTHWIND,
            "targetProductTypes", List.of("AzureSubscription"), "transferType", 5))
        .retrieve().body(JsonNode.class);
    String transferId = transfer.path("id").asText();
    Map<String, Object> variables = new HashMap<>();
    variables.put(MigrationVariables.CUSTOMER_TENANT_ID.getName(), LAMNA);
    variables.put(MigrationVariables.SUBSCRIPTION_ID.getName(), MigrationTestWorld.LAMNA_LITWARE_AZURE_PLAN);
    variables.put(MigrationVariables.TRANSFER_ID.getName(), transferId);
    variables.put(MigrationVariables.TRANSFER_CHECK_INTERVAL.getName(), "PT6H");
    variables.put(MigrationVariables.TRANSFER_EXPIRES_AT.getName(), Date.from(Instant.now().plus(30, ChronoUnit.DAYS)));
    ProcessInstance partnerSwitch = runtimeService.createProcessInstanceByKey(AzurePartnerSwitchProcess.PROCESS_KEY)
        .setVariables(variables).startBeforeActivity(AzurePartnerSwitchProcess.GATEWAY_AWAIT_SOURCE_PARTNER).execute();
    try {
      assertThat(reconciler.reconcile().events()).noneMatch(event -> event.processInstanceId().equals(partnerSwitch.getId()));

      // Litware accepts; Partner Center has no transfer event and subscription-updated never comes
      sandbox.addLineItems(LITWARE, LAMNA, transferId, MigrationTestWorld.LAMNA_LITWARE_AZURE_PLAN);
      sandbox.acceptTransfer(LITWARE, LAMNA, transferId);
      ReconciliationReport report = reconciler.reconcile();
      inbox.correlatePending();

      assertThat(report.events()).filteredOn(event -> event.processInstanceId().equals(partnerSwitch.getId()))
          .singleElement().satisfies(event -> {
            assertThat(event.eventName()).isEqualTo("subscription-updated");
            assertThat(event.resourceUri())
                .isEqualTo("/v1/customers/" + LAMNA + "/subscriptions/" + MigrationTestWorld.LAMNA_LITWARE_AZURE_PLAN);
          });
      assertThat(partnerSwitch).hasPassed("IntermediateCatchEvent_SubscriptionUpdated")
          .isWaitingAt(AzurePartnerSwitchProcess.TASK_CHECK_TRANSFER_STATUS);
    } finally {
      runtimeService.deleteProcessInstance(partnerSwitch.getId(), "test clean-up", true, true);
    }
  }

  private ReconciliationJob node() {
    return new ReconciliationJob(reconciler, ReconciliationConfiguration.lockProvider(new JdbcTemplate(dataSource)),
        new ReconciliationProperties(properties.interval(), properties.initialDelay(), properties.lockAtMostFor(),
            properties.lockAtLeastFor()));
  }

  private ProcessInstance invitationWaitingForAdatum() {
    return invitationWaitingFor(ADATUM, "adatum.onmicrosoft.com");
  }

  /** An invitation as it stands once its e-mail went out: waiting for the customer's acceptance. */
  private ProcessInstance invitationWaitingFor(String tenantId, String domain) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(InvitationVariables.COMPANY_NAME.getName(), "Customer of " + domain);
    variables.put(InvitationVariables.CUSTOMER_DOMAIN.getName(), domain);
    variables.put(InvitationVariables.CUSTOMER_TENANT_ID.getName(), tenantId);
    variables.put(InvitationVariables.CUSTOMER_LANGUAGE.getName(), "en");
    variables.put(InvitationVariables.CUSTOMER_COUNTRY.getName(), "IT");
    variables.put(InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), "admin@" + domain);
    variables.put(InvitationVariables.PARTNER_NAME.getName(), "Northwind Cloud Solutions");
    variables.put(InvitationVariables.ADMIN_ACCESS.getName(), "NONE");
    variables.put(InvitationVariables.INVITATION_URL.getName(), "http://localhost:8080/sandbox/admin-center/Adminportal/Home");
    variables.put(InvitationVariables.REMINDER_INTERVAL.getName(), "P7D");
    variables.put(InvitationVariables.EXPIRES_AT.getName(), Date.from(Instant.now().plus(30, ChronoUnit.DAYS)));
    return runtimeService.createProcessInstanceByKey(PROCESS_KEY).setVariables(variables)
        .startBeforeActivity(CALL_ACTIVITY_TRACK_INVITATION).execute();
  }
}
