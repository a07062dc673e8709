package io.partnerchannel.orchestrator.migration;

/**
 * Element ids of {@code bpmn/AzureCancelAndRecreateMigration.bpmn}, so code and tests refer to the model
 * through one set of constants (Camunda id convention).
 */
final class AzureCancelAndRecreateMigrationProcess {

  /** Process id = file name. */
  public static final String PROCESS_KEY = "AzureCancelAndRecreateMigration";

  public static final String START_EVENT_MIGRATION_REQUESTED = "StartEvent_MigrationRequested";
  public static final String TASK_LOOK_UP_CUSTOMER = "Task_LookUpCustomer";
  public static final String GATEWAY_MIGRATION_POSSIBLE = "Gateway_MigrationPossible";
  public static final String END_EVENT_MIGRATION_REFUSED = "EndEvent_MigrationRefused";
  public static final String END_EVENT_LEGACY_AZURE_OFFER = "EndEvent_LegacyAzureOffer";
  public static final String TASK_CONFIRM_CUSTOMER_AGREEMENT = "Task_ConfirmCustomerAgreement";
  public static final String TASK_CREATE_AZURE_PLAN = "Task_CreateAzurePlan";
  public static final String BOUNDARY_EVENT_COMPENSATE_AZURE_PLAN = "BoundaryEvent_CompensateAzurePlan";
  public static final String TASK_CANCEL_NEW_AZURE_SUBSCRIPTION = "Task_CancelNewAzureSubscription";
  public static final String TASK_ENTER_SUBSCRIPTION_DETAILS = "Task_EnterSubscriptionDetails";
  public static final String TASK_CHOOSE_WHAT_TO_CANCEL = "Task_ChooseWhatToCancel";
  public static final String GATEWAY_WHAT_TO_CANCEL = "Gateway_WhatToCancel";
  public static final String EVENT_COMPENSATE_NEW_SUBSCRIPTION = "IntermediateThrowEvent_CompensateNewSubscription";
  public static final String END_EVENT_MIGRATION_WITHDRAWN = "EndEvent_MigrationWithdrawn";
  public static final String TASK_CONFIRM_OLD_CHANNEL_CANCELLATION = "Task_ConfirmOldChannelCancellation";
  public static final String BOUNDARY_EVENT_CANCELLATION_REMINDER_DUE = "BoundaryEvent_CancellationReminderDue";
  public static final String TASK_REMIND_AGENT_OF_CANCELLATION = "Task_RemindAgentOfCancellation";
  public static final String END_EVENT_AGENT_REMINDED = "EndEvent_AgentReminded";
  public static final String TASK_RECORD_COEXISTENCE = "Task_RecordCoexistence";
  public static final String END_EVENT_AZURE_SERVICES_MOVED = "EndEvent_AzureServicesMoved";

  /** Candidate group of the user tasks. */
  public static final String GROUP_SALES_AGENTS = "sales-agents";

  private AzureCancelAndRecreateMigrationProcess() {}
}
