package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_APPROVAL_URL;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_RELATIONSHIP_ID;

import io.partnerchannel.orchestrator.notification.MailTemplate;
import java.util.Map;
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
    String relationshipId = (String) execution.getVariable(GDAP_RELATIONSHIP_ID);
    String url = approvalLink.forRelationship(relationshipId);
    execution.setVariable(GDAP_APPROVAL_URL, url);
    String entry =
        invitationMail.sendToCustomer(
            execution,
            MailTemplate.GDAP_APPROVAL,
            Map.of(GDAP_APPROVAL_URL, url, GDAP_RELATIONSHIP_ID, relationshipId));
    log.debug("Invitation {}: GDAP approval e-mail queued as {} ({})", execution.getProcessInstanceId(), entry, url);
  }
}
