package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.ADMIN_ACCESS;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.COMPANY_NAME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_DOMAIN;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_LANGUAGE;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.EXPIRES_AT;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_DURATION;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GLOBAL_ADMIN_EMAIL;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.INVITATION_URL;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.MESSAGE;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.PARTNER_NAME;

import io.partnerchannel.orchestrator.notification.MailModel;
import io.partnerchannel.orchestrator.notification.MailOutbox;
import io.partnerchannel.orchestrator.notification.MailTemplate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Queues the e-mails of an invitation in the {@link MailOutbox}, in the customer's language, with the
 * idempotency key {@code <invitation id>:<activityInstanceId>}: the outbox insert joins the job's
 * transaction, so a retried job never leaves a second e-mail.
 */
@Component
public class InvitationMail {

  private final MailOutbox mailOutbox;

  /** @param mailOutbox the e-mail outbox */
  public InvitationMail(MailOutbox mailOutbox) {
    this.mailOutbox = mailOutbox;
  }

  /**
   * Queues an e-mail to the customer's Global admin with the invitation's variables as model:
   * {@code companyName}, {@code customerDomain}, {@code partnerName}, {@code invitationUrl}, {@code message},
   * {@code adminAccess}, {@code gdapRoles}, {@code gdapDuration}, {@code expiresAt}, {@code processInstanceId}
   * ({@link MailModel}), plus {@code extra}; with {@code resellerName} set (an indirect provider's invitation
   * forwarded by its indirect reseller) the e-mail goes out in the reseller's name.
   *
   * @param execution the sending activity's execution
   * @param template the e-mail
   * @param extra further model values, may be empty
   * @return the outbox entry id
   */
  public String sendToCustomer(DelegateExecution execution, MailTemplate template, Map<String, Object> extra) {
    Map<String, Object> model = new LinkedHashMap<>();
    for (String name :
        new String[] {
          COMPANY_NAME, CUSTOMER_DOMAIN, PARTNER_NAME, INVITATION_URL, MESSAGE, ADMIN_ACCESS, GDAP_DURATION, EXPIRES_AT,
          MailModel.RESELLER_NAME
        }) {
      model.put(name, execution.getVariable(name));
    }
    model.put(InvitationVariables.GDAP_ROLES, InvitationVariables.gdapRoles(execution));
    model.put(MailModel.PROCESS_INSTANCE_ID, invitationId(execution));
    model.putAll(extra);
    String language = (String) execution.getVariable(CUSTOMER_LANGUAGE);
    return mailOutbox.enqueue(
        idempotencyKey(execution),
        template,
        (String) execution.getVariable(GLOBAL_ADMIN_EMAIL),
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
   * @param user a Camunda user
   * @return "first last" for the greeting of an e-mail to the user, the user id when the user has no name
   */
  public static String displayName(User user) {
    String name =
        ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName()))
            .trim();
    return name.isEmpty() ? user.getId() : name;
  }

  /**
   * @param execution the sending activity's execution
   * @return {@code <invitation id>:<activityInstanceId>} ({@link #invitationId})
   */
  public static String idempotencyKey(DelegateExecution execution) {
    return invitationId(execution) + ":" + execution.getActivityInstanceId();
  }
}
