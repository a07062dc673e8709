package io.partnerchannel.orchestrator.gdap;

import io.partnerchannel.orchestrator.invitation.InvitationMail;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.notification.MailRecipients;
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

  private final GdapExpiryReminders reminders;

  /** @param reminders queues the reminder to the owner or the configured address */
  SendExpiryReminderDelegate(GdapExpiryReminders reminders) {
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String relationshipId = GdapVariables.RELATIONSHIP_ID.from(execution).getOrNull();
    boolean finalReminder = GdapRelationshipLifecycleProcess.TASK_SEND_FINAL_EXPIRY_REMINDER
        .equals(execution.getCurrentActivityId());
    Optional<String> entry = reminders.send(InvitationMail.idempotencyKey(execution),
        GdapVariables.OWNER.from(execution).getOrNull(), ownerName -> new GdapExpiryReminderEmail(
            InvitationVariables.COMPANY_NAME.from(execution).getOrNull(),
            GdapVariables.END_DATE_TIME.from(execution).getOrNull(),
            relationshipId,
            InvitationVariables.GDAP_ROLES.from(execution),
            GdapVariables.CUSTOMER_TENANT_ID.from(execution).getOrNull(),
            finalReminder,
            ownerName,
            execution.getProcessInstanceId()));
    if (entry.isEmpty()) {
      log.warn("GDAP lifecycle {}: relationship {} expires on {} but nobody can be reminded (no owner e-mail, "
              + "pco.gdap.lifecycle.owner-email unset)",
          execution.getProcessInstanceId(), relationshipId, GdapVariables.END_DATE_TIME.from(execution).getOrNull());
      return;
    }
    log.info("GDAP lifecycle {}: {} expiry reminder for relationship {} queued as {}",
        execution.getProcessInstanceId(), finalReminder ? "final" : "first", relationshipId, entry.get());
  }
}
