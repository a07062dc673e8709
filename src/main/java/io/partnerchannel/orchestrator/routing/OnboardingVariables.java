package io.partnerchannel.orchestrator.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.StringValue;

/**
 * Process variables of {@code CustomerSubscriptionOnboarding}, in one place (camunda-bpm-data style). The
 * customer contact fields of "Confirm customer contact" reuse the invitation's names
 * ({@link io.partnerchannel.orchestrator.invitation.InvitationVariables}), which the call activity passes on.
 */
final class OnboardingVariables {

  /** String: the customer's tenant id; the business key. */
  public static final String CUSTOMER_TENANT_ID = "customerTenantId";
  /** String: {@code GLOBAL}, {@code US_GOVERNMENT} or {@code 21VIANET}; a {@code ChannelTransition} input. */
  public static final String CLOUD = "cloud";
  /** String: {@code 2020} or {@code NEW_COMMERCE}; a {@code ChannelTransition} input. */
  public static final String RULE_SET = "ruleSet";
  /** List of maps {@code {id, serviceType, boughtFrom}}: the subscriptions to onboard, the multi-instance collection. */
  public static final String SUBSCRIPTIONS = "subscriptions";
  /**
   * Json objects {@code {id, serviceType, boughtFrom}} named {@code subscription1} .. {@code subscription}{@value
   * #SUBSCRIPTION_SLOTS}: the start form's one group per subscription (Tasklist's form-js cannot submit a dynamic list
   * once edited), turned into {@link #SUBSCRIPTIONS} by the start listener.
   */
  public static final String SUBSCRIPTION_SLOT = "subscription";
  /** How many subscription groups the start form has. */
  public static final int SUBSCRIPTION_SLOTS = 5;
  /**
   * Map subscription id → map {@code {serviceType, boughtFrom, route, reason, routeProcessKey, needsRelationship,
   * outcome}} (all strings, {@code needsRelationship} {@code "true"} or {@code "false"}): the decisions so far.
   */
  public static final String CHANNEL_TRANSITIONS = "channelTransitions";
  /** String (local to one subscription): the subscription id. */
  public static final String SUBSCRIPTION_ID = "subscriptionId";
  /** String (local): {@code LICENSE_BASED} or {@code USAGE_BASED}; a {@code ChannelTransition} input. */
  public static final String SERVICE_TYPE = "serviceType";
  /** String (local): where the customer bought it; a {@code ChannelTransition} input. */
  public static final String BOUGHT_FROM = "boughtFrom";
  /**
   * String (local): the route the decision {@code ChannelTransition} chose, its own vocabulary (e.g.
   * {@code PARTNER_SWITCH}); null when no rule matched. Only {@code RELATIONSHIP_REQUEST} and
   * {@code NOT_SUPPORTED} without a process mean something to the model; any other route without a process
   * goes to "Review subscription route".
   */
  public static final String ROUTE = "route";
  /** String (local): key of the process the onboarding starts for the route, null when none (a DMN output). */
  public static final String ROUTE_PROCESS_KEY = "routeProcessKey";
  /** Boolean (local): whether the route needs a reseller relationship with the customer (a DMN output). */
  public static final String NEEDS_RELATIONSHIP = "needsRelationship";
  /** String (local): the decision's reason. */
  public static final String REASON = "reason";
  /** Boolean: the customer is in a reseller relationship with the operating partner. */
  public static final String CUSTOMER_RELATED = "customerRelated";
  /** Boolean: a route needs the relationship and there is none yet. */
  public static final String RELATIONSHIP_NEEDED = "relationshipNeeded";
  /** String: why the invitation ended as a reason code ({@code reasons/reasons*.properties}), passed out of the call activity. */
  public static final String INVITATION_REASON_CODE = "invitationReasonCode";
  /** String: why the invitation ended in free text (a withdrawal's reason), passed out of the call activity. */
  public static final String INVITATION_REASON = "invitationReason";
  /** String: Camunda user id of the requesting agent, may be null. */
  public static final String REQUESTER = "requester";

  /** Key of {@link #CHANNEL_TRANSITIONS} entries: what became of the subscription. */
  public static final String OUTCOME = "outcome";
  /** {@link #ROUTE} of a subscription that no route brings to this partner. */
  public static final String ROUTE_NOT_SUPPORTED = "NOT_SUPPORTED";

  private OnboardingVariables() {}

  /**
   * @param scope an execution
   * @param name a variable holding a string or nothing
   * @return the string, null when absent or null
   */
  public static String text(VariableScope scope, String name) {
    return scope.getVariableTyped(name) instanceof StringValue value ? value.getValue() : null;
  }

  /**
   * @param transition an entry of {@link #CHANNEL_TRANSITIONS}
   * @return whether the decided route needs the reseller relationship ({@link #NEEDS_RELATIONSHIP})
   */
  public static boolean needsRelationship(Map<String, String> transition) {
    return Boolean.parseBoolean(transition.get(NEEDS_RELATIONSHIP));
  }

  /**
   * @param scope an execution
   * @return a modifiable copy of {@link #CHANNEL_TRANSITIONS}, empty when absent
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Map<String, String>> channelTransitions(VariableScope scope) {
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    Object value = scope.getVariable(CHANNEL_TRANSITIONS);
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, entry) -> copy.put(String.valueOf(key), new LinkedHashMap<>((Map<String, String>) entry)));
    }
    return copy;
  }
}
