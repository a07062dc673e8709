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
import org.camunda.bpm.engine.delegate.VariableScope;
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
   * @param execution the sending activity's execution in the invitation
   * @return the outbox entry id
   */
  public String sendInvitation(DelegateExecution execution) {
    return sendInvitation(execution, execution, false);
  }

  /**
   * Queues the reminder the agent chose to send at follow-up ("Resend invitation e-mail" in "Track invitation"): the
   * same link, with the expiry of the tracking (an extension moves it there); the rest of the e-mail (recipient,
   * language, names, message, admin access) is read from the invitation that called the tracking, which keeps those
   * variables: its call activity passes in only what the tracking itself reads (bpmn/TrackInvitation.bpmn); from the
   * tracking itself when no invitation called it.
   *
   * @param tracking the sending activity's execution in "Track invitation"
   * @return the outbox entry id
   */
  public String sendReminder(DelegateExecution tracking) {
    DelegateExecution caller = tracking.getProcessInstance().getSuperExecution();
    return sendInvitation(caller == null ? tracking : caller, tracking, true);
  }

  private String sendInvitation(VariableScope invitation, DelegateExecution sending, boolean reminder) {
    return toCustomer(invitation, sending, new InvitationEmail(
        reminder,
        COMPANY_NAME.from(invitation).getOrNull(),
        PARTNER_NAME.from(invitation).getOrNull(),
        INVITATION_URL.from(sending).getOrNull(),
        MESSAGE.from(invitation).getOrNull(),
        InvitationVariables.adminAccess(invitation),
        GDAP_ROLES.from(invitation),
        GDAP_DURATION.from(invitation).getOrNull(),
        EXPIRES_AT.from(sending).getOrNull(),
        RESELLER_NAME.from(invitation).getOrNull(),
        invitationId(sending)));
  }

  /**
   * Queues the GDAP approval link ({@link GdapApprovalEmail}).
   *
   * @param execution the sending activity's execution
   * @param approvalUrl where the customer's Global admin approves the relationship
   * @return the outbox entry id
   */
  public String sendGdapApproval(DelegateExecution execution, String approvalUrl) {
    return toCustomer(execution, execution, new GdapApprovalEmail(
        COMPANY_NAME.from(execution).getOrNull(),
        PARTNER_NAME.from(execution).getOrNull(),
        approvalUrl,
        GDAP_ROLES.from(execution),
        GDAP_DURATION.from(execution).getOrNull(),
        execution.getProcessInstanceId()));
  }

  /**
   * @param invitation where the recipient and the language are read
   * @param sending the sending activity's execution, which makes the idempotency key
   */
  private String toCustomer(VariableScope invitation, DelegateExecution sending, MailModel model) {
    String language = CUSTOMER_LANGUAGE.from(invitation).getOrNull();
    return mailOutbox.enqueue(
        idempotencyKey(sending),
        GLOBAL_ADMIN_EMAIL.from(invitation).getOrNull(),
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
