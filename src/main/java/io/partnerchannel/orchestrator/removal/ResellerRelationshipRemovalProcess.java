package io.partnerchannel.orchestrator.removal;

/**
 * Element ids of {@code bpmn/ResellerRelationshipRemoval.bpmn} and {@code bpmn/DapTerminatedByMicrosoft.bpmn}, so code
 * and tests refer to the models through one set of constants (Camunda id convention).
 */
final class ResellerRelationshipRemovalProcess {

  /** Process id = file name. */
  public static final String PROCESS_KEY = "ResellerRelationshipRemoval";

  public static final String START_EVENT_REMOVAL_REQUESTED = "StartEvent_RemovalRequested";
  public static final String TASK_CHECK_REMOVAL_PREREQUISITES = "Task_CheckRemovalPrerequisites";
  public static final String GATEWAY_PREREQUISITES_MET = "Gateway_PrerequisitesMet";
  public static final String TASK_CLEAR_REMOVAL_BLOCKERS = "Task_ClearRemovalBlockers";
  public static final String GATEWAY_BLOCKERS_DECISION = "Gateway_BlockersDecision";
  public static final String TASK_REMOVE_RESELLER_RELATIONSHIP = "Task_RemoveResellerRelationship";
  public static final String BOUNDARY_EVENT_REMOVAL_REFUSED = "BoundaryEvent_RemovalRefused";
  public static final String TASK_NOTIFY_REQUESTER = "Task_NotifyRequester";
  public static final String END_EVENT_REMOVAL_ENDED = "EndEvent_RemovalEnded";

  /** BPMN error code thrown when Partner Center refuses the removal (R17). */
  public static final String ERROR_REMOVAL_REFUSED = "RemovalRefused";

  /** Process id of the follow-up of a DAP Microsoft terminated (R33). */
  public static final String DAP_PROCESS_KEY = "DapTerminatedByMicrosoft";
  public static final String START_EVENT_DAP_TERMINATED = "StartEvent_DapTerminated";
  public static final String TASK_DECIDE_GDAP_REQUEST = "Task_DecideGdapRequest";
  public static final String GATEWAY_GDAP_REQUESTED = "Gateway_GdapRequested";
  public static final String CALL_ACTIVITY_REQUEST_GDAP_RELATIONSHIP = "CallActivity_RequestGdapRelationship";
  public static final String END_EVENT_GDAP_REQUESTED = "EndEvent_GdapRequested";
  public static final String END_EVENT_NO_GDAP_REQUESTED = "EndEvent_NoGdapRequested";

  /** The called process that requests a GDAP relationship (issue 14, {@code gdap} package). */
  public static final String GDAP_REQUEST_PROCESS_KEY = "GdapRelationshipRequest";

  private ResellerRelationshipRemovalProcess() {}
}
