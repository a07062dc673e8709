package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.COMPANY_NAME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_DOMAIN;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.PARTNER_NAME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REQUESTER;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.RESELLER_NAME;

import io.partnerchannel.orchestrator.notification.MailOutbox;
import io.partnerchannel.orchestrator.notification.MailRecipients;
import io.partnerchannel.orchestrator.notification.MailRecipients.Recipient;
import io.partnerchannel.orchestrator.web.PublicBaseUrl;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Tells the requesting agent how an invitation ended ({@link RequesterOutcomeEmail}): to the e-mail address of the
 * requester's Camunda user, in the agent's language, with the reason in words ({@link InvitationReasons}) and a
 * link to the case page {@value #CASE_PAGE}. Queued in the outbox with the key
 * {@code <processInstanceId>:<activityInstanceId>}, so a retried job never sends it twice.
 */
@Component
class RequesterNotice {

  /** The case page of a process instance, linked from the e-mail. */
  public static final String CASE_PAGE = "/cases/{processInstanceId}";

  private final MailRecipients recipients;
  private final MailOutbox mailOutbox;
  private final PublicBaseUrl publicBaseUrl;
  private final InvitationReasons reasons;

  /**
   * @param recipients the requester's address, name and language
   * @param mailOutbox the e-mail outbox
   * @param publicBaseUrl {@code pco.public-base-url}, the base of the case page link
   * @param reasons the reason in words
   */
  public RequesterNotice(
      MailRecipients recipients, MailOutbox mailOutbox, PublicBaseUrl publicBaseUrl, InvitationReasons reasons) {
    this.recipients = recipients;
    this.mailOutbox = mailOutbox;
    this.publicBaseUrl = publicBaseUrl;
    this.reasons = reasons;
  }

  /**
   * @param execution the notifying activity's execution of an invitation
   * @param outcome how the invitation ended, one of {@link RequesterOutcomeEmail#FINAL_STATUSES}
   * @return the outbox entry id; empty when the invitation was started without a user or the user has no address
   */
  public Optional<String> tell(DelegateExecution execution, InvitationStatus outcome) {
    return recipients.user(REQUESTER.from(execution).getOrNull()).map(recipient -> mailOutbox.enqueue(
        InvitationMail.idempotencyKey(execution), recipient.email(), recipient.language(),
        email(execution, outcome, recipient)));
  }

  private RequesterOutcomeEmail email(DelegateExecution execution, InvitationStatus outcome, Recipient recipient) {
    return new RequesterOutcomeEmail(
        COMPANY_NAME.from(execution).getOrNull(),
        CUSTOMER_DOMAIN.from(execution).getOrNull(),
        outcome,
        reasons.text(execution, recipient.language()),
        CUSTOMER_TENANT_ID.from(execution).getOrNull(),
        publicBaseUrl.link(CASE_PAGE, execution.getProcessInstanceId()),
        recipient.displayName(),
        PARTNER_NAME.from(execution).getOrNull(),
        RESELLER_NAME.from(execution).getOrNull(),
        execution.getProcessInstanceId());
  }
}
