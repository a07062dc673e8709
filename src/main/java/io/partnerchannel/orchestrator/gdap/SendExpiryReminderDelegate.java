package io.partnerchannel.orchestrator.gdap;

import io.partnerchannel.orchestrator.invitation.InvitationMail;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.notification.MailOutbox;
import io.partnerchannel.orchestrator.notification.MailRecipients;
import io.partnerchannel.orchestrator.notification.MailRecipients.Recipient;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Send expiry reminder" and "Send final expiry reminder": tells the relationship's owner (the Camunda user in
 * {@link GdapVariables#OWNER}, else {@code pco.gdap.lifecycle.owner-email}) that a GDAP relationship which cannot
 * auto-extend (Global Administrator, R30) ends on its {@code endDateTime} and that a new relationship with the same
 * roles waits for the customer's approval ({@link GdapExpiryReminderEmail}). Queued in the outbox with
 * the job's idempotency key, so a retried job sends it once. Without any address it is logged and skipped.
 */
@Component("sendGdapExpiryReminder")
class SendExpiryReminderDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(SendExpiryReminderDelegate.class);

  private final MailRecipients recipients;
  private final MailOutbox mailOutbox;
  private final GdapProperties properties;

  /**
   * @param recipients the owner's e-mail address
   * @param mailOutbox the e-mail outbox
   * @param properties {@code pco.gdap.lifecycle.owner-email}
   */
  SendExpiryReminderDelegate(MailRecipients recipients, MailOutbox mailOutbox, GdapProperties properties) {
    this.recipients = recipients;
    this.mailOutbox = mailOutbox;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<Recipient> owner = recipients.user(GdapVariables.OWNER.from(execution).getOrNull());
    String address = owner.map(Recipient::email).orElse(properties.lifecycle().ownerEmail());
    String relationshipId = GdapVariables.RELATIONSHIP_ID.from(execution).getOrNull();
    if (address == null || address.isBlank()) {
      log.warn("GDAP lifecycle {}: relationship {} expires on {} but nobody can be reminded (no owner e-mail, "
              + "pco.gdap.lifecycle.owner-email unset)",
          execution.getProcessInstanceId(), relationshipId, GdapVariables.END_DATE_TIME.from(execution).getOrNull());
      return;
    }
    boolean finalReminder = GdapRelationshipLifecycleProcess.TASK_SEND_FINAL_EXPIRY_REMINDER
        .equals(execution.getCurrentActivityId());
    GdapExpiryReminderEmail email = new GdapExpiryReminderEmail(
        InvitationVariables.COMPANY_NAME.from(execution).getOrNull(),
        GdapVariables.END_DATE_TIME.from(execution).getOrNull(),
        relationshipId,
        InvitationVariables.GDAP_ROLES.from(execution),
        GdapVariables.CUSTOMER_TENANT_ID.from(execution).getOrNull(),
        finalReminder,
        owner.map(Recipient::displayName).orElse(null),
        execution.getProcessInstanceId());
    String entry = mailOutbox.enqueue(InvitationMail.idempotencyKey(execution), address, Locale.ENGLISH, email);
    log.info("GDAP lifecycle {}: {} expiry reminder for relationship {} queued to {} as {}",
        execution.getProcessInstanceId(), finalReminder ? "final" : "first", relationshipId, address, entry);
  }
}
