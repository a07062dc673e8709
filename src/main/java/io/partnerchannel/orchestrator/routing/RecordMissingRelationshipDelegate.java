package io.partnerchannel.orchestrator.routing;

import static io.partnerchannel.orchestrator.routing.OnboardingVariables.CHANNEL_TRANSITIONS;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.INVITATION_REASON;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.INVITATION_REASON_CODE;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.OUTCOME;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.REASON_CODE;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Record missing relationship": the customer did not enter the reseller relationship, so no route that
 * needs it can run (R2, R24). Marks those subscriptions in {@code channelTransitions} with the outcome
 * {@value #NO_RELATIONSHIP}, the reason code {@value #REASON_NO_RELATIONSHIP} and the invitation's reason (its code,
 * else its free text); {@link OnboardingReasons} puts them in words in the reader's language.
 */
@Component("recordMissingRelationship")
class RecordMissingRelationshipDelegate implements JavaDelegate {

  /** {@code outcome} of a subscription whose route needed a relationship that was not established. */
  public static final String NO_RELATIONSHIP = "NO_RELATIONSHIP";
  /** Reason code ({@code reasons/reasons*.properties}) of a route that did not run without the relationship. */
  public static final String REASON_NO_RELATIONSHIP = "ONBOARDING_NO_RELATIONSHIP";

  private static final Logger log = LoggerFactory.getLogger(RecordMissingRelationshipDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    String invitationCode = INVITATION_REASON_CODE.from(execution).getOrNull();
    String invitationReason = INVITATION_REASON.from(execution).getOrNull();
    Map<String, Map<String, String>> transitions = OnboardingVariables.channelTransitions(CHANNEL_TRANSITIONS.from(execution));
    transitions.values().stream()
        .filter(OnboardingVariables::needsRelationship)
        .forEach(transition -> {
          transition.put(OUTCOME, NO_RELATIONSHIP);
          transition.put(REASON_CODE.getName(), REASON_NO_RELATIONSHIP);
          transition.put(INVITATION_REASON_CODE.getName(), invitationCode);
          transition.put(INVITATION_REASON.getName(), invitationReason);
        });
    OnboardingVariables.setChannelTransitions(CHANNEL_TRANSITIONS.on(execution), transitions);
    log.info("Onboarding {} ended without a reseller relationship (invitation: {})", execution.getProcessInstanceId(),
        invitationCode != null ? invitationCode : invitationReason);
  }
}
