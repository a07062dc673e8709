package io.partnerchannel.orchestrator.routing;

import static io.partnerchannel.orchestrator.routing.OnboardingVariables.BOUGHT_FROM;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.CHANNEL_TRANSITIONS;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.NEEDS_RELATIONSHIP;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.REASON;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.ROUTE;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.ROUTE_PROCESS_KEY;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.SERVICE_TYPE;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.SUBSCRIPTION_ID;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.BooleanValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Record channel decision": adds the decision {@code ChannelTransition} made for one subscription (its
 * {@code route}, {@code reason}, {@code routeProcessKey} and {@code needsRelationship}, local to the subscription's
 * instance) to the process-wide {@code channelTransitions}, which the routing step and
 * {@code GET /api/onboardings/{id}} read. The route is the decision's own vocabulary: no Java names it
 * (docs/routing.md); a route null because no rule matched is recorded as null and reaches a person.
 */
@Component("recordChannelDecision")
class RecordChannelDecisionDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(RecordChannelDecisionDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    String subscriptionId = OnboardingVariables.text(execution, SUBSCRIPTION_ID);
    String route = OnboardingVariables.text(execution, ROUTE);
    Map<String, Map<String, String>> transitions = OnboardingVariables.channelTransitions(execution);
    Map<String, String> transition = new LinkedHashMap<>();
    transition.put(SERVICE_TYPE, OnboardingVariables.text(execution, SERVICE_TYPE));
    transition.put(BOUGHT_FROM, OnboardingVariables.text(execution, BOUGHT_FROM));
    transition.put(ROUTE, route);
    transition.put(REASON, OnboardingVariables.text(execution, REASON));
    String processKey = OnboardingVariables.text(execution, ROUTE_PROCESS_KEY);
    transition.put(ROUTE_PROCESS_KEY, processKey == null || processKey.isBlank() ? null : processKey);
    transition.put(NEEDS_RELATIONSHIP, String.valueOf(
        execution.getVariableTyped(NEEDS_RELATIONSHIP) instanceof BooleanValue needs && Boolean.TRUE.equals(needs.getValue())));
    transitions.put(subscriptionId, transition);
    execution.getProcessInstance().setVariable(CHANNEL_TRANSITIONS, transitions);
    log.info("Onboarding {}: subscription {} routes to {} (process {})", execution.getProcessInstanceId(), subscriptionId,
        route, transition.get(ROUTE_PROCESS_KEY));
  }
}
