package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.ACCEPTED_ACTIVITIES;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.AWAITING_CUSTOMER_ACTIVITIES;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_ALREADY_RELATED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_INVITATION_EXPIRED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_INVITATION_REFUSED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_INVITATION_WITHDRAWN;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_RELATIONSHIP_ESTABLISHED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.GDAP_ACTIVITIES;

import java.util.Collection;
import java.util.Map;

/**
 * Where an invitation stands, derived from the engine: the activities a running instance is at, or the
 * end event a finished one reached. Not stored anywhere, so it cannot drift from the process.
 */
public enum InvitationStatus {
  /** Started; eligibility, link and invitation e-mail are in progress. */
  REQUESTED,
  /** Indirect invitations: the invitation waits for the indirect reseller to forward it to the customer. */
  WITH_RESELLER,
  /** Indirect invitations: the reseller declined to forward it; the provider reviews it. */
  DECLINED_BY_RESELLER,
  /** The invitation is with the customer (reminders, follow-up, extension included). */
  WAITING_FOR_CUSTOMER,
  /** The customer accepted; the GDAP relationship is being set up or awaits the customer's approval. */
  WAITING_FOR_GDAP_APPROVAL,
  /** The customer accepted the reseller relationship (and GDAP, when asked, is done or expired). */
  ESTABLISHED,
  /** The customer already was our reseller customer; nothing was changed. */
  ALREADY_RELATED,
  /** Not eligible; {@code reason} says which rule. */
  REFUSED,
  /** The customer did not accept before {@code expiresAt}. */
  EXPIRED,
  /** Withdrawn by an agent (follow-up task or REST) or cancelled by an operator. */
  WITHDRAWN;

  private static final Map<String, InvitationStatus> BY_END_EVENT =
      Map.of(
          END_EVENT_ALREADY_RELATED, ALREADY_RELATED,
          END_EVENT_INVITATION_REFUSED, REFUSED,
          END_EVENT_INVITATION_EXPIRED, EXPIRED,
          END_EVENT_INVITATION_WITHDRAWN, WITHDRAWN,
          END_EVENT_RELATIONSHIP_ESTABLISHED, ESTABLISHED);

  /**
   * @param activeActivityIds the activities a running instance is at (waiting, or with a pending job)
   * @param adminAccess the admin access requested
   * @return the status of the running invitation
   */
  public static InvitationStatus ofRunning(Collection<String> activeActivityIds, AdminAccess adminAccess) {
    if (activeActivityIds.stream().anyMatch(AWAITING_CUSTOMER_ACTIVITIES::contains)) {
      return WAITING_FOR_CUSTOMER;
    }
    if (activeActivityIds.stream().anyMatch(ACCEPTED_ACTIVITIES::contains)) {
      boolean gdapPending =
          adminAccess == AdminAccess.GDAP && activeActivityIds.stream().anyMatch(GDAP_ACTIVITIES::contains);
      return gdapPending ? WAITING_FOR_GDAP_APPROVAL : ESTABLISHED;
    }
    return REQUESTED;
  }

  /**
   * @param endActivityId the end event a finished instance reached, null when it was cancelled
   * @return the final status; a cancelled instance counts as withdrawn
   */
  public static InvitationStatus ofEnded(String endActivityId) {
    return endActivityId == null ? WITHDRAWN : BY_END_EVENT.getOrDefault(endActivityId, WITHDRAWN);
  }
}
