package io.partnerchannel.orchestrator.routing;

import static io.partnerchannel.orchestrator.routing.OnboardingVariables.CHANNEL_TRANSITIONS;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.OUTCOME;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.REASON_CODE;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.SUBSCRIPTION_ID;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Record unsupported subscription": no route brings this subscription to the partner; its outcome in
 * {@code channelTransitions} becomes {@code NOT_SUPPORTED}, keeping the decision's reason code.
 */
@Component("recordUnsupportedSubscription")
class RecordUnsupportedSubscriptionDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(RecordUnsupportedSubscriptionDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    String subscriptionId = SUBSCRIPTION_ID.from(execution).get();
    Map<String, Map<String, String>> transitions = OnboardingVariables.channelTransitions(CHANNEL_TRANSITIONS.from(execution));
    Map<String, String> transition = transitions.get(subscriptionId);
    transition.put(OUTCOME, OnboardingVariables.ROUTE_NOT_SUPPORTED);
    OnboardingVariables.setChannelTransitions(CHANNEL_TRANSITIONS.on(execution.getProcessInstance()), transitions);
    log.info("Onboarding {}: subscription {} is not supported: {}", execution.getProcessInstanceId(), subscriptionId,
        transition.get(REASON_CODE.getName()));
  }
}
