package io.partnerchannel.orchestrator.gdap;

import io.partnerchannel.orchestrator.notification.MailOutbox;
import io.partnerchannel.orchestrator.notification.MailRecipients;
import io.partnerchannel.orchestrator.notification.MailRecipients.Recipient;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Who is reminded that a GDAP relationship ends: the relationship's owner (the user who requested it) at their
 * e-mail address, else the address in {@code pco.gdap.lifecycle.owner-email}; nobody when neither is known. The
 * reminder is queued in English, once per job ({@code idempotencyKey}).
 */
@Component
class GdapExpiryReminders {

  private final MailRecipients recipients;
  private final MailOutbox mailOutbox;
  private final GdapProperties properties;

  GdapExpiryReminders(MailRecipients recipients, MailOutbox mailOutbox, GdapProperties properties) {
    this.recipients = recipients;
    this.mailOutbox = mailOutbox;
    this.properties = properties;
  }

  /**
   * @param idempotencyKey the job's key
   * @param ownerUserId the owner's user id, may be null
   * @param email the e-mail greeting the owner's display name (null when the fallback address is used)
   * @return the outbox entry's id, empty when nobody can be reminded
   */
  Optional<String> send(String idempotencyKey, String ownerUserId, Function<String, GdapExpiryReminderEmail> email) {
    Optional<Recipient> owner = recipients.user(ownerUserId);
    String address = owner.map(Recipient::email).orElse(properties.lifecycle().ownerEmail());
    if (address == null || address.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(mailOutbox.enqueue(idempotencyKey, address, Locale.ENGLISH,
        email.apply(owner.map(Recipient::displayName).orElse(null))));
  }
}
