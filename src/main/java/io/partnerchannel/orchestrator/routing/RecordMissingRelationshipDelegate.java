package io.partnerchannel.orchestrator.routing;

import static io.partnerchannel.orchestrator.routing.OnboardingVariables.CHANNEL_TRANSITIONS;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.INVITATION_REASON;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.OUTCOME;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.REASON;

import io.partnerchannel.orchestrator.notification.ReasonTexts;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Record missing relationship": the customer did not enter the reseller relationship, so no route that
 * needs it can run (R2, R24). Marks those subscriptions {@code NO_RELATIONSHIP} in
 * {@code channelTransitions}, with the invitation's reason.
 */
@Component("recordMissingRelationship")
class RecordMissingRelationshipDelegate implements JavaDelegate {

  /** {@code outcome} of a subscription whose route needed a relationship that was not established. */
  public static final String NO_RELATIONSHIP = "NO_RELATIONSHIP";

  private static final Logger log = LoggerFactory.getLogger(RecordMissingRelationshipDelegate.class);

  private final ReasonTexts reasonTexts;

  /** @param reasonTexts the words of the invitation's reason code */
  public RecordMissingRelationshipDelegate(ReasonTexts reasonTexts) {
    this.reasonTexts = reasonTexts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = OnboardingVariables.text(execution, OnboardingVariables.INVITATION_REASON_CODE);
    String invitationReason = code != null && !code.isBlank()
        ? reasonTexts.text(code, execution::getVariable, Locale.ENGLISH)
        : OnboardingVariables.text(execution, INVITATION_REASON);
    String reason = "No reseller relationship with the customer"
        + (invitationReason == null ? "." : ": " + invitationReason);
    Map<String, Map<String, String>> transitions = OnboardingVariables.channelTransitions(execution);
    transitions.values().stream()
        .filter(OnboardingVariables::needsRelationship)
        .forEach(transition -> {
          transition.put(OUTCOME, NO_RELATIONSHIP);
          transition.put(REASON, reason);
        });
    execution.setVariable(CHANNEL_TRANSITIONS, transitions);
    log.info("Onboarding {} ended without a reseller relationship: {}", execution.getProcessInstanceId(), reason);
  }
}
