package io.partnerchannel.orchestrator.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Process variables of {@code CustomerSubscriptionOnboarding}, in one place (camunda-bpm-data style). The
 * customer contact fields of "Confirm customer contact" reuse the invitation's names
 * ({@link io.partnerchannel.orchestrator.invitation.InvitationVariables}), which the call activity passes on.
 */
public final class OnboardingVariables {

  /** String: the customer's tenant id; the business key. */
  public static final String CUSTOMER_TENANT_ID = "customerTenantId";
  /** String: {@code GLOBAL}, {@code US_GOVERNMENT} or {@code 21VIANET}; a {@code ChannelTransition} input. */
  public static final String CLOUD = "cloud";
  /** String: {@code 2020} or {@code NEW_COMMERCE}; a {@code ChannelTransition} input. */
  public static final String RULE_SET = "ruleSet";
  /** List of maps {@code {id, serviceType, boughtFrom}}: the subscriptions to onboard, the multi-instance collection. */
  public static final String SUBSCRIPTIONS = "subscriptions";
  /** Map subscription id → map {@code {serviceType, boughtFrom, route, reason, outcome}}: the decisions so far. */
  public static final String CHANNEL_TRANSITIONS = "channelTransitions";
  /** String (local to one subscription): the subscription id. */
  public static final String SUBSCRIPTION_ID = "subscriptionId";
  /** String (local): {@code LICENSE_BASED} or {@code USAGE_BASED}; a {@code ChannelTransition} input. */
  public static final String SERVICE_TYPE = "serviceType";
  /** String (local): where the customer bought it; a {@code ChannelTransition} input. */
  public static final String BOUGHT_FROM = "boughtFrom";
  /** String (local): {@link ChannelRoute} decided. */
  public static final String ROUTE = "route";
  /** String (local): the decision's reason. */
  public static final String REASON = "reason";
  /** Boolean: the customer is in a reseller relationship with the operating partner. */
  public static final String CUSTOMER_RELATED = "customerRelated";
  /** Boolean: a route needs the relationship and there is none yet. */
  public static final String RELATIONSHIP_NEEDED = "relationshipNeeded";
  /** String: why the invitation ended, passed out of the call activity. */
  public static final String INVITATION_REASON = "invitationReason";
  /** String: Camunda user id of the requesting agent, may be null. */
  public static final String REQUESTER = "requester";

  /** Key of {@link #CHANNEL_TRANSITIONS} entries: what became of the subscription. */
  public static final String OUTCOME = "outcome";

  private OnboardingVariables() {}

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
