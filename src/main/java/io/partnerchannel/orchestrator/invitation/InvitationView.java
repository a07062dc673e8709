package io.partnerchannel.orchestrator.invitation;

import java.time.Instant;
import java.util.List;

/**
 * An invitation as {@code GET /api/invitations/{id}} shows it.
 *
 * @param id the invitation id (= process instance id)
 * @param status derived from the engine
 * @param customerDomain the customer domain
 * @param invitationUrl the link sent to the customer, once known
 * @param customerTenantId the customer tenant id, once known
 * @param expiresAt when the invitation expires, once set
 * @param reason why it ended as it did (refused, already related, expired, withdrawn), or null
 * @param steps the activities run so far, oldest first
 */
public record InvitationView(
    String id,
    InvitationStatus status,
    String customerDomain,
    String invitationUrl,
    String customerTenantId,
    Instant expiresAt,
    String reason,
    List<Step> steps) {

  /**
   * One activity of the process, from history.
   *
   * @param activityId BPMN element id, e.g. {@code Task_SendInvitationEmail}
   * @param name its label
   * @param type BPMN type, e.g. {@code serviceTask}
   * @param startTime when it started
   * @param endTime when it ended, null while it runs
   */
  public record Step(String activityId, String name, String type, Instant startTime, Instant endTime) {}

  /**
   * The answer to {@code POST /api/invitations}.
   *
   * @param id the invitation id (= process instance id)
   * @param status its status right after the start
   */
  public record Reference(String id, InvitationStatus status) {}
}
