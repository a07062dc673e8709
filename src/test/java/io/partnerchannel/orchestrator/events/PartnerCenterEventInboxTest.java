package io.partnerchannel.orchestrator.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.partnerchannel.orchestrator.invitation.ResellerRelationshipAcceptedCorrelator;
import io.partnerchannel.orchestrator.invitation.GdapRelationshipApprovedCorrelator;
import io.partnerchannel.orchestrator.invitation.LateAcceptances;
import io.partnerchannel.orchestrator.invitation.InvitationMessages;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Correlation of stored events to waiting instances, against test-only processes (the invitation process
 * itself is tested with its BPMN): {@code EventCorrelationProbe} waits for {@code InvitationAccepted} after a
 * user task and then for {@code GdapRelationshipApproved}; {@code EventCorrelationFailureProbe} fails right
 * after {@code InvitationAccepted}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
class PartnerCenterEventInboxTest {

  static final String PROBE = "EventCorrelationProbe";
  static final String FAILURE_PROBE = "EventCorrelationFailureProbe";
  static final String TASK_BEFORE_WAIT = "Task_BeforeWait";
  static final String EVENT_INVITATION_ACCEPTED = "Event_InvitationAccepted";
  static final String EVENT_GDAP_APPROVED = "Event_GdapRelationshipApproved";
  static final String TASK_AFTER_APPROVAL = "Task_AfterApproval";

  @Autowired PartnerCenter partnerCenter;
  @Autowired EventInboxRepository repository;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired ProcessEngine processEngine;
  @Autowired PlatformTransactionManager transactionManager;

  PartnerCenterEventInbox inbox;

  static BpmnModelInstance probe() {
    return Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask(TASK_BEFORE_WAIT)
        .intermediateCatchEvent(EVENT_INVITATION_ACCEPTED).message(InvitationMessages.INVITATION_ACCEPTED)
        .intermediateCatchEvent(EVENT_GDAP_APPROVED).message(InvitationMessages.GDAP_RELATIONSHIP_APPROVED)
        .userTask(TASK_AFTER_APPROVAL)
        .endEvent()
        .done();
  }

  static BpmnModelInstance failureProbe() {
    return Bpmn.createExecutableProcess(FAILURE_PROBE).camundaHistoryTimeToLive(1)
        .startEvent()
        .intermediateCatchEvent(EVENT_INVITATION_ACCEPTED).message(InvitationMessages.INVITATION_ACCEPTED)
        .serviceTask("Task_Fails").camundaExpression("${noSuchBean.call()}")
        .endEvent()
        .done();
  }

  @BeforeEach
  void deployProbesAndInbox() {
    BpmnAwareTests.init(processEngine);
    repositoryService.createDeployment().name("event-correlation-probes").enableDuplicateFiltering(false)
        .addModelInstance(PROBE + ".bpmn", probe())
        .addModelInstance(FAILURE_PROBE + ".bpmn", failureProbe())
        .deploy();
    inbox = inbox(PROBE);
  }

  PartnerCenterEventInbox inbox(String processDefinitionKey) {
    ProcessMessageCorrelation correlation = new ProcessMessageCorrelation(runtimeService, processDefinitionKey);
    return new PartnerCenterEventInbox(repository, List.of(
        new ResellerRelationshipAcceptedCorrelator(ResellerRelationshipAcceptedCorrelator.EVENT_NAME, correlation,
            new LateAcceptances(runtimeService, historyService, List.of(processDefinitionKey))),
        new GdapRelationshipApprovedCorrelator(correlation)), transactionManager);
  }

  static String uniqueDomain() {
    return "probe-" + UUID.randomUUID().toString().substring(0, 8) + ".onmicrosoft.com";
  }

  static Customer customer(String tenantId, String domain) {
    return new Customer(tenantId, null, new Customer.CompanyProfile(tenantId, domain, "Probe Corporation"), null,
        Customer.RESELLER, null, null, null);
  }

  static PartnerCenterEvent accepted(String tenantId) {
    return new PartnerCenterEvent(ResellerRelationshipAcceptedCorrelator.EVENT_NAME, "/v1/customers/" + tenantId, "customer",
        "https://api.partnercenter.microsoft.com/v1/auditrecords/" + UUID.randomUUID(), "2025-06-02T10:15:30.1234567Z");
  }

