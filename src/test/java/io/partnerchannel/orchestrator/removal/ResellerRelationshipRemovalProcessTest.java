package io.partnerchannel.orchestrator.removal;

import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.ADATUM;
import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.BELLOWS;
import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.NORTHWIND;
import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.PROSEWARE;
import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.PROSEWARE_LICENSES;
import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.runDueJobs;
import static io.partnerchannel.orchestrator.removal.ResellerRelationshipRemovalProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnerchannel.orchestrator.support.SandboxWorldTest;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.Subscription;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxRelationshipEnds;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

/**
 * Every path of {@code ResellerRelationshipRemoval} against the sandbox Partner Center (R17–R20): blocked by an
 * active subscription, the person suspends it and checks again, then the relationship is removed; removed at once
 * (an expired reservation does not block); a current reservation or software purchase blocks; Partner Center refuses
 * the removal after the check (a reservation bought in between) and the person cancels; a tenant that is no customer;
 * the relationship already gone when the removal job runs (idempotent); invalid start and decision.
 */
@Import(ProcessEngineCoverageConfiguration.class)
class ResellerRelationshipRemovalProcessTest extends SandboxWorldTest {

  static final String REQUESTER_EMAIL = "giulia.ferrari@partner.example";

  @Autowired PartnerCenter partnerCenter;
  @Autowired SandboxRelationshipEnds ends;

  @Override
  protected List<String> processKeys() {
    return List.of(PROCESS_KEY);
  }

  @AfterEach
  void removeEntitlements() {
    ends.deleteEntitlements(ADATUM);
    ends.deleteEntitlements(PROSEWARE);
  }

  @Test
  void activeSubscriptionBlocksUntilSuspendedThenTheRelationshipIsRemoved() {
    ProcessInstance instance = requestRemoval(PROSEWARE);
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isWaitingAt(TASK_CLEAR_REMOVAL_BLOCKERS)
        .hasPassedInOrder(TASK_CHECK_REMOVAL_PREREQUISITES, GATEWAY_PREREQUISITES_MET)
        .hasNotPassed(TASK_REMOVE_RESELLER_RELATIONSHIP)
        .variables().containsEntry(RemovalVariables.PREREQUISITES.getName(), "BLOCKED")
        .containsEntry(RemovalVariables.COMPANY_NAME.getName(), "Proseware");
    assertThat(instance).task(TASK_CLEAR_REMOVAL_BLOCKERS).isAssignedTo(TestUsers.GLOBAL_ADMIN);
    Assertions.assertThat(taskService.getIdentityLinksForTask(task(instance).getId()))
        .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
        .contains("global-admins", "user-management-admins", "sales-agents");
    Assertions.assertThat(blockers(instance)).contains("Suspend subscription " + PROSEWARE_LICENSES, "active");
    Assertions.assertThat(directory.relationship(PROSEWARE, NORTHWIND)).isPresent();

    Subscription active = partnerCenter.getSubscription(PROSEWARE, PROSEWARE_LICENSES).orElseThrow();
    partnerCenter.updateSubscription(PROSEWARE, withStatus(active, "suspended"));
    taskService.complete(task(instance).getId(), Map.of(RemovalVariables.BLOCKERS_DECISION.getName(), "CHECK_AGAIN"));
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded()
        .hasPassedInOrder(TASK_CLEAR_REMOVAL_BLOCKERS, GATEWAY_BLOCKERS_DECISION, TASK_CHECK_REMOVAL_PREREQUISITES,
            TASK_REMOVE_RESELLER_RELATIONSHIP, TASK_NOTIFY_REQUESTER, END_EVENT_REMOVAL_ENDED);
    Assertions.assertThat(directory.relationship(PROSEWARE, NORTHWIND)).isEmpty();
    Assertions.assertThat(partnerCenter.getCustomer(PROSEWARE)).isEmpty();
    Assertions.assertThat(historicVariable(instance, RemovalVariables.REMOVAL_STATUS.getName())).isEqualTo("REMOVED");
    Assertions.assertThat(historicVariable(instance, RemovalVariables.UNCHANGED_BY_REMOVAL.getName()))
        .contains("GDAP relationships", "Azure RBAC", "R18", "R20");
    JsonNode mail = mailTo(instance);
    Assertions.assertThat(mail.path("subject").asText()).isEqualTo("Reseller relationship with Proseware removed");
    Assertions.assertThat(mail.path("html").asText()).contains("GDAP relationships", "Azure RBAC", PROSEWARE);
  }

