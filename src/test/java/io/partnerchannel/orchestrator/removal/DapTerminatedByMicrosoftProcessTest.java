package io.partnerchannel.orchestrator.removal;

import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.NORTHWIND;
import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.PROSEWARE;
import static io.partnerchannel.orchestrator.support.ProcessJobs.calledInstance;
import static io.partnerchannel.orchestrator.support.ProcessJobs.runDueJobs;
import static io.partnerchannel.orchestrator.removal.ResellerRelationshipRemovalProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnerchannel.orchestrator.events.EventStatus;
import io.partnerchannel.orchestrator.events.EventInboxRepository;
import io.partnerchannel.orchestrator.support.SandboxWorldTest;
import io.partnerchannel.orchestrator.partnercenter.contract.ContractFixture;
import io.partnerchannel.orchestrator.partnercenter.sandbox.CustomerRelationship;
import io.partnerchannel.orchestrator.partnercenter.sandbox.EventSharedSecret;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import io.partnerchannel.orchestrator.gdap.GdapRelationshipRequestProcess;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * R33: Microsoft terminates a DAP unused for 90 days. The sandbox delivers {@code
 * dap-admin-relationship-terminated-by-microsoft} as documented (no {@code ResourceUri}) through the application's
 * event inbox; the customer is found in Partner Center's activity records, the termination is recorded on it once
 * (a redelivery records and starts nothing again), the reseller relationship stays, and a partner user is offered a
 * GDAP request, whose acceptance (roles and a duration within R29) starts {@code GdapRelationshipRequest}.
 */
@Import(ProcessEngineCoverageConfiguration.class)
class DapTerminatedByMicrosoftProcessTest extends SandboxWorldTest {

  @Autowired DapTerminations terminations;
  @Autowired EventInboxRepository inbox;
  @Autowired EventSharedSecret eventSecret;
  @Autowired IdentityService identityService;
  static final String GLOBAL_READER = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";

  @Override
  protected List<String> processKeys() {
    return List.of(DAP_PROCESS_KEY, GDAP_REQUEST_PROCESS_KEY);
  }


  @Test
  void terminationIsRecordedOnTheCustomerOnceAndAGdapRequestIsOffered() {
    directory.updateRelationship(new CustomerRelationship(PROSEWARE, NORTHWIND, "reseller", true, null,
        OffsetDateTime.now(ZoneOffset.UTC)));
    Assertions.assertThat(terminations.findByCustomer(PROSEWARE)).isEmpty();

    JsonNode event = http.post().uri("/sandbox/microsoft/dap-terminations").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("customerTenantId", PROSEWARE, "partnerId", NORTHWIND)).retrieve().body(JsonNode.class);
    Assertions.assertThat(event.path("EventName").asText()).isEqualTo("dap-admin-relationship-terminated-by-microsoft");
    Assertions.assertThat(event.path("ResourceUri").isNull()).isTrue();
    Assertions.assertThat(event.path("ResourceName").asText()).isEqualTo("PartnerCustomerDap");
    Assertions.assertThat(sandbox.deliverEvents()).isPositive();

    List<DapTermination> recorded = terminations.findByCustomer(PROSEWARE);
    Assertions.assertThat(recorded).hasSize(1);
    DapTermination termination = recorded.get(0);
    Assertions.assertThat(termination.customerName()).isEqualTo("Proseware");
    Assertions.assertThat(inbox.findById(termination.inboxEventId()).orElseThrow().status()).isEqualTo(EventStatus.CORRELATED);
    CustomerRelationship relationship = directory.relationship(PROSEWARE, NORTHWIND).orElseThrow();
    Assertions.assertThat(relationship.relationshipToPartner()).isEqualTo("reseller");
    Assertions.assertThat(relationship.allowDelegatedAccess()).isFalse();

    ProcessInstance offer = runtimeService.createProcessInstanceQuery()
        .processInstanceId(termination.processInstanceId()).singleResult();
    assertThat(offer).isWaitingAt(TASK_DECIDE_GDAP_REQUEST).hasBusinessKey(PROSEWARE)
        .variables().containsEntry(RemovalVariables.CUSTOMER_TENANT_ID.getName(), PROSEWARE)
        .containsEntry(RemovalVariables.COMPANY_NAME.getName(), "Proseware")
        .containsEntry(RemovalVariables.CUSTOMER_DOMAIN.getName(), "proseware.onmicrosoft.com");
    assertThat(offer).task().hasCandidateGroup("global-admins");

