package io.partnerchannel.orchestrator.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * {@link MailOutbox} on the {@code pco_mail_outbox} table. The row is written in the caller's transaction
 * (a delegate's job transaction) with one idempotent insert that does nothing when the idempotency key is
 * taken (PostgreSQL {@code on conflict do nothing}); then the existing entry's id is returned, and the caller's
 * transaction stays usable.
 * Entries are {@link MailStatus#PENDING} when a {@link MailDispatcher} exists ({@code spring.mail.host}
 * set) and {@link MailStatus#STORED} otherwise.
 */
@Service
class JdbcMailOutbox implements MailOutbox {

  private static final Logger log = LoggerFactory.getLogger(JdbcMailOutbox.class);

  private final MailOutboxRepository repository;
  private final MailRenderer renderer;
  /**
   * The status of a new entry, found at the first e-mail: {@link MailStatus#PENDING} when a dispatcher exists, else
   * {@link MailStatus#STORED} (whether one exists is settled at start).
   */
  private final SingletonSupplier<MailStatus> newEntryStatus;

  JdbcMailOutbox(
      MailOutboxRepository repository,
      MailRenderer renderer,
      ObjectProvider<MailDispatcher> dispatcher) {
    this.repository = repository;
    this.renderer = renderer;
    this.newEntryStatus = SingletonSupplier.of(
        () -> dispatcher.getIfAvailable() == null ? MailStatus.STORED : MailStatus.PENDING);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the key or recipient is blank, the recipient is not an e-mail
   *     address
   */
  @Override
  public String enqueue(
      String idempotencyKey, String recipient, Locale locale, MailModel model) {
    if (!StringUtils.hasText(idempotencyKey)) {
      throw new IllegalArgumentException("idempotencyKey must not be blank");
    }
    Objects.requireNonNull(model, "model");
    String address = emailAddress(recipient);

    RenderedMail mail = renderer.render(model, locale);
    MailStatus status = newEntryStatus.obtain();
    OutboxEntry entry = new OutboxEntry(
        UUID.randomUUID().toString(),
        idempotencyKey,
        model.templateName(),
        address,
        mail.subject(),
        mail.html(),
        mail.locale().getLanguage(),
        model.reference(),
        status,
        0,
        null,
        OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS),
        null);
    boolean inserted;
    try {
      inserted = repository.insertIfAbsent(entry);
    } catch (DuplicateKeyException e) {
      inserted = false;
    }
    if (!inserted) {
      String existing = repository.findIdByIdempotencyKey(idempotencyKey)
          .orElseThrow(() -> new IllegalStateException("E-mail " + idempotencyKey + " neither inserted nor found"));
      log.debug("E-mail {} already queued as {}", idempotencyKey, existing);
      return existing;
    }
    log.debug("Queued e-mail '{}' ({}) to {} as {} [{}]", model.templateName(), mail.locale(), address, entry.id(), status);
    return entry.id();
  }

  private static String emailAddress(String recipient) {
    if (!StringUtils.hasText(recipient)) {
      throw new IllegalArgumentException("recipient must not be blank");
    }
    try {
      InternetAddress address = new InternetAddress(recipient.trim(), true);
      address.validate();
      return address.getAddress();
    } catch (AddressException e) {
      throw new IllegalArgumentException("recipient is not an e-mail address: " + recipient, e);
    }
  }
}
