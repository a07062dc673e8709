package io.partnerchannel.orchestrator.migration;

/**
 * Element ids of {@code bpmn/AzurePartnerSwitch.bpmn}, so code and tests refer to the model through one set
 * of constants (Camunda id convention). The transfer steps have the same ids in
 * {@code LicenseSubscriptionTransition}.
 */
public final class AzurePartnerSwitchProcess {

  /** Process id = file name. */
  public static final String PROCESS_KEY = "AzurePartnerSwitch";

  public static final String START_EVENT_SWITCH_REQUESTED = "StartEvent_PartnerSwitchRequested";
  public static final String TASK_LOOK_UP_CUSTOMER = "Task_LookUpCustomer";
  public static final String GATEWAY_RELATIONSHIP_IN_PLACE = "Gateway_RelationshipInPlace";
  public static final String TASK_CONFIRM_CUSTOMER_CONTACT = "Task_ConfirmCustomerContact";
  public static final String CALL_ACTIVITY_REQUEST_RESELLER_RELATIONSHIP = "CallActivity_RequestResellerRelationship";
  public static final String TASK_CHECK_RESELLER_RELATIONSHIP = "Task_CheckResellerRelationship";
  public static final String GATEWAY_RELATIONSHIP_ESTABLISHED = "Gateway_RelationshipEstablished";
  public static final String END_EVENT_NO_RELATIONSHIP = "EndEvent_NoRelationship";
  public static final String TASK_CONFIRM_CUSTOMER_AGREEMENT = "Task_ConfirmCustomerAgreement";
  public static final String TASK_ENTER_TRANSFER_DETAILS = "Task_EnterTransferDetails";
  public static final String TASK_CREATE_TRANSFER_REQUEST = "Task_CreateTransferRequest";
  public static final String GATEWAY_AWAIT_SOURCE_PARTNER = "Gateway_AwaitSourcePartner";
  public static final String EVENT_SUBSCRIPTION_UPDATED = "IntermediateCatchEvent_SubscriptionUpdated";
  public static final String EVENT_STATUS_CHECK_DUE = "IntermediateCatchEvent_StatusCheckDue";
  public static final String EVENT_TRANSFER_EXPIRED = "IntermediateCatchEvent_TransferExpired";
  public static final String TASK_CHECK_TRANSFER_STATUS = "Task_CheckTransferStatus";
  public static final String GATEWAY_TRANSFER_STATUS = "Gateway_TransferStatus";
  public static final String END_EVENT_TRANSFER_NOT_COMPLETED = "EndEvent_TransferNotCompleted";
  public static final String TASK_REVIEW_TRANSFER_STATUS = "Task_ReviewTransferStatus";
  public static final String GATEWAY_TRANSFER_DECISION = "Gateway_TransferDecision";
  public static final String TASK_CANCEL_TRANSFER_REQUEST = "Task_CancelTransferRequest";
  public static final String END_EVENT_TRANSFER_CANCELLED = "EndEvent_TransferCancelled";
  public static final String END_EVENT_TRANSFER_EXPIRED = "EndEvent_TransferExpired";
  public static final String TASK_CONFIRM_SUBSCRIPTIONS_MOVED = "Task_ConfirmSubscriptionsMoved";
  public static final String END_EVENT_AZURE_SWITCHED = "EndEvent_AzureSwitched";
  public static final String END_EVENT_REFUSED_BY_GUARD = "EndEvent_RefusedByMultiPartnerGuard";

  /** BPMN message raised by the Partner Center event {@code subscription-updated}; correlated by {@code subscriptionId}. */
  public static final String MESSAGE_SUBSCRIPTION_UPDATED = "SubscriptionUpdated";

  private AzurePartnerSwitchProcess() {}
}
