package io.partnerchannel.orchestrator.invitation;

import java.util.Set;

/**
 * Element ids of {@code bpmn/ResellerRelationshipInvitation.bpmn} and {@code bpmn/InvitationEligibility.dmn},
 * so code and tests refer to the model through one set of constants (Camunda id convention). The called
 * "Track invitation" model has its own: {@link TrackInvitationProcess}.
 */
public final class ResellerRelationshipInvitationProcess {

  /** Process id = file name. */
  public static final String PROCESS_KEY = "ResellerRelationshipInvitation";
  /** Decision id of {@code bpmn/InvitationEligibility.dmn}. */
  public static final String DECISION_INVITATION_ELIGIBILITY = "InvitationEligibility";

  public static final String START_EVENT_INVITATION_REQUESTED = "StartEvent_InvitationRequested";
  public static final String TASK_LOOK_UP_CUSTOMER_TENANT = "Task_LookUpCustomerTenant";
  public static final String GATEWAY_CUSTOMER_ALREADY_RELATED = "Gateway_CustomerAlreadyRelated";
  public static final String END_EVENT_ALREADY_RELATED = "EndEvent_AlreadyRelated";
  public static final String TASK_DECIDE_ELIGIBILITY = "Task_DecideEligibility";
  public static final String GATEWAY_CUSTOMER_ELIGIBLE = "Gateway_CustomerEligible";
  public static final String END_EVENT_INVITATION_REFUSED = "EndEvent_InvitationRefused";
  public static final String TASK_GET_RELATIONSHIP_REQUEST_LINK = "Task_GetRelationshipRequestLink";
  public static final String TASK_SEND_INVITATION_EMAIL = "Task_SendInvitationEmail";

  /** Joins the first entry into "Track invitation" and each re-entry after an extension. */
  public static final String GATEWAY_INVITATION_TRACKED = "Gateway_InvitationTracked";
  /**
   * Calls {@code TrackInvitation} ({@link TrackInvitationProcess}); the follow-up window timer, the withdrawal
   * message, the extension's escalation and the withdrawal's error are its boundary events. Same id in
   * {@code IndirectResellerInvitation}.
   */
  public static final String CALL_ACTIVITY_TRACK_INVITATION = "CallActivity_TrackInvitation";

  /** Catches the escalation of "Invitation extended" and enters "Track invitation" again (new expiry timer). */
  public static final String BOUNDARY_EVENT_INVITATION_EXTENDED = "BoundaryEvent_InvitationExtended";
  public static final String BOUNDARY_EVENT_INVITATION_EXPIRED = "BoundaryEvent_InvitationExpired";
  public static final String END_EVENT_INVITATION_EXPIRED = "EndEvent_InvitationExpired";
  public static final String BOUNDARY_EVENT_WITHDRAWAL_REQUESTED = "BoundaryEvent_WithdrawalRequested";
  public static final String BOUNDARY_EVENT_WITHDRAWN_AT_FOLLOW_UP = "BoundaryEvent_WithdrawnAtFollowUp";
  public static final String GATEWAY_INVITATION_WITHDRAWN = "Gateway_InvitationWithdrawn";
  public static final String END_EVENT_INVITATION_WITHDRAWN = "EndEvent_InvitationWithdrawn";

  public static final String TASK_RECORD_RELATIONSHIP = "Task_RecordRelationship";
  public static final String GATEWAY_GDAP_REQUESTED = "Gateway_GdapRequested";
  public static final String TASK_CREATE_GDAP_RELATIONSHIP = "Task_CreateGdapRelationship";
  public static final String TASK_LOCK_GDAP_FOR_APPROVAL = "Task_LockGdapForApproval";
  public static final String TASK_SEND_GDAP_APPROVAL_EMAIL = "Task_SendGdapApprovalEmail";
  public static final String TASK_AWAIT_GDAP_APPROVAL = "Task_AwaitGdapApproval";
  public static final String BOUNDARY_EVENT_GDAP_APPROVAL_EXPIRED = "BoundaryEvent_GdapApprovalExpired";
  public static final String TASK_CREATE_ACCESS_ASSIGNMENTS = "Task_CreateAccessAssignments";
  public static final String GATEWAY_GDAP_DONE = "Gateway_GdapDone";
  public static final String TASK_NOTIFY_REQUESTER = "Task_NotifyRequester";
  public static final String END_EVENT_RELATIONSHIP_ESTABLISHED = "EndEvent_RelationshipEstablished";
  /** Message start event of an acceptance after the follow-up window ended (both invitation processes). */
  public static final String START_EVENT_LATE_ACCEPTANCE_RECEIVED = "StartEvent_LateAcceptanceReceived";
  /** Joins the acceptance in time and the late one before "Record reseller relationship". */
  public static final String GATEWAY_ACCEPTANCE_RECEIVED = "Gateway_AcceptanceReceived";

  /** Error code of {@code Error_InvitationWithdrawn}, thrown by "Track invitation" when the agent withdraws at follow-up. */
  public static final String ERROR_INVITATION_WITHDRAWN = "InvitationWithdrawn";

  /** Candidate group of "Follow up with customer". */
  public static final String GROUP_SALES_AGENTS = "sales-agents";

  /**
   * Activities while the invitation is with the customer: "Track invitation" (its called instance's own
   * activities, reminders, follow-up and extension, run inside it) and its re-entry after an extension.
   */
  static final Set<String> AWAITING_CUSTOMER_ACTIVITIES =
      Set.of(GATEWAY_INVITATION_TRACKED, BOUNDARY_EVENT_INVITATION_EXTENDED, CALL_ACTIVITY_TRACK_INVITATION);

  /** Activities after the customer accepted that still work on the GDAP relationship. */
  static final Set<String> GDAP_ACTIVITIES =
      Set.of(
          TASK_RECORD_RELATIONSHIP,
          GATEWAY_GDAP_REQUESTED,
          TASK_CREATE_GDAP_RELATIONSHIP,
          TASK_LOCK_GDAP_FOR_APPROVAL,
          TASK_SEND_GDAP_APPROVAL_EMAIL,
          TASK_AWAIT_GDAP_APPROVAL,
          BOUNDARY_EVENT_GDAP_APPROVAL_EXPIRED,
          TASK_CREATE_ACCESS_ASSIGNMENTS);

  /** Activities after the customer accepted, GDAP steps included. */
  static final Set<String> ACCEPTED_ACTIVITIES =
      Set.of(
          START_EVENT_LATE_ACCEPTANCE_RECEIVED,
          GATEWAY_ACCEPTANCE_RECEIVED,
          TASK_RECORD_RELATIONSHIP,
          GATEWAY_GDAP_REQUESTED,
          TASK_CREATE_GDAP_RELATIONSHIP,
          TASK_LOCK_GDAP_FOR_APPROVAL,
          TASK_SEND_GDAP_APPROVAL_EMAIL,
          TASK_AWAIT_GDAP_APPROVAL,
          BOUNDARY_EVENT_GDAP_APPROVAL_EXPIRED,
          TASK_CREATE_ACCESS_ASSIGNMENTS,
          GATEWAY_GDAP_DONE,
          TASK_NOTIFY_REQUESTER,
          END_EVENT_RELATIONSHIP_ESTABLISHED);

  private ResellerRelationshipInvitationProcess() {}
}
