package io.partnerchannel.orchestrator.invitation;

/**
 * Element ids of {@code bpmn/TrackInvitation.bpmn}: the sent invitation with the customer (acceptance,
 * reminders, follow-up), one model called by both invitation processes through their call activity
 * {@link ResellerRelationshipInvitationProcess#CALL_ACTIVITY_TRACK_INVITATION}. Its instance waits for
 * {@link InvitationMessages#INVITATION_ACCEPTED}, correlated by {@code customerTenantId}, which the caller
 * passes in (docs/invitation-tracking.md).
 */
public final class TrackInvitationProcess {

  /** Process id = file name. */
  public static final String PROCESS_KEY = "TrackInvitation";

  public static final String START_EVENT_INVITATION_SENT = "StartEvent_InvitationSent";
  public static final String TASK_AWAIT_CUSTOMER_ACCEPTANCE = "Task_AwaitCustomerAcceptance";
  public static final String END_EVENT_INVITATION_ACCEPTED = "EndEvent_InvitationAccepted";
  public static final String BOUNDARY_EVENT_REMINDER_DUE = "BoundaryEvent_ReminderDue";
  public static final String TASK_FOLLOW_UP_WITH_CUSTOMER = "Task_FollowUpWithCustomer";
  public static final String GATEWAY_FOLLOW_UP_DECISION = "Gateway_FollowUpDecision";
  public static final String TASK_RESEND_INVITATION_EMAIL = "Task_ResendInvitationEmail";
  public static final String END_EVENT_INVITATION_RESENT = "EndEvent_InvitationResent";
  public static final String TASK_EXTEND_INVITATION = "Task_ExtendInvitation";
  /** Escalation {@code InvitationExtended}: the caller enters "Track invitation" again (new expiry timer). */
  public static final String END_EVENT_INVITATION_EXTENDED = "EndEvent_InvitationExtended";
  /** Error {@link ResellerRelationshipInvitationProcess#ERROR_INVITATION_WITHDRAWN}, caught by the caller. */
  public static final String END_EVENT_WITHDRAWN_AT_FOLLOW_UP = "EndEvent_WithdrawnAtFollowUp";

  private TrackInvitationProcess() {}
}
