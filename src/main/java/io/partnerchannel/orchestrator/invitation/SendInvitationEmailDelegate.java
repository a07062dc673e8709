package io.partnerchannel.orchestrator.invitation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** "Send invitation e-mail": the invitation link to the customer's Global admin, in the customer's language. */
@Component("sendInvitationEmail")
class SendInvitationEmailDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(SendInvitationEmailDelegate.class);

  private final InvitationMail invitationMail;

  /** @param invitationMail queues invitation e-mails */
  public SendInvitationEmailDelegate(InvitationMail invitationMail) {
    this.invitationMail = invitationMail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String entry = invitationMail.sendInvitation(execution);
    log.debug("Invitation {}: invitation e-mail queued as {}", execution.getProcessInstanceId(), entry);
  }
}