  @Test
  void withoutBlockersTheRelationshipIsRemovedAtOnceAndAnExpiredReservationDoesNotBlock() {
    sandbox.relate(ADATUM, NORTHWIND);
    ends.insertEntitlement(ADATUM, NORTHWIND, reservation(OffsetDateTime.now(ZoneOffset.UTC).minusDays(3)));
    ProcessInstance instance = requestRemoval(ADATUM);
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded()
        .hasPassedInOrder(TASK_CHECK_REMOVAL_PREREQUISITES, GATEWAY_PREREQUISITES_MET, TASK_REMOVE_RESELLER_RELATIONSHIP,
            TASK_NOTIFY_REQUESTER, END_EVENT_REMOVAL_ENDED)
        .hasNotPassed(TASK_CLEAR_REMOVAL_BLOCKERS);
    Assertions.assertThat(directory.relationship(ADATUM, NORTHWIND)).isEmpty();
    Assertions.assertThat(historicVariable(instance, RemovalVariables.REMOVAL_STATUS.getName())).isEqualTo("REMOVED");
  }

  @Test
  void currentReservationAndSoftwarePurchaseBlock() {
    sandbox.relate(ADATUM, NORTHWIND);
    ends.insertEntitlement(ADATUM, NORTHWIND, reservation(null));
    ObjectNode software = reservation(OffsetDateTime.now(ZoneOffset.UTC).plusYears(1));
    software.put("entitlementType", "software").put("productId", "DG7GMGF0DWTK");
    ends.insertEntitlement(ADATUM, NORTHWIND, software);
    ProcessInstance instance = requestRemoval(ADATUM);
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isWaitingAt(TASK_CLEAR_REMOVAL_BLOCKERS);
    Assertions.assertThat(blockers(instance))
        .contains("Cancel the Azure reservation of order KaJ8XvkKc_GoNZOUyjVaRJalTBN5MWdV1 (product DZH318Z0BQ3W)")
        .contains("Cancel the software purchase", "DG7GMGF0DWTK");

    ends.deleteEntitlements(ADATUM); // cancelled through Azure support
    taskService.complete(task(instance).getId(), Map.of(RemovalVariables.BLOCKERS_DECISION.getName(), "CHECK_AGAIN"));
    runDueJobs(runtimeService, managementService, instance.getId());
    assertThat(instance).isEnded().hasPassed(TASK_REMOVE_RESELLER_RELATIONSHIP);
    Assertions.assertThat(directory.relationship(ADATUM, NORTHWIND)).isEmpty();
  }

  @Test
  void partnerCenterRefusesAfterTheCheckAndThePersonCancelsTheRemoval() {
    sandbox.relate(ADATUM, NORTHWIND);
    ProcessInstance instance = requestRemoval(ADATUM);
    runDueJobs(runtimeService, managementService, instance.getId(), TASK_REMOVE_RESELLER_RELATIONSHIP);
    assertThat(instance).isWaitingAt(TASK_REMOVE_RESELLER_RELATIONSHIP);
    ends.insertEntitlement(ADATUM, NORTHWIND, reservation(null)); // bought between the check and the removal

    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isWaitingAt(TASK_CLEAR_REMOVAL_BLOCKERS)
        .hasPassed(BOUNDARY_EVENT_REMOVAL_REFUSED);
    Assertions.assertThat(historicVariable(instance, RemovalVariables.REMOVAL_REFUSAL.getName()))
        .contains("Partner Center refused the removal (code 600006)", "reservedinstance");
    Assertions.assertThat(blockers(instance)).contains("600006");
    Assertions.assertThat(directory.relationship(ADATUM, NORTHWIND)).isPresent();

    taskService.complete(task(instance).getId(), Map.of(RemovalVariables.BLOCKERS_DECISION.getName(), "CANCEL_REMOVAL"));
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded().hasPassedInOrder(GATEWAY_BLOCKERS_DECISION, TASK_NOTIFY_REQUESTER);
    Assertions.assertThat(historicVariable(instance, RemovalVariables.REMOVAL_STATUS.getName())).isEqualTo("CANCELLED");
    Assertions.assertThat(directory.relationship(ADATUM, NORTHWIND)).isPresent();
    Assertions.assertThat(mailTo(instance).path("subject").asText())
        .isEqualTo("Removal of the reseller relationship with Adatum Corporation cancelled");
  }

  @Test
  void tenantThatIsNoCustomerEndsWithoutRemoving() {
    ProcessInstance instance = requestRemoval(BELLOWS);
    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded().hasPassedInOrder(GATEWAY_PREREQUISITES_MET, TASK_NOTIFY_REQUESTER)
        .hasNotPassed(TASK_REMOVE_RESELLER_RELATIONSHIP, TASK_CLEAR_REMOVAL_BLOCKERS);
    Assertions.assertThat(historicVariable(instance, RemovalVariables.REMOVAL_STATUS.getName())).isEqualTo("NOT_RELATED");
  }

