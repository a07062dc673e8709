package io.partnerchannel.orchestrator.indirect;

import io.partnerchannel.orchestrator.notification.MailOutbox;
import io.partnerchannel.orchestrator.notification.MailRecipients;
import io.partnerchannel.orchestrator.notification.MailRecipients.Recipient;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Who at the indirect reseller hears that the customer accepted: the staff member who forwarded the invitation, else
 * every member of the reseller's group ({@link IndirectResellerInvitationProcess#resellerGroup}); staff without an
 * e-mail address are left out. One outbox entry per person, keyed so a retried job queues nothing twice.
 */
@Component
class ResellerNotices {

  private final MailRecipients recipients;
  private final MailOutbox mailOutbox;

  ResellerNotices(MailRecipients recipients, MailOutbox mailOutbox) {
    this.recipients = recipients;
    this.mailOutbox = mailOutbox;
  }

  /**
   * @param forwardedBy the user id of the staff member who forwarded the invitation, may be null
   * @param resellerTenantId the reseller's tenant id
   * @return the people to notify, empty when nobody has an e-mail address
   */
  List<Recipient> staff(String forwardedBy, String resellerTenantId) {
    return recipients.user(forwardedBy)
        .map(List::of)
        .orElseGet(() -> recipients.members(IndirectResellerInvitationProcess.resellerGroup(resellerTenantId)));
  }

  /**
   * Queues the notification to each of {@link #staff}, in English.
   *
   * @param idempotencyKey the job's key; each recipient's entry adds {@code :userId}
   * @param forwardedBy the forwarding staff member's user id, may be null
   * @param resellerTenantId the reseller's tenant id
   * @param email the e-mail addressed to one recipient's display name
   * @return the outbox entries' ids, one per recipient
   */
  List<String> send(String idempotencyKey, String forwardedBy, String resellerTenantId,
      Function<String, ResellerNotificationEmail> email) {
    return staff(forwardedBy, resellerTenantId).stream()
        .map(recipient -> mailOutbox.enqueue(idempotencyKey + ":" + recipient.userId(), recipient.email(),
            Locale.ENGLISH, email.apply(recipient.displayName())))
        .toList();
  }
}
