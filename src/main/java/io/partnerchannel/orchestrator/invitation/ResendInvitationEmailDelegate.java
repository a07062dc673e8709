package io.partnerchannel.orchestrator.invitation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** "Resend invitation e-mail": a reminder with the same link, when the agent chose RESEND at follow-up. */
@Component("resendInvitationEmail")
class ResendInvitationEmailDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(ResendInvitationEmailDelegate.class);

  private final InvitationMail invitationMail;

  /** @param invitationMail queues invitation e-mails */
  public ResendInvitationEmailDelegate(InvitationMail invitationMail) {
    this.invitationMail = invitationMail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String entry = invitationMail.sendReminder(execution);
    log.debug("Invitation {}: reminder e-mail queued as {}", execution.getProcessInstanceId(), entry);
  }
}
