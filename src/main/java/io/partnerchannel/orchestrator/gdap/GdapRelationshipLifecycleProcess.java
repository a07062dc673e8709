package io.partnerchannel.orchestrator.gdap;

/**
 * Element ids of {@code bpmn/GdapRelationshipLifecycle.bpmn} (Camunda id convention), for code and tests.
 */
final class GdapRelationshipLifecycleProcess {

  /** Process id = file name. */
  public static final String PROCESS_KEY = "GdapRelationshipLifecycle";

  public static final String START_EVENT_RELATIONSHIP_WATCHED = "StartEvent_RelationshipWatched";
  public static final String GATEWAY_READ_RELATIONSHIP = "Gateway_ReadRelationship";
  public static final String TASK_READ_GDAP_RELATIONSHIP = "Task_ReadGdapRelationship";
  public static final String GATEWAY_RELATIONSHIP_STATE = "Gateway_RelationshipState";
  public static final String TASK_AWAIT_ACTIVATION = "Task_AwaitActivation";
  public static final String BOUNDARY_EVENT_ACTIVATION_CHECK_DUE = "BoundaryEvent_ActivationCheckDue";
  public static final String END_EVENT_RELATIONSHIP_ENDED = "EndEvent_RelationshipEnded";
  public static final String END_EVENT_ALREADY_WATCHED = "EndEvent_AlreadyWatched";
  public static final String GATEWAY_ACCESS_ASSIGNMENTS_CHECKED = "Gateway_AccessAssignmentsChecked";
  public static final String TIMER_PROVISIONING_TIME_PASSED = "TimerEvent_ProvisioningTimePassed";
  public static final String TASK_CHECK_ACCESS_ASSIGNMENTS = "Task_CheckAccessAssignments";
  public static final String GATEWAY_ACCESS_ASSIGNMENTS_ACTIVE = "Gateway_AccessAssignmentsActive";
  public static final String TASK_REVIEW_ACCESS_ASSIGNMENTS = "Task_ReviewAccessAssignments";
  public static final String GATEWAY_CHECK_AGAIN = "Gateway_CheckAgain";
  public static final String GATEWAY_ACCESS_READY = "Gateway_AccessReady";
  public static final String GATEWAY_AUTO_EXTEND_ALLOWED = "Gateway_AutoExtendAllowed";
  public static final String TASK_ENABLE_AUTO_EXTEND = "Task_EnableAutoExtend";
  public static final String GATEWAY_AWAIT_END_DATE = "Gateway_AwaitEndDate";
  public static final String TIMER_END_DATE_REACHED = "TimerEvent_EndDateReached";
  public static final String MESSAGE_EXPIRED_WHILE_EXTENDING = "MessageEvent_ExpiredWhileExtending";
  public static final String GATEWAY_AWAIT_EXPIRY_REMINDER = "Gateway_AwaitExpiryReminder";
  public static final String TIMER_EXPIRY_REMINDER_DUE = "TimerEvent_ExpiryReminderDue";
  public static final String MESSAGE_EXPIRED_BEFORE_REMINDER = "MessageEvent_ExpiredBeforeReminder";
  public static final String END_EVENT_RELATIONSHIP_EXPIRED = "EndEvent_RelationshipExpired";
  public static final String END_EVENT_EXPIRED_BEFORE_REMINDER = "EndEvent_ExpiredBeforeReminder";
  public static final String GATEWAY_CHECK_ACCESS_ASSIGNMENTS = "Gateway_CheckAccessAssignments";
  public static final String TASK_SEND_EXPIRY_REMINDER = "Task_SendExpiryReminder";
  public static final String CALL_ACTIVITY_REQUEST_NEW_RELATIONSHIP = "CallActivity_RequestNewRelationship";
  public static final String BOUNDARY_EVENT_FINAL_REMINDER_DUE = "BoundaryEvent_FinalReminderDue";
  public static final String TASK_SEND_FINAL_EXPIRY_REMINDER = "Task_SendFinalExpiryReminder";
  public static final String END_EVENT_FINAL_REMINDER_SENT = "EndEvent_FinalReminderSent";
  public static final String BOUNDARY_EVENT_EXPIRED_DURING_REQUEST = "BoundaryEvent_ExpiredDuringRequest";
  public static final String END_EVENT_EXPIRY_NOTED = "EndEvent_ExpiryNoted";
  public static final String GATEWAY_NEW_RELATIONSHIP_APPROVED = "Gateway_NewRelationshipApproved";
  public static final String END_EVENT_RELATIONSHIP_REPLACED = "EndEvent_RelationshipReplaced";
  public static final String END_EVENT_REPLACEMENT_NOT_APPROVED = "EndEvent_ReplacementNotApproved";
  public static final String SUB_PROCESS_RELATIONSHIP_TERMINATED = "SubProcess_RelationshipTerminated";
  public static final String START_EVENT_RELATIONSHIP_TERMINATED = "StartEvent_RelationshipTerminated";
  public static final String END_EVENT_RELATIONSHIP_TERMINATED = "EndEvent_RelationshipTerminated";

  /** Candidate group of "Review access assignments": the partner's global admins (GDAP needs the Admin agent role). */
  public static final String GROUP_GLOBAL_ADMINS = "global-admins";

  private GdapRelationshipLifecycleProcess() {}
}
