package io.partnerchannel.orchestrator.routing;

import static io.partnerchannel.orchestrator.routing.OnboardingVariables.BOUGHT_FROM;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.CHANNEL_TRANSITIONS;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.REASON;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.ROUTE;
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
 * {@code route} and {@code reason}, local to the subscription's instance) to the process-wide
 * {@code channelTransitions}, which the routing step and {@code GET /api/onboardings/{id}} read.
 */
@Component("recordChannelDecision")
public class RecordChannelDecisionDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(RecordChannelDecisionDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    String subscriptionId = (String) execution.getVariable(SUBSCRIPTION_ID);
    String route = (String) execution.getVariable(ROUTE);
    ChannelRoute.valueOf(route);
    Map<String, Map<String, String>> transitions = OnboardingVariables.channelTransitions(execution);
    Map<String, String> transition = new LinkedHashMap<>();
    transition.put(SERVICE_TYPE, (String) execution.getVariable(SERVICE_TYPE));
    transition.put(BOUGHT_FROM, (String) execution.getVariable(BOUGHT_FROM));
    transition.put(ROUTE, route);
    transition.put(REASON, (String) execution.getVariable(REASON));
    transitions.put(subscriptionId, transition);
    execution.getProcessInstance().setVariable(CHANNEL_TRANSITIONS, transitions);
    log.info("Onboarding {}: subscription {} routes to {}", execution.getProcessInstanceId(), subscriptionId, route);
  }
}
