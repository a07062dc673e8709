package io.partnerchannel.orchestrator.removal;

import java.time.Instant;
import java.util.List;

/**
 * A relationship removal as {@code GET /api/relationship-removals/{id}} shows it.
 *
 * @param id the removal's id (its process instance id)
 * @param customerTenantId the customer
 * @param companyName the customer's name, once read from Partner Center
 * @param status {@code RUNNING}, {@code WAITING_FOR_BLOCKERS} (a person suspends or cancels what blocks it), or how it
 *     ended: {@code REMOVED}, {@code NOT_RELATED}, {@code CANCELLED}; {@code DELETED} when an operator deleted it
 * @param blockers what blocks the removal (subscriptions to suspend, reservations and purchases to cancel, or Partner
 *     Center's refusal), empty when nothing does
 * @param unchangedByRemoval what the removal does not change (R18–R20), once removed
 * @param requester who requested it
 * @param startedAt when it was requested
 * @param endedAt when it ended, or null
 */
record RelationshipRemovalView(
    String id,
    String customerTenantId,
    String companyName,
    String status,
    List<String> blockers,
    List<String> unchangedByRemoval,
    String requester,
    Instant startedAt,
    Instant endedAt) {

  /**
   * The answer of {@code POST /api/relationship-removals}.
   *
   * @param id the removal's id
   * @param status its status right after the start
   */
  public record Reference(String id, String status) {}
}
