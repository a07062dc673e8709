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
 * @param incident the step that failed and waits for an operator (Cockpit: incidents, Retry), or null
 */
public record InvitationView(
    String id,
    InvitationStatus status,
    String customerDomain,
    String invitationUrl,
    String customerTenantId,
    Instant expiresAt,
    String reason,
    List<Step> steps,
    Incident incident) {

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
   * A step of a running invitation that failed after its retries (for example a decision deployed from Camunda
   * Modeler that cannot be evaluated): the invitation waits there, and keeps its customer domain, until an
   * operator retries it in Cockpit or cancels the instance (docs/analysts.md).
   *
   * @param activityId BPMN element id of the step that failed, e.g. {@code Task_DecideEligibility}
   * @param message the engine's error message
   * @param since when the incident was raised
   */
  public record Incident(String activityId, String message, Instant since) {}

  /**
   * The answer to {@code POST /api/invitations}.
   *
   * @param id the invitation id (= process instance id)
   * @param status its status right after the start
   */
  public record Reference(String id, InvitationStatus status) {}
}