    // Partner Center delivers the same event again: acknowledged, nothing recorded or started twice
    ResponseEntity<JsonNode> again = TestUsers.anonymous(port).post().uri("/api/partner-center/events").contentType(MediaType.APPLICATION_JSON)
        .header(EventSharedSecret.HEADER, eventSecret.value()).body(event).retrieve().toEntity(JsonNode.class);
    Assertions.assertThat(again.getStatusCode().value()).isEqualTo(200);
    Assertions.assertThat(again.getBody().path("duplicate").asBoolean()).isTrue();
    Assertions.assertThat(terminations.findByCustomer(PROSEWARE)).hasSize(1);
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(DAP_PROCESS_KEY)
        .processInstanceBusinessKey(PROSEWARE).count()).isEqualTo(1);

    String roles = "[\"" + GLOBAL_READER + "\"]";
    Assertions.assertThatThrownBy(() -> taskService.complete(task(offer).getId(),
            Map.of(RemovalVariables.GDAP_DECISION.getName(), "REQUEST_GDAP", "gdapRoles", org.camunda.spin.Spin.JSON(roles), RemovalVariables.GDAP_DURATION.getName(), "P900D")))
        .hasMessageContaining("gdapDuration must be P1D to P730D (R29)");
    String taskId = task(offer).getId();
    identityService.setAuthentication(TestUsers.GLOBAL_ADMIN, List.of("global-admins"));
    try {
      taskService.complete(taskId, Map.of(RemovalVariables.GDAP_DECISION.getName(), "REQUEST_GDAP",
          "gdapRoles", org.camunda.spin.Spin.JSON(roles), RemovalVariables.GDAP_DURATION.getName(), "P180D"));
    } finally {
      identityService.clearAuthentication();
    }
    runDueJobs(runtimeService, managementService, offer.getId(), GdapRelationshipRequestProcess.TASK_PREPARE_GDAP_REQUEST);

    assertThat(offer).hasPassed(GATEWAY_GDAP_REQUESTED).isWaitingAt(CALL_ACTIVITY_REQUEST_GDAP_RELATIONSHIP);
    ProcessInstance request = calledInstance(runtimeService, offer.getId(), GDAP_REQUEST_PROCESS_KEY);
    assertThat(request).isWaitingAt(GdapRelationshipRequestProcess.TASK_PREPARE_GDAP_REQUEST).variables()
        .containsEntry(RemovalVariables.CUSTOMER_TENANT_ID.getName(), PROSEWARE)
        .containsEntry(RemovalVariables.CUSTOMER_DOMAIN.getName(), "proseware.onmicrosoft.com")
        .containsEntry(RemovalVariables.GDAP_DURATION.getName(), "P180D")
        .containsEntry(RemovalVariables.REQUESTER.getName(), TestUsers.GLOBAL_ADMIN);
  }

  @Test
  void theDocumentedEventWithoutAnActivityRecordWaitsAndOfferingNoGdapEnds() {
    String body = ContractFixture.load("partner-center/webhook-events/dap-admin-relationship-terminated-by-microsoft")
        .request().body().toString()
        .replace("2018-02-17T00:05:39.5485487+00:00", OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).toString());
    ResponseEntity<JsonNode> answer = TestUsers.anonymous(port).post().uri("/api/partner-center/events").contentType(MediaType.APPLICATION_JSON)
        .header(EventSharedSecret.HEADER, eventSecret.value()).body(body).retrieve().toEntity(JsonNode.class);
    Assertions.assertThat(answer.getStatusCode().value()).isEqualTo(202);
    Assertions.assertThat(answer.getBody().path("status").asText()).isEqualTo("PENDING");
    Assertions.assertThat(inbox.findById(answer.getBody().path("id").asText()).orElseThrow().lastError())
        .contains("no partner_customer_dap activity record");

    ProcessInstance offer = runtimeService.startProcessInstanceByKey(DAP_PROCESS_KEY, PROSEWARE,
        Map.of(RemovalVariables.CUSTOMER_TENANT_ID.getName(), PROSEWARE));
    Assertions.assertThatThrownBy(() -> taskService.complete(task(offer).getId(), Map.of(RemovalVariables.GDAP_DECISION.getName(), "MAYBE")))
        .hasMessageContaining("gdapDecision must be one of REQUEST_GDAP, NO_GDAP");
    taskService.complete(task(offer).getId(), Map.of(RemovalVariables.GDAP_DECISION.getName(), "NO_GDAP"));
    assertThat(offer).isEnded().hasPassed(END_EVENT_NO_GDAP_REQUESTED).hasNotPassed(CALL_ACTIVITY_REQUEST_GDAP_RELATIONSHIP);
  }
}
