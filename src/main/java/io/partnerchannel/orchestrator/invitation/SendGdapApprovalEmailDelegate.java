package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_APPROVAL_URL;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_RELATIONSHIP_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** "Send GDAP approval e-mail": the approval link (G6) to the customer's Global admin, in its language. */
@Component("sendGdapApprovalEmail")
class SendGdapApprovalEmailDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(SendGdapApprovalEmailDelegate.class);

  private final GdapApprovalLink approvalLink;
  private final InvitationMail invitationMail;

  /**
   * @param approvalLink builds the approval link
   * @param invitationMail queues invitation e-mails
   */
  public SendGdapApprovalEmailDelegate(GdapApprovalLink approvalLink, InvitationMail invitationMail) {
    this.approvalLink = approvalLink;
    this.invitationMail = invitationMail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String relationshipId = GDAP_RELATIONSHIP_ID.from(execution).getOrNull();
    String url = approvalLink.forRelationship(relationshipId);
    GDAP_APPROVAL_URL.on(execution).set(url);
    String entry = invitationMail.sendGdapApproval(execution, url);
    log.debug("Invitation {}: GDAP approval e-mail queued as {} ({})", execution.getProcessInstanceId(), entry, url);
  }
}