  ProcessInstance startProbe(String process, String customerTenantId, String gdapRelationshipId) {
    return runtimeService.startProcessInstanceByKey(process, Map.of(
        InvitationVariables.CUSTOMER_TENANT_ID.getName(), customerTenantId,
        InvitationVariables.GDAP_RELATIONSHIP_ID.getName(), gdapRelationshipId));
  }

  /** A probe instance of the customer tenant waiting for its acceptance. */
  ProcessInstance waitingForAcceptance(String tenantId, String domain) {
    ProcessInstance instance = startProbe(PROBE, tenantId, UUID.randomUUID().toString());
    complete(task(TASK_BEFORE_WAIT, instance));
    assertThat(instance).isWaitingAt(EVENT_INVITATION_ACCEPTED);
    return instance;
  }

  @Test
  void storesTheEventAndCorrelatesItToTheWaitingInstance() {
    String tenantId = UUID.randomUUID().toString();
    ProcessInstance instance = waitingForAcceptance(tenantId, uniqueDomain());

    PartnerCenterEventInbox.Receipt receipt = inbox.receive(accepted(tenantId));

    assertThat(receipt.status()).isEqualTo(EventStatus.CORRELATED);
    assertThat(receipt.duplicate()).isFalse();
    assertThat(instance).isWaitingAt(EVENT_GDAP_APPROVED)
        .variables().containsEntry(InvitationVariables.CUSTOMER_TENANT_ID.getName(), tenantId);
    InboxEvent stored = repository.findById(receipt.id()).orElseThrow();
    assertThat(stored.eventName()).isEqualTo(ResellerRelationshipAcceptedCorrelator.EVENT_NAME);
    assertThat(stored.resourceUri()).isEqualTo("/v1/customers/" + tenantId);
    assertThat(stored.resourceName()).isEqualTo("customer");
    assertThat(stored.auditUri()).startsWith("https://api.partnercenter.microsoft.com/v1/auditrecords/");
    assertThat(stored.resourceChangeUtcDate()).isEqualTo("2025-06-02T10:15:30.1234567Z");
    assertThat(stored.receivedAt()).isNotNull();
    assertThat(stored.status()).isEqualTo(EventStatus.CORRELATED);
    assertThat(stored.attempts()).isEqualTo(1);
    assertThat(stored.lastError()).isNull();
    assertThat(stored.correlatedAt()).isNotNull();
  }

