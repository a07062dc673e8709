package io.partnerchannel.orchestrator.routing;

import static io.partnerchannel.orchestrator.routing.OnboardingVariables.BOUGHT_FROM;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.CHANNEL_TRANSITIONS;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.NEEDS_RELATIONSHIP;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.REASON_CODE;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.ROUTE;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.ROUTE_PROCESS_KEY;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.SERVICE_TYPE;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.SUBSCRIPTION_ID;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Record channel decision": adds the decision {@code ChannelTransition} made for one subscription (its
 * {@code route}, {@code reasonCode}, {@code routeProcessKey} and {@code needsRelationship}, local to the subscription's
 * instance) to the process-wide {@code channelTransitions}, which the routing step and
 * {@code GET /api/onboardings/{id}} read. The route is the decision's own vocabulary: no Java names it
 * (docs/routing.md); a route null because no rule matched is recorded as null and reaches a person.
 */
@Component("recordChannelDecision")
class RecordChannelDecisionDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(RecordChannelDecisionDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    String subscriptionId = SUBSCRIPTION_ID.from(execution).get();
    Map<String, Map<String, String>> transitions = OnboardingVariables.channelTransitions(CHANNEL_TRANSITIONS.from(execution));
    Map<String, String> transition = new LinkedHashMap<>();
    transition.put(SERVICE_TYPE.getName(), SERVICE_TYPE.from(execution).getOrNull());
    transition.put(BOUGHT_FROM.getName(), BOUGHT_FROM.from(execution).getOrNull());
    transition.put(ROUTE.getName(), ROUTE.from(execution).getOrNull());
    transition.put(REASON_CODE.getName(), REASON_CODE.from(execution).getOrNull());
    transition.put(ROUTE_PROCESS_KEY.getName(),
        ROUTE_PROCESS_KEY.from(execution).getOptional().filter(key -> !key.isBlank()).orElse(null));
    transition.put(NEEDS_RELATIONSHIP.getName(), String.valueOf(NEEDS_RELATIONSHIP.from(execution).getOrDefault(false)));
    transitions.put(subscriptionId, transition);
    OnboardingVariables.setChannelTransitions(CHANNEL_TRANSITIONS.on(execution.getProcessInstance()), transitions);
    log.info("Onboarding {}: subscription {} routes to {} (process {})", execution.getProcessInstanceId(), subscriptionId,
        transition.get(ROUTE.getName()), transition.get(ROUTE_PROCESS_KEY.getName()));
  }
}
