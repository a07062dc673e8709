package io.partnerchannel.orchestrator.routing;

/**
 * Element ids of {@code bpmn/CustomerSubscriptionOnboarding.bpmn} and {@code bpmn/ChannelTransition.dmn}, so
 * code and tests refer to the model through one set of constants (Camunda id convention).
 */
public final class CustomerSubscriptionOnboardingProcess {

  /** Process id = file name. */
  public static final String PROCESS_KEY = "CustomerSubscriptionOnboarding";
  /** Decision id of {@code bpmn/ChannelTransition.dmn}. */
  public static final String DECISION_CHANNEL_TRANSITION = "ChannelTransition";

  public static final String START_EVENT_ONBOARDING_REQUESTED = "StartEvent_OnboardingRequested";
  public static final String SUB_PROCESS_DECIDE_CHANNEL_TRANSITIONS = "SubProcess_DecideChannelTransitions";
  public static final String TASK_DECIDE_CHANNEL_TRANSITION = "Task_DecideChannelTransition";
  public static final String TASK_RECORD_CHANNEL_DECISION = "Task_RecordChannelDecision";
  public static final String TASK_LOOK_UP_CUSTOMER = "Task_LookUpCustomer";
  public static final String GATEWAY_RELATIONSHIP_NEEDED = "Gateway_RelationshipNeeded";
  public static final String TASK_CONFIRM_CUSTOMER_CONTACT = "Task_ConfirmCustomerContact";
  public static final String CALL_ACTIVITY_REQUEST_RESELLER_RELATIONSHIP = "CallActivity_RequestResellerRelationship";
  public static final String TASK_CHECK_RESELLER_RELATIONSHIP = "Task_CheckResellerRelationship";
  public static final String GATEWAY_RELATIONSHIP_ESTABLISHED = "Gateway_RelationshipEstablished";
  public static final String TASK_RECORD_MISSING_RELATIONSHIP = "Task_RecordMissingRelationship";
  public static final String END_EVENT_NO_RELATIONSHIP = "EndEvent_NoRelationship";
  public static final String SUB_PROCESS_ONBOARD_SUBSCRIPTION = "SubProcess_OnboardSubscription";
  public static final String GATEWAY_ROUTE = "Gateway_Route";
  public static final String TASK_REVIEW_SUBSCRIPTION_ROUTE = "Task_ReviewSubscriptionRoute";
  /** Starts the process the decision names for the route ({@code calledElement="${routeProcessKey}"}). */
  public static final String CALL_ACTIVITY_START_ROUTE_PROCESS = "CallActivity_StartRouteProcess";
  public static final String TASK_RECORD_UNSUPPORTED_SUBSCRIPTION = "Task_RecordUnsupportedSubscription";
  public static final String END_EVENT_SUBSCRIPTION_ONBOARDED = "EndEvent_SubscriptionOnboarded";
  public static final String END_EVENT_SUBSCRIPTIONS_ONBOARDED = "EndEvent_SubscriptionsOnboarded";

  /** Candidate group of "Confirm customer contact". */
  public static final String GROUP_SALES_AGENTS = "sales-agents";

  private CustomerSubscriptionOnboardingProcess() {}
}