  @Test
  void acknowledgesARepeatedDeliveryWithoutStoringOrCorrelatingItAgain() {
    String tenantId = UUID.randomUUID().toString();
    waitingForAcceptance(tenantId, uniqueDomain());
    PartnerCenterEvent event = accepted(tenantId);

    PartnerCenterEventInbox.Receipt first = inbox.receive(event);
    PartnerCenterEventInbox.Receipt second = inbox.receive(event);

    assertThat(second).isEqualTo(new PartnerCenterEventInbox.Receipt(first.id(), EventStatus.CORRELATED, true));
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', textBlock = """
      https://API.PartnerCenter.Microsoft.com/v1/customers/%s | 2025-06-02T10:15:30.1234567+00:00
      http://api.partnercenter.microsoft.com/v1/customers/%s  | 2025-06-02T12:15:30.12345670+02:00
      v1/customers/%s                                         | 2025-06-02T10:15:30.123456700Z
      /v1/customers/%s                                        | 2025-06-02T10:15:30.1234567
      """)
  void recognisesARedeliveryFormattedOtherwiseByItsParsedIdentity(String resourceUri, String changeDate) {
    String tenantId = UUID.randomUUID().toString();
    waitingForAcceptance(tenantId, uniqueDomain());
    PartnerCenterEventInbox.Receipt first = inbox.receive(accepted(tenantId));

    PartnerCenterEventInbox.Receipt again = inbox.receive(new PartnerCenterEvent(ResellerRelationshipAcceptedCorrelator.EVENT_NAME,
        resourceUri.formatted(tenantId), "customer", null, changeDate));

    assertThat(again).isEqualTo(new PartnerCenterEventInbox.Receipt(first.id(), EventStatus.CORRELATED, true));
    assertThat(repository.findById(first.id()).orElseThrow().attempts()).as("correlated once").isEqualTo(1);
    PartnerCenterEventInbox.Receipt later = inbox.receive(new PartnerCenterEvent(ResellerRelationshipAcceptedCorrelator.EVENT_NAME,
        resourceUri.formatted(tenantId), "customer", null, "2025-06-02T10:15:31Z"));
    assertThat(later.duplicate()).as("another change time is another event").isFalse();
  }

  @Test
  void correlatesAnEarlyEventOnceTheInstanceWaits() {
    String tenantId = UUID.randomUUID().toString();
    String domain = uniqueDomain();
    ProcessInstance instance = startProbe(PROBE, tenantId, UUID.randomUUID().toString());

    PartnerCenterEventInbox.Receipt receipt = inbox.receive(accepted(tenantId));

    assertThat(receipt.status()).isEqualTo(EventStatus.PENDING);
    InboxEvent pending = repository.findById(receipt.id()).orElseThrow();
    assertThat(pending.attempts()).isEqualTo(1);
    assertThat(pending.lastError()).contains("do not wait for message " + InvitationMessages.INVITATION_ACCEPTED);
    assertThat(pending.correlatedAt()).isNull();

    inbox.correlatePending(); // still not waiting: stays pending
    assertThat(repository.findById(receipt.id()).orElseThrow().status()).isEqualTo(EventStatus.PENDING);

    complete(task(TASK_BEFORE_WAIT, instance));
    inbox.correlatePending();

    InboxEvent correlated = repository.findById(receipt.id()).orElseThrow();
    assertThat(correlated.status()).isEqualTo(EventStatus.CORRELATED);
    assertThat(correlated.attempts()).isEqualTo(3);
    assertThat(instance).isWaitingAt(EVENT_GDAP_APPROVED)
        .variables().containsEntry(InvitationVariables.CUSTOMER_TENANT_ID.getName(), tenantId);
  }

  @Test
  void correlatesGdapApprovalByRelationshipId() {
    String tenantId = UUID.randomUUID().toString();
    String relationshipId = UUID.randomUUID() + "-" + UUID.randomUUID();
    String domain = uniqueDomain();
    ProcessInstance instance = startProbe(PROBE, tenantId, relationshipId);
    complete(task(TASK_BEFORE_WAIT, instance));
    inbox.receive(accepted(tenantId));

    PartnerCenterEventInbox.Receipt receipt = inbox.receive(new PartnerCenterEvent(GdapRelationshipApprovedCorrelator.EVENT_NAME,
        "/granularAdminRelationships/" + relationshipId, "delegatedAdminRelationship", null, "2025-06-03T08:00:00Z"));

    assertThat(receipt.status()).isEqualTo(EventStatus.CORRELATED);
    assertThat(instance).isWaitingAt(TASK_AFTER_APPROVAL);
  }

  @Test
  void ignoresAnEventForATenantNoInvitationWasStartedFor() {
    String tenantId = UUID.randomUUID().toString();

    PartnerCenterEventInbox.Receipt receipt = inbox.receive(accepted(tenantId));

    assertThat(receipt.status()).isEqualTo(EventStatus.IGNORED);
    InboxEvent ignored = repository.findById(receipt.id()).orElseThrow();
    assertThat(ignored.lastError()).startsWith("event for unknown customer " + tenantId + ": no running");
    assertThat(ignored.correlatedAt()).isNotNull();
  }

  @Test
  void rollsBackTheCorrelationWhenTheInstanceFailsAfterTheMessage() {
    String tenantId = UUID.randomUUID().toString();
    String domain = uniqueDomain();
    ProcessInstance instance = startProbe(FAILURE_PROBE, tenantId, UUID.randomUUID().toString());

    PartnerCenterEventInbox.Receipt receipt = inbox(FAILURE_PROBE).receive(accepted(tenantId));

    assertThat(receipt.status()).isEqualTo(EventStatus.PENDING);
    InboxEvent pending = repository.findById(receipt.id()).orElseThrow();
    assertThat(pending.attempts()).isEqualTo(1);
    assertThat(pending.lastError()).contains("noSuchBean");
    assertThat(instance).isWaitingAt(EVENT_INVITATION_ACCEPTED);
  }
}
