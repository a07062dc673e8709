package io.partnerchannel.orchestrator.gdap;

import io.partnerchannel.orchestrator.invitation.InvitationMail;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.notification.MailModel;
import io.partnerchannel.orchestrator.notification.MailOutbox;
import io.partnerchannel.orchestrator.notification.MailTemplate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Send expiry reminder" and "Send final expiry reminder": tells the relationship's owner (the Camunda user in
 * {@link GdapVariables#OWNER}, else {@code pco.gdap.lifecycle.owner-email}) that a GDAP relationship which cannot
 * auto-extend (Global Administrator, R30) ends on its {@code endDateTime} and that a new relationship with the same
 * roles waits for the customer's approval ({@link MailTemplate#GDAP_EXPIRY_REMINDER}). Queued in the outbox with
 * the job's idempotency key, so a retried job sends it once. Without any address it is logged and skipped.
 */
@Component("sendGdapExpiryReminder")
class SendExpiryReminderDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(SendExpiryReminderDelegate.class);

  private final IdentityService identityService;
  private final MailOutbox mailOutbox;
  private final GdapProperties properties;

  /**
   * @param identityService the owner's e-mail address
   * @param mailOutbox the e-mail outbox
   * @param properties {@code pco.gdap.lifecycle.owner-email}
   */
  SendExpiryReminderDelegate(IdentityService identityService, MailOutbox mailOutbox, GdapProperties properties) {
    this.identityService = identityService;
    this.mailOutbox = mailOutbox;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String owner = GdapVariables.string(execution, GdapVariables.OWNER);
    User user = owner == null ? null : identityService.createUserQuery().userId(owner).singleResult();
    String recipient = user != null && user.getEmail() != null && !user.getEmail().isBlank()
        ? user.getEmail()
        : properties.lifecycle().ownerEmail();
    String relationshipId = GdapVariables.string(execution, GdapVariables.RELATIONSHIP_ID);
    if (recipient == null || recipient.isBlank()) {
      log.warn("GDAP lifecycle {}: relationship {} expires on {} but nobody can be reminded (no owner e-mail, "
              + "pco.gdap.lifecycle.owner-email unset)",
          execution.getProcessInstanceId(), relationshipId, GdapVariables.date(execution, GdapVariables.END_DATE_TIME));
      return;
    }
    boolean finalReminder = GdapRelationshipLifecycleProcess.TASK_SEND_FINAL_EXPIRY_REMINDER
        .equals(execution.getCurrentActivityId());
    Map<String, Object> model = new HashMap<>();
    model.put(MailModel.COMPANY_NAME, GdapVariables.string(execution, InvitationVariables.COMPANY_NAME));
    model.put(MailModel.EXPIRES_AT, GdapVariables.date(execution, GdapVariables.END_DATE_TIME));
    model.put(MailModel.GDAP_ROLES, InvitationVariables.gdapRoles(execution));
    model.put(MailModel.GDAP_RELATIONSHIP_ID, relationshipId);
    model.put(MailModel.CUSTOMER_TENANT_ID, GdapVariables.string(execution, GdapVariables.CUSTOMER_TENANT_ID));
    model.put(MailModel.FINAL_REMINDER, finalReminder);
    model.put(MailModel.PROCESS_INSTANCE_ID, execution.getProcessInstanceId());
    if (user != null) {
      model.put(MailModel.REQUESTER_NAME, InvitationMail.displayName(user));
    }
    String entry = mailOutbox.enqueue(
        InvitationMail.idempotencyKey(execution), MailTemplate.GDAP_EXPIRY_REMINDER, recipient, Locale.ENGLISH, model);
    log.info("GDAP lifecycle {}: {} expiry reminder for relationship {} queued to {} as {}",
        execution.getProcessInstanceId(), finalReminder ? "final" : "first", relationshipId, recipient, entry);
  }
}
