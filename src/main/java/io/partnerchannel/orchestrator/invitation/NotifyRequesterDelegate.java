package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.OUTCOME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REASON;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REASON_CODE;

import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the requesting agent how the invitation ended, by e-mail to the address of the requester's Camunda user,
 * in the agent's language: on "Notify requester" that the relationship is established
 * (and how GDAP ended, or which indirect reseller is the customer's associated partner); on the message end
 * events "Customer already related", "Invitation refused", "Follow-up ended" and "Invitation withdrawn" the
 * outcome their input {@code outcome} names, with the reason in words ({@link InvitationReasons}; also recorded in
 * English as the process variable {@code reason} for the history's readers). The e-mail
 * ({@link RequesterNotice}) links the case page. When the invitation was started without a user, or the user has
 * no e-mail address, nothing is sent and that is logged. Shared by
 * both invitation processes.
 */
@Component("notifyRequester")
class NotifyRequesterDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(NotifyRequesterDelegate.class);

  private final RequesterNotice notice;
  private final InvitationReasons reasons;

  /**
   * @param notice the e-mail to the requester
   * @param reasons the reason in words
   */
  public NotifyRequesterDelegate(RequesterNotice notice, InvitationReasons reasons) {
    this.notice = notice;
    this.reasons = reasons;
  }

  @Override
  public void execute(DelegateExecution execution) {
    InvitationStatus outcome =
        OUTCOME.from(execution).getLocalOptional().map(InvitationStatus::valueOf).orElse(InvitationStatus.ESTABLISHED);
    // The reason in words, recorded for whoever reads the history (case pages, the onboarding that called it).
    if (REASON_CODE.from(execution).getOptional().isPresent()) {
      REASON.on(execution).set(reasons.text(execution, Locale.ENGLISH));
    }
    Optional<String> entry = notice.tell(execution, outcome);
    log.debug("Invitation {} ended {}: requester {}", execution.getProcessInstanceId(), outcome,
        entry.map(id -> "told (" + id + ")").orElse("has no e-mail address, no notification sent"));
  }
}
