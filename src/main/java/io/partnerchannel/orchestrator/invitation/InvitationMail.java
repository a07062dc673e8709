package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.COMPANY_NAME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_LANGUAGE;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.EXPIRES_AT;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_DURATION;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_ROLES;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GLOBAL_ADMIN_EMAIL;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.INVITATION_URL;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.MESSAGE;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.PARTNER_NAME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.RESELLER_NAME;

import io.partnerchannel.orchestrator.notification.MailModel;
import io.partnerchannel.orchestrator.notification.MailOutbox;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Queues the e-mails of an invitation to the customer's Global admin in the {@link MailOutbox}, in the customer's
 * language, with the idempotency key {@code <invitation id>:<activityInstanceId>} ({@link #invitationId}): the outbox
 * insert joins the job's transaction, so a retried job never leaves a second e-mail.
 */
@Component
public class InvitationMail {

  private final MailOutbox mailOutbox;

  /** @param mailOutbox the e-mail outbox */
  public InvitationMail(MailOutbox mailOutbox) {
    this.mailOutbox = mailOutbox;
  }

  /**
   * Queues the invitation ({@link InvitationEmail}) from the invitation's variables.
   *
   * @param execution the sending activity's execution
   * @param reminder whether it is the reminder the agent chose to send
   * @return the outbox entry id
   */
  public String sendInvitation(DelegateExecution execution, boolean reminder) {
    return toCustomer(execution, new InvitationEmail(
        reminder,
        COMPANY_NAME.from(execution).getOrNull(),
        PARTNER_NAME.from(execution).getOrNull(),
        INVITATION_URL.from(execution).getOrNull(),
        MESSAGE.from(execution).getOrNull(),
        InvitationVariables.adminAccess(execution),
        GDAP_ROLES.from(execution),
        GDAP_DURATION.from(execution).getOrNull(),
        EXPIRES_AT.from(execution).getOrNull(),
        RESELLER_NAME.from(execution).getOrNull(),
        invitationId(execution)));
  }

  /**
   * Queues the GDAP approval link ({@link GdapApprovalEmail}).
   *
   * @param execution the sending activity's execution
   * @param approvalUrl where the customer's Global admin approves the relationship
   * @return the outbox entry id
   */
  public String sendGdapApproval(DelegateExecution execution, String approvalUrl) {
    return toCustomer(execution, new GdapApprovalEmail(
        COMPANY_NAME.from(execution).getOrNull(),
        PARTNER_NAME.from(execution).getOrNull(),
        approvalUrl,
        GDAP_ROLES.from(execution),
        GDAP_DURATION.from(execution).getOrNull(),
        execution.getProcessInstanceId()));
  }

  private String toCustomer(DelegateExecution execution, MailModel model) {
    String language = CUSTOMER_LANGUAGE.from(execution).getOrNull();
    return mailOutbox.enqueue(
        idempotencyKey(execution),
        GLOBAL_ADMIN_EMAIL.from(execution).getOrNull(),
        language == null ? Locale.ENGLISH : Locale.forLanguageTag(language),
        model);
  }

  /**
   * @param execution an execution of an invitation or of the "Track invitation" instance it called
   * @return the invitation's id (its process instance id; {@link TrackInvitationVariables#INVITATION_ID} in
   *     "Track invitation"), the reference of its e-mails in the outbox
   */
  public static String invitationId(DelegateExecution execution) {
    return TrackInvitationVariables.INVITATION_ID.from(execution).getOptional().orElse(execution.getProcessInstanceId());
  }

  /**
   * @param execution the sending activity's execution
   * @return {@code <invitation id>:<activityInstanceId>} ({@link #invitationId})
   */
  public static String idempotencyKey(DelegateExecution execution) {
    return invitationId(execution) + ":" + execution.getActivityInstanceId();
  }
}
