package io.partnerchannel.orchestrator.migration;

/**
 * Element ids of {@code bpmn/LicenseSubscriptionTransition.bpmn}, so code and tests refer to the model
 * through one set of constants (Camunda id convention). The new-commerce transfer steps carry the ids of
 * {@link AzurePartnerSwitchProcess}.
 */
final class LicenseSubscriptionTransitionProcess {

  /** Process id = file name. */
  public static final String PROCESS_KEY = "LicenseSubscriptionTransition";

  public static final String START_EVENT_TRANSITION_REQUESTED = "StartEvent_TransitionRequested";
  public static final String TASK_LOOK_UP_CUSTOMER = "Task_LookUpCustomer";
  public static final String GATEWAY_TRANSITION_POSSIBLE = "Gateway_TransitionPossible";
  public static final String END_EVENT_TRANSITION_REFUSED = "EndEvent_TransitionRefused";
  public static final String GATEWAY_RULE_SET = "Gateway_RuleSet";
  public static final String TASK_ENTER_SUBSCRIPTION_DETAILS = "Task_EnterSubscriptionDetails";
  public static final String SUB_PROCESS_AWAIT_TERM_END = "SubProcess_AwaitTermEnd";
  public static final String EVENT_TERM_ENDED = "IntermediateCatchEvent_TermEnded";
  public static final String END_EVENT_TERM_ENDED = "EndEvent_TermEnded";
  public static final String END_EVENT_CANCELLATION_REPORTED = "EndEvent_CancellationReported";
  public static final String EVENT_CANCELLATION_REPORTED = "IntermediateCatchEvent_CancellationReported";
  /** The person's way to report the cancellation: completing it ends the wait as the message does. */
  public static final String TASK_RECORD_CUSTOMER_CANCELLATION = "Task_RecordCustomerCancellation";
  public static final String END_EVENT_CANCELLATION_RECORDED = "EndEvent_CancellationRecorded";
  public static final String SUB_PROCESS_TERM_END_REMINDER = "SubProcess_TermEndReminder";
  public static final String TASK_PREPARE_LICENSE_TRANSITION = "Task_PrepareLicenseTransition";
  public static final String TASK_PROVISION_SAME_OFFER = "Task_ProvisionSameOffer";
  public static final String END_EVENT_LICENSES_PROVISIONED = "EndEvent_LicensesProvisioned";
  public static final String END_EVENT_SUBSCRIPTION_TRANSFERRED = "EndEvent_SubscriptionTransferred";

  /** BPMN message: the customer reports it cancelled the subscription with its current partner; correlated by
   * business key (the subscription id). */
  public static final String MESSAGE_CANCELLATION_REPORTED = "LicenseCancellationReported";

  private LicenseSubscriptionTransitionProcess() {}
}