  @Test
  void relationshipAlreadyGoneWhenTheRemovalRunsCountsAsRemoved() {
    sandbox.relate(ADATUM, NORTHWIND);
    ProcessInstance instance = requestRemoval(ADATUM);
    runDueJobs(runtimeService, managementService, instance.getId(), TASK_REMOVE_RESELLER_RELATIONSHIP);
    ends.deleteRelationship(ADATUM, NORTHWIND); // an earlier attempt got through before its job was rolled back

    runDueJobs(runtimeService, managementService, instance.getId());

    assertThat(instance).isEnded().hasPassed(TASK_REMOVE_RESELLER_RELATIONSHIP, END_EVENT_REMOVAL_ENDED)
        .hasNotPassed(BOUNDARY_EVENT_REMOVAL_REFUSED);
    Assertions.assertThat(historicVariable(instance, RemovalVariables.REMOVAL_STATUS.getName())).isEqualTo("REMOVED");
  }

  @Test
  void invalidStartAndInvalidDecisionAreRefused() {
    Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY,
            Map.of(RemovalVariables.CUSTOMER_TENANT_ID.getName(), "proseware.onmicrosoft.com")))
        .isInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining("customerTenantId must be a tenant id (GUID)");
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isZero();

    ProcessInstance instance = requestRemoval(PROSEWARE);
    runDueJobs(runtimeService, managementService, instance.getId());
    Assertions.assertThatThrownBy(() -> taskService.complete(task(instance).getId(),
            Map.of(RemovalVariables.BLOCKERS_DECISION.getName(), "REMOVE_ANYWAY")))
        .hasRootCauseInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining("blockersDecision must be one of CHECK_AGAIN, CANCEL_REMOVAL");
    assertThat(instance).isWaitingAt(TASK_CLEAR_REMOVAL_BLOCKERS);
  }

  private ProcessInstance requestRemoval(String customerTenantId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(RemovalVariables.CUSTOMER_TENANT_ID.getName(), customerTenantId);
    variables.put(RemovalVariables.REASON.getName(), "Customer moves to another partner");
    variables.put(RemovalVariables.REQUESTER.getName(), TestUsers.GLOBAL_ADMIN);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables);
    assertThat(instance).isStarted().hasBusinessKey(customerTenantId);
    return instance;
  }

  private String blockers(ProcessInstance instance) {
    return String.valueOf(RemovalVariables.REMOVAL_BLOCKERS.from(runtimeService, instance.getId()).getOrNull());
  }

  private static Subscription withStatus(Subscription subscription, String status) {
    return new Subscription(subscription.id(), subscription.offerId(), subscription.offerName(),
        subscription.friendlyName(), subscription.quantity(), subscription.unitType(), subscription.billingType(),
        subscription.billingCycle(), subscription.termDuration(), subscription.commitmentEndDate(), status,
        subscription.partnerId(), subscription.attributes());
  }

  /** An Azure reservation entitlement shaped as get-a-collection-of-entitlements' example. */
  private ObjectNode reservation(OffsetDateTime expiryDate) {
    ObjectNode entitlement = objectMapper.createObjectNode();
    entitlement.putArray("includedEntitlements");
    entitlement.putObject("referenceOrder").put("id", "KaJ8XvkKc_GoNZOUyjVaRJalTBN5MWdV1").put("lineItemId", "0");
    entitlement.put("productId", "DZH318Z0BQ3W").put("quantity", 1).put("skuId", "007J")
        .put("entitlementType", "reservedinstance");
    entitlement.putArray("entitledArtifacts");
    if (expiryDate != null) {
      entitlement.put("expiryDate", expiryDate.toString());
    }
    return entitlement;
  }

  /** The requester's e-mail about this removal, read through the outbox API as the requester. */
  private JsonNode mailTo(ProcessInstance instance) {
    RestClient asRequester = TestUsers.http(port, TestUsers.GLOBAL_ADMIN);
    JsonNode entries = asRequester.get().uri("/api/outbox?recipient={r}", REQUESTER_EMAIL).retrieve().body(JsonNode.class);
    JsonNode entry = null;
    for (JsonNode candidate : entries) {
      if (instance.getId().equals(candidate.path("businessReference").asText())) {
        Assertions.assertThat(entry).as("one e-mail per removal").isNull();
        entry = candidate;
      }
    }
    Assertions.assertThat(entry).as("e-mail to the requester").isNotNull();
    Assertions.assertThat(entry.path("template").asText()).isEqualTo("removal-notification");
    return asRequester.get().uri("/api/outbox/{id}", entry.path("id").asText()).retrieve().body(JsonNode.class);
  }
}
