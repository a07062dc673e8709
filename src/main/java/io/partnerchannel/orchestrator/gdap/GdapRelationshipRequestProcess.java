package io.partnerchannel.orchestrator.gdap;

/**
 * Element ids of {@code bpmn/GdapRelationshipRequest.bpmn}: the GDAP request steps of the invitation as a
 * called process (create, lock for approval, approval e-mail, approval, access assignments).
 *
 * <p>In: {@code customerTenantId} (required), {@code gdapRoles} (Json array of Entra role definition ids),
 * {@code gdapDuration} ({@code P1D}..{@code P730D}), {@code globalAdminEmail}; optional {@code companyName},
 * {@code customerDomain}, {@code customerLanguage}, {@code requester} (owner of the new relationship's lifecycle).
 * When the e-mail, the roles or the duration is missing, "Complete GDAP request" asks {@code global-admins}.
 * Out: {@code gdapRelationshipId}, {@code gdapRelationshipApproved} (false when the customer did not approve within
 * 90 days, R31).
 */
public final class GdapRelationshipRequestProcess {

  /** Process id = file name. */
  public static final String PROCESS_KEY = "GdapRelationshipRequest";

  public static final String START_EVENT_GDAP_REQUESTED = "StartEvent_GdapRequested";
  public static final String TASK_PREPARE_GDAP_REQUEST = "Task_PrepareGdapRequest";
  public static final String GATEWAY_GDAP_REQUEST_COMPLETE = "Gateway_GdapRequestComplete";
  public static final String TASK_COMPLETE_GDAP_REQUEST = "Task_CompleteGdapRequest";
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
