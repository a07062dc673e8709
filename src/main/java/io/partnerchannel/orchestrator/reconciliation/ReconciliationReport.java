package io.partnerchannel.orchestrator.reconciliation;

import java.util.List;

/**
 * What one reconciliation run found.
 *
 * @param waitingInvitations invitations waiting for the customer's acceptance
 * @param waitingTransfers partner switches and license transitions waiting for their transfer
 * @param events the Partner Center events it fed into the event inbox for what no event had told (empty when
 *     Partner Center and the processes agreed); a repeated run feeds the same events, which the inbox recognises
 *     as deliveries it already has
 * @param activeGdapRelationships active (or expiring) GDAP relationships Graph lists
 * @param watchedGdapRelationships the ids of those no lifecycle watched, now watched
 */
record ReconciliationReport(int waitingInvitations, int waitingTransfers, List<FedEvent> events,
    int activeGdapRelationships, List<String> watchedGdapRelationships) {

  /**
   * @param eventName the Partner Center event, e.g. {@code reseller-relationship-accepted-by-customer}
   * @param resourceUri its resource
   * @param processInstanceId the instance that waited for it
   * @param inboxId the inbox entry
   * @param duplicate whether the inbox already had it (fed by an earlier run, or delivered by Partner Center)
   */
  public record FedEvent(String eventName, String resourceUri, String processInstanceId, String inboxId,
      boolean duplicate) {}
}
