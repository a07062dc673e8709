package io.partnerchannel.orchestrator.indirect;

import java.util.Set;

/**
 * Element ids of {@code bpmn/IndirectResellerInvitation.bpmn} and {@code bpmn/IndirectInvitationEligibility.dmn}.
 * Elements that do what their namesakes in {@code ResellerRelationshipInvitation} do keep those ids
 * ({@link io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess}: customer
 * look-up, eligibility, invitation e-mail, the call activity of "Track invitation" ({@code bpmn/TrackInvitation.bpmn},
 * the same model both call) with expiry and withdrawal, recording the relationship, notifying the requester), so the shared delegates
 * and {@link io.partnerchannel.orchestrator.invitation.InvitationStatus} serve both processes; the
 * constants below are the indirect process's own.
 */
public final class IndirectResellerInvitationProcess {

  /** Process id = file name. */
  public static final String PROCESS_KEY = "IndirectResellerInvitation";
  /** Decision id of {@code bpmn/IndirectInvitationEligibility.dmn}. */
  public static final String DECISION_INDIRECT_INVITATION_ELIGIBILITY = "IndirectInvitationEligibility";

  public static final String START_EVENT_INDIRECT_INVITATION_REQUESTED = "StartEvent_IndirectInvitationRequested";
  public static final String GATEWAY_INVITATION_REFUSED = "Gateway_InvitationRefused";
  public static final String GATEWAY_RESELLER_CHOSEN = "Gateway_ResellerChosen";
  public static final String GATEWAY_ROUTE_VIA_RESELLER = "Gateway_RouteViaReseller";
  public static final String TASK_CHECK_INDIRECT_RESELLER = "Task_CheckIndirectReseller";
  public static final String GATEWAY_INDIRECT_CHECKS_READY = "Gateway_IndirectChecksReady";
  public static final String TASK_DECIDE_INDIRECT_ELIGIBILITY = "Task_DecideIndirectEligibility";
  public static final String GATEWAY_INDIRECT_ELIGIBLE = "Gateway_IndirectEligible";
  public static final String GATEWAY_LINK_NEEDED = "Gateway_LinkNeeded";
  public static final String TASK_GET_INVITATION_LINK = "Task_GetInvitationLink";
  public static final String GATEWAY_FORWARD_THROUGH_RESELLER = "Gateway_ForwardThroughReseller";
  public static final String SUB_PROCESS_FORWARD_THROUGH_RESELLER = "SubProcess_ForwardThroughReseller";
  public static final String START_EVENT_INVITATION_WITH_RESELLER = "StartEvent_InvitationWithReseller";
  public static final String TASK_FORWARD_INVITATION = "Task_ForwardInvitation";
  public static final String END_EVENT_FORWARDING_DECIDED = "EndEvent_ForwardingDecided";
  public static final String BOUNDARY_EVENT_FORWARDING_OVERDUE = "BoundaryEvent_ForwardingOverdue";
  public static final String TASK_FOLLOW_UP_WITH_RESELLER = "Task_FollowUpWithReseller";
  public static final String END_EVENT_RESELLER_FOLLOWED_UP = "EndEvent_ResellerFollowedUp";
  public static final String BOUNDARY_EVENT_WITHDRAWN_WHILE_FORWARDING = "BoundaryEvent_WithdrawnWhileForwarding";
  public static final String GATEWAY_FORWARD_DECISION = "Gateway_ForwardDecision";
  public static final String TASK_REVIEW_DECLINED_INVITATION = "Task_ReviewDeclinedInvitation";
  public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";
  public static final String END_EVENT_WITHDRAWN_AFTER_DECLINE = "EndEvent_WithdrawnAfterDecline";
  public static final String GATEWAY_READY_TO_SEND = "Gateway_ReadyToSend";
  public static final String GATEWAY_RESELLER_ASSOCIATED = "Gateway_ResellerAssociated";
  public static final String TASK_NOTIFY_RESELLER = "Task_NotifyReseller";
  public static final String GATEWAY_NOTIFICATIONS_SENT = "Gateway_NotificationsSent";

  /** Prefix of an indirect reseller's candidate group: {@code reseller-<reseller tenant id>}. */
  public static final String RESELLER_GROUP_PREFIX = "reseller-";

  /** Activities while the invitation is with the reseller. */
  static final Set<String> WITH_RESELLER_ACTIVITIES =
      Set.of(
          SUB_PROCESS_FORWARD_THROUGH_RESELLER,
          START_EVENT_INVITATION_WITH_RESELLER,
          TASK_FORWARD_INVITATION,
          END_EVENT_FORWARDING_DECIDED,
          BOUNDARY_EVENT_FORWARDING_OVERDUE,
          TASK_FOLLOW_UP_WITH_RESELLER,
          END_EVENT_RESELLER_FOLLOWED_UP);

  private IndirectResellerInvitationProcess() {}

  /**
   * @param resellerTenantId an indirect reseller's tenant id
   * @return the Camunda group of that reseller's staff, {@code reseller-<resellerTenantId>}
   */
  public static String resellerGroup(String resellerTenantId) {
    return RESELLER_GROUP_PREFIX + resellerTenantId;
  }
}
