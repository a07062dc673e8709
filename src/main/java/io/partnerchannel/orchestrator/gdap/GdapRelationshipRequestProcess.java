package io.partnerchannel.orchestrator.gdap;

/**
 * Element ids of {@code bpmn/GdapRelationshipRequest.bpmn}: the GDAP request steps of the invitation as a
 * called process (create, lock for approval, approval e-mail, approval, access assignments).
 */
public final class GdapRelationshipRequestProcess {

  /** Process id = file name. */
  public static final String PROCESS_KEY = "GdapRelationshipRequest";

  public static final String START_EVENT_GDAP_REQUESTED = "StartEvent_GdapRequested";
  public static final String TASK_PREPARE_GDAP_REQUEST = "Task_PrepareGdapRequest";
  public static final String GATEWAY_CUSTOMER_CONTACT_KNOWN = "Gateway_CustomerContactKnown";
  public static final String TASK_ENTER_CUSTOMER_CONTACT = "Task_EnterCustomerContact";
  public static final String GATEWAY_CONTACT_READY = "Gateway_ContactReady";
  public static final String TASK_CREATE_GDAP_RELATIONSHIP = "Task_CreateGdapRelationship";
  public static final String TASK_LOCK_GDAP_FOR_APPROVAL = "Task_LockGdapForApproval";
  public static final String TASK_SEND_GDAP_APPROVAL_EMAIL = "Task_SendGdapApprovalEmail";
  public static final String TASK_AWAIT_GDAP_APPROVAL = "Task_AwaitGdapApproval";
  public static final String BOUNDARY_EVENT_GDAP_APPROVAL_EXPIRED = "BoundaryEvent_GdapApprovalExpired";
  public static final String END_EVENT_GDAP_REQUEST_EXPIRED = "EndEvent_GdapRequestExpired";
  public static final String TASK_CREATE_ACCESS_ASSIGNMENTS = "Task_CreateAccessAssignments";
  public static final String END_EVENT_GDAP_RELATIONSHIP_APPROVED = "EndEvent_GdapRelationshipApproved";

  private GdapRelationshipRequestProcess() {}
}
