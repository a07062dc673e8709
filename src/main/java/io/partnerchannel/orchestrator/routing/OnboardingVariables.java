package io.partnerchannel.orchestrator.routing;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.listOfMapsVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.mapVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.adapter.ReadAdapter;
import io.holunda.camunda.bpm.data.adapter.WriteAdapter;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Process variables of {@code CustomerSubscriptionOnboarding} as camunda-bpm-data {@link VariableFactory} constants:
 * read {@code CUSTOMER_TENANT_ID.from(execution).get()}, write {@code .on(execution).set(value)}, the name is
 * {@code getName()}. The customer contact fields of "Confirm customer contact" reuse the invitation's names
 * ({@link io.partnerchannel.orchestrator.invitation.InvitationVariables}), which the call activity passes on.
 */
final class OnboardingVariables {

  /** String: the customer's tenant id; the business key. */
  public static final VariableFactory<String> CUSTOMER_TENANT_ID = stringVariable("customerTenantId");
  /** String: {@code GLOBAL}, {@code US_GOVERNMENT} or {@code 21VIANET}; a {@code ChannelTransition} input. */
  public static final VariableFactory<String> CLOUD = stringVariable("cloud");
  /** String: {@code 2020} or {@code NEW_COMMERCE}; a {@code ChannelTransition} input. */
  public static final VariableFactory<String> RULE_SET = stringVariable("ruleSet");
  /** List of maps {@code {id, serviceType, boughtFrom}}: the subscriptions to onboard, the multi-instance collection. */
  public static final VariableFactory<List<Map<String, String>>> SUBSCRIPTIONS =
      listOfMapsVariable("subscriptions", String.class, String.class);
  /**
   * Name prefix of the Json objects {@code {id, serviceType, boughtFrom}} named {@code subscription1} ..
   * {@code subscription}{@value #SUBSCRIPTION_SLOTS}: the start form's one group per subscription (Tasklist's form-js
   * cannot submit a dynamic list once edited), turned into {@link #SUBSCRIPTIONS} by the start listener.
   */
  public static final String SUBSCRIPTION_SLOT = "subscription";
  /** How many subscription groups the start form has. */
  public static final int SUBSCRIPTION_SLOTS = 5;
  /**
   * Map subscription id → map {@code {serviceType, boughtFrom, route, reasonCode, routeProcessKey,
   * needsRelationship, outcome, invitationReasonCode, invitationReason}} (all strings, {@code needsRelationship}
   * {@code "true"} or {@code "false"}): the decisions so far; read it with {@link #channelTransitions}.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static final VariableFactory<Map<String, Map>> CHANNEL_TRANSITIONS =
      mapVariable("channelTransitions", String.class, Map.class);
  /** String (local to one subscription): the subscription id. */
  public static final VariableFactory<String> SUBSCRIPTION_ID = stringVariable("subscriptionId");
  /** String (local): {@code LICENSE_BASED} or {@code USAGE_BASED}; a {@code ChannelTransition} input. */
  public static final VariableFactory<String> SERVICE_TYPE = stringVariable("serviceType");
  /** String (local): where the customer bought it; a {@code ChannelTransition} input. */
  public static final VariableFactory<String> BOUGHT_FROM = stringVariable("boughtFrom");
  /**
   * String (local): the route the decision {@code ChannelTransition} chose, its own vocabulary (e.g.
   * {@code PARTNER_SWITCH}); null when no rule matched. Only {@code RELATIONSHIP_REQUEST} and
   * {@code NOT_SUPPORTED} without a process mean something to the model; any other route without a process
   * goes to "Review subscription route".
   */
  public static final VariableFactory<String> ROUTE = stringVariable("route");
  /** String (local): key of the process the onboarding starts for the route, null when none (a DMN output). */
  public static final VariableFactory<String> ROUTE_PROCESS_KEY = stringVariable("routeProcessKey");
  /** Boolean (local): whether the route needs a reseller relationship with the customer (a DMN output). */
  public static final VariableFactory<Boolean> NEEDS_RELATIONSHIP = booleanVariable("needsRelationship");
  /**
   * String (local): why the decision chose the route, a reason code of {@code reasons/reasons*.properties} (a DMN
   * output; a row may give words instead, shown as written).
   */
  public static final VariableFactory<String> REASON_CODE = stringVariable("reasonCode");
  /** Boolean: the customer is in a reseller relationship with the operating partner. */
  public static final VariableFactory<Boolean> CUSTOMER_RELATED = booleanVariable("customerRelated");
  /** Boolean: a route needs the relationship and there is none yet. */
  public static final VariableFactory<Boolean> RELATIONSHIP_NEEDED = booleanVariable("relationshipNeeded");
  /** String: why the invitation ended as a reason code ({@code reasons/reasons*.properties}), passed out of the call activity. */
  public static final VariableFactory<String> INVITATION_REASON_CODE = stringVariable("invitationReasonCode");
  /** String: why the invitation ended in free text (a withdrawal's reason), passed out of the call activity. */
  public static final VariableFactory<String> INVITATION_REASON = stringVariable("invitationReason");
  /** String: Camunda user id of the requesting agent, may be null. */
  public static final VariableFactory<String> REQUESTER = stringVariable("requester");

  /** Key of {@link #CHANNEL_TRANSITIONS} entries: what became of the subscription. */
  public static final String OUTCOME = "outcome";
  /** {@link #ROUTE} of a subscription that no route brings to this partner. */
  public static final String ROUTE_NOT_SUPPORTED = "NOT_SUPPORTED";

  private OnboardingVariables() {}

  /**
   * @param transition an entry of {@link #CHANNEL_TRANSITIONS}
   * @return whether the decided route needs the reseller relationship ({@link #NEEDS_RELATIONSHIP})
   */
  public static boolean needsRelationship(Map<String, String> transition) {
    return Boolean.parseBoolean(transition.get(NEEDS_RELATIONSHIP.getName()));
  }

  /**
   * @param variable {@link #CHANNEL_TRANSITIONS} read from an execution, a variable map or history
   * @return a modifiable copy of the entries (every key and value as text), empty when absent
   */
  @SuppressWarnings("rawtypes")
  public static Map<String, Map<String, String>> channelTransitions(ReadAdapter<Map<String, Map>> variable) {
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    variable.getOptional().ifPresent(transitions -> transitions.forEach((subscriptionId, entry) -> {
      Map<String, String> transition = new LinkedHashMap<>();
      entry.forEach((key, value) -> transition.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
      copy.put(subscriptionId, transition);
    }));
    return copy;
  }

  /**
   * @param variable {@link #CHANNEL_TRANSITIONS} on an execution
   * @param transitions the entries to store
   */
  @SuppressWarnings("rawtypes")
  public static void setChannelTransitions(WriteAdapter<Map<String, Map>> variable,
      Map<String, Map<String, String>> transitions) {
    variable.set(new LinkedHashMap<>(transitions));
  }
}
