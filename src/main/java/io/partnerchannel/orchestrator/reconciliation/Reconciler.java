package io.partnerchannel.orchestrator.reconciliation;

import io.partnerchannel.orchestrator.events.PartnerCenterEvent;
import io.partnerchannel.orchestrator.events.PartnerCenterEventInbox;
import io.partnerchannel.orchestrator.invitation.ResellerRelationshipAcceptedCorrelator;
import io.partnerchannel.orchestrator.invitation.TrackInvitationProcess;
import io.partnerchannel.orchestrator.gdap.GdapLifecycles;
import io.partnerchannel.orchestrator.indirect.IndirectResellerInvitationProcess;
import io.partnerchannel.orchestrator.invitation.InvitationMessages;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.migration.AzurePartnerSwitchProcess;
import io.partnerchannel.orchestrator.migration.MigrationVariables;
import io.partnerchannel.orchestrator.migration.SubscriptionUpdatedCorrelator;
import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.TransferEntity;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Compares what Partner Center says with what the processes wait for, and feeds what no event told us into the
 * event inbox as the event Partner Center would have sent, so it reaches the process through the same inbox and
 * correlators as a webhook delivery (stored first, correlated once, retried while nothing waits):
 * <ul>
 *   <li>an invitation waiting for acceptance whose customer Partner Center lists with
 *       {@code relationshipToPartner = reseller} ({@link PartnerCenter#getCustomers()}, every page) →
 *       {@code reseller-relationship-accepted-by-customer} (an {@code IndirectResellerInvitation}:
 *       {@code indirect-reseller-relationship-accepted-by-customer}) for {@code /v1/customers/{tenant id}};</li>
 *   <li>a partner switch or license transition waiting for its transfer whose transfer Partner Center reports
 *       {@code Completed} ({@link PartnerCenter#getTransfer}) → {@code subscription-updated} for
 *       {@code /v1/customers/{tenant id}/subscriptions/{subscription id}}, the event Partner Center sends when a
 *       transfer completes (up to 48 h late, R: webhook reliability);</li>
 *   <li>an active GDAP relationship ({@link PartnerCenter#getDelegatedAdminRelationships()}) that no
 *       {@code GdapRelationshipLifecycle} watches → {@link GdapLifecycles#watch}, which reminds before its end date,
 *       extends or replaces it.</li>
 * </ul>
 * The events are stable per finding — the change date of an acceptance is the invitation's start (the customer
 * list does not say when it was accepted), that of a transfer its {@code completedTime} — so a repeated run, or a
 * run on another node, feeds a delivery the inbox already has and nothing is correlated twice. The audit URI
 * {@value #AUDIT_URI} tells these events from Partner Center's in the inbox. Customers are listed only when an
 * invitation waits.
 */
@Component
public class Reconciler {

  /** {@code AuditUri} of the events reconciliation feeds. */
  public static final String AUDIT_URI = "urn:pco:reconciliation";

  /** GDAP relationship statuses a lifecycle watches (the rest are before approval or ended). */
  private static final Set<String> WATCHED_STATUSES = Set.of(DelegatedAdminRelationship.STATUS_ACTIVE, "expiring");

  /** Instance ids per query of the acceptances' reads (well below any database's limit of bound parameters). */
  private static final int IDS_PER_QUERY = 1_000;

  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final PartnerCenter partnerCenter;
  private final PartnerCenterEventInbox inbox;
  private final GdapLifecycles gdapLifecycles;

  Reconciler(RuntimeService runtimeService, HistoryService historyService, PartnerCenter partnerCenter,
      PartnerCenterEventInbox inbox, GdapLifecycles gdapLifecycles) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.partnerCenter = partnerCenter;
    this.inbox = inbox;
    this.gdapLifecycles = gdapLifecycles;
  }

  /**
   * One reconciliation, without the cluster lock ({@link ReconciliationJob} takes it).
   *
   * @return what it found and fed
   * @throws io.partnerchannel.orchestrator.partnercenter.PartnerCenterException when Partner Center cannot be read;
   *     what was fed before stays fed
   */
  public ReconciliationReport reconcile() {
    List<ReconciliationReport.FedEvent> fed = new ArrayList<>();
    int invitations = acceptances(fed);
    int transfers = transfers(fed);
    List<String> watched = new ArrayList<>();
    int gdapRelationships = gdapRelationships(watched);
    ReconciliationReport report = new ReconciliationReport(invitations, transfers, List.copyOf(fed), gdapRelationships,
        List.copyOf(watched));
    log.info("Reconciliation: {} invitations and {} transfers waiting, fed {} events ({} new); {} active GDAP"
        + " relationships, {} newly watched", invitations, transfers, fed.size(),
        fed.stream().filter(event -> !event.duplicate()).count(), gdapRelationships, watched.size());
    return report;
  }

  /**
   * The invitations waiting for acceptance whose customer Partner Center lists as reseller customer, in a number of
   * queries bounded by {@value #IDS_PER_QUERY} instances each (not one per instance): the waiting executions, their
   * instances (the tenant is the business key of a "Track invitation" instance), the tenant variable of those
   * without it, and the invitations that called them. An instance that ended meanwhile is skipped.
   *
   * @return the instances that waited
   */
  private int acceptances(List<ReconciliationReport.FedEvent> fed) {
    Set<String> instanceIds = runtimeService.createExecutionQuery()
        .messageEventSubscriptionName(InvitationMessages.INVITATION_ACCEPTED).list().stream()
        .map(Execution::getProcessInstanceId)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    if (instanceIds.isEmpty()) {
      return 0;
    }
    Set<String> resellerCustomers = partnerCenter.getCustomers().stream()
        .filter(Customer::isReseller)
        .map(customer -> customer.id().toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
    Map<String, HistoricProcessInstance> running = historicInstances(instanceIds).values().stream()
        .filter(instance -> instance.getEndTime() == null)
        .collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
    Map<String, String> tenantOf = new HashMap<>();
    List<String> unkeyed = new ArrayList<>();
    for (HistoricProcessInstance instance : running.values()) {
      if (TrackInvitationProcess.PROCESS_KEY.equals(instance.getProcessDefinitionKey()) && instance.getBusinessKey() != null) {
        tenantOf.put(instance.getId(), instance.getBusinessKey());
      } else {
        unkeyed.add(instance.getId());
      }
    }
    tenantOf.putAll(tenantVariables(unkeyed));
    Map<String, HistoricProcessInstance> accepted = new LinkedHashMap<>();
    for (String instanceId : instanceIds) {
      String tenantId = tenantOf.get(instanceId);
      if (tenantId != null && resellerCustomers.contains(tenantId.toLowerCase(Locale.ROOT))) {
        accepted.put(instanceId, running.get(instanceId));
      }
    }
    // the acceptance is awaited by the invitation's "Track invitation" instance; the event names the invitation
    Map<String, HistoricProcessInstance> callers = historicInstances(accepted.values().stream()
        .filter(instance -> TrackInvitationProcess.PROCESS_KEY.equals(instance.getProcessDefinitionKey()))
        .map(HistoricProcessInstance::getSuperProcessInstanceId)
        .filter(Objects::nonNull)
        .collect(Collectors.toSet()));
    accepted.forEach((instanceId, instance) -> {
      HistoricProcessInstance invitation = TrackInvitationProcess.PROCESS_KEY.equals(instance.getProcessDefinitionKey())
          && instance.getSuperProcessInstanceId() != null ? callers.get(instance.getSuperProcessInstanceId()) : instance;
      if (invitation == null) {
        return;
      }
      String tenantId = tenantOf.get(instanceId);
      String eventName = IndirectResellerInvitationProcess.PROCESS_KEY.equals(invitation.getProcessDefinitionKey())
          ? ResellerRelationshipAcceptedCorrelator.INDIRECT_EVENT_NAME : ResellerRelationshipAcceptedCorrelator.EVENT_NAME;
      fed.add(feed(eventName, "/v1/customers/" + tenantId, "Customer", invitation.getStartTime().toInstant(),
          invitation.getId()));
    });
    return instanceIds.size();
  }

  /** @return the history of these instances (running or ended) by id, in queries of {@value #IDS_PER_QUERY} ids */
  private Map<String, HistoricProcessInstance> historicInstances(Collection<String> ids) {
    Map<String, HistoricProcessInstance> instances = new HashMap<>();
    for (List<String> chunk : chunks(ids)) {
      historyService.createHistoricProcessInstanceQuery().processInstanceIds(new HashSet<>(chunk)).list()
          .forEach(instance -> instances.put(instance.getId(), instance));
    }
    return instances;
  }

  /**
   * @return the process-level {@code customerTenantId} (a string) of these running instances by instance id, in
   *     queries of {@value #IDS_PER_QUERY} ids; an instance that ended meanwhile has none
   */
  private Map<String, String> tenantVariables(Collection<String> instanceIds) {
    Map<String, String> tenants = new HashMap<>();
    for (List<String> chunk : chunks(instanceIds)) {
      for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
          .processInstanceIdIn(chunk.toArray(String[]::new))
          .variableName(InvitationVariables.CUSTOMER_TENANT_ID.getName())
          .disableCustomObjectDeserialization()
          .list()) {
        if (variable.getProcessInstanceId().equals(variable.getExecutionId()) && variable.getValue() instanceof String tenant) {
          tenants.put(variable.getProcessInstanceId(), tenant);
        }
      }
    }
    return tenants;
  }

  private static List<List<String>> chunks(Collection<String> ids) {
    List<String> all = List.copyOf(ids);
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
      chunks.add(all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY)));
    }
    return chunks;
  }

  private int transfers(List<ReconciliationReport.FedEvent> fed) {
    Map<String, String> waitingExecutionOfInstance = runtimeService.createExecutionQuery()
        .messageEventSubscriptionName(AzurePartnerSwitchProcess.MESSAGE_SUBSCRIPTION_UPDATED).list().stream()
        .collect(Collectors.toMap(Execution::getProcessInstanceId, Execution::getId, (first, second) -> first));
    for (Map.Entry<String, String> waiting : waitingExecutionOfInstance.entrySet()) {
      String instanceId = waiting.getKey();
      String customerTenantId = MigrationVariables.CUSTOMER_TENANT_ID.from(runtimeService, waiting.getValue()).getOrNull();
      String transferId = MigrationVariables.TRANSFER_ID.from(runtimeService, waiting.getValue()).getOrNull();
      String subscriptionId = MigrationVariables.SUBSCRIPTION_ID.from(runtimeService, waiting.getValue()).getOrNull();
      if (customerTenantId == null || transferId == null || subscriptionId == null) {
        continue;
      }
      partnerCenter.getTransfer(customerTenantId, transferId)
          .filter(transfer -> "Completed".equalsIgnoreCase(transfer.status()))
          .ifPresent(transfer -> fed.add(feed(SubscriptionUpdatedCorrelator.EVENT_NAME,
              "/v1/customers/" + customerTenantId + "/subscriptions/" + subscriptionId, "subscription",
              completedAt(transfer), instanceId)));
    }
    return waitingExecutionOfInstance.size();
  }

  /**
   * Every active (or expiring) GDAP relationship gets its {@code GdapRelationshipLifecycle}: one that none watches —
   * created outside this application, or before it watched relationships — is handed to
   * {@link GdapLifecycles#watch} (idempotent by the relationship id).
   *
   * @return the active relationships Graph lists
   */
  private int gdapRelationships(List<String> watched) {
    List<DelegatedAdminRelationship> active = partnerCenter.getDelegatedAdminRelationships().stream()
        .filter(relationship -> relationship.id() != null && WATCHED_STATUSES.contains(relationship.status()))
        .toList();
    for (DelegatedAdminRelationship relationship : active) {
      if (gdapLifecycles.watching(relationship.id()).isEmpty()) {
        String instanceId = gdapLifecycles.watch(relationship.id(),
            relationship.customer() == null ? null : relationship.customer().tenantId());
        log.warn("Reconciliation: GDAP relationship {} ({}, ends {}) was watched by no lifecycle; now by {}",
            relationship.id(), relationship.displayName(), relationship.endDateTime(), instanceId);
        watched.add(relationship.id());
      }
    }
    return active.size();
  }

  private ReconciliationReport.FedEvent feed(String eventName, String resourceUri, String resourceName,
      Instant changed, String instanceId) {
    PartnerCenterEventInbox.Receipt receipt =
        inbox.receive(new PartnerCenterEvent(eventName, resourceUri, resourceName, AUDIT_URI, changed.toString()));
    if (!receipt.duplicate()) {
      log.warn("Reconciliation: Partner Center says {} for {}, which no event told; fed to the inbox as {} for"
          + " process instance {}", eventName, resourceUri, receipt.id(), instanceId);
    }
    return new ReconciliationReport.FedEvent(eventName, resourceUri, instanceId, receipt.id(), receipt.duplicate());
  }

  private static Instant completedAt(TransferEntity transfer) {
    OffsetDateTime at = transfer.completedTime() != null ? transfer.completedTime()
        : transfer.lastModifiedTime() != null ? transfer.lastModifiedTime() : transfer.createdTime();
    return at == null ? Instant.EPOCH : at.toInstant();
  }
}
