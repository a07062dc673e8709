package io.partnerchannel.orchestrator.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends {@link MailStatus#PENDING} outbox entries with Spring Mail; exists only when {@code spring.mail.host}
 * is set. Each entry is sent inside its own transaction that holds the row lock, so two dispatchers (two
 * nodes, or a scheduled run and a manual one) never send it twice. If the process dies after the mail
 * host accepted the message but before the commit, the entry is sent again with the same
 * {@code Message-ID} (derived from the idempotency key), by which a receiver recognizes the repeat.
 *
 * <p>Runs every {@code pco.mail.dispatch-interval} (default {@code PT10S}) when scheduling is on
 * ({@code pco.scheduling.enabled}); a failure counts an attempt, and after {@link #MAX_ATTEMPTS} the entry
 * is {@link MailStatus#FAILED} with the last error.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
public class MailDispatcher implements SchedulingConfigurer {

  /** Send attempts before an entry is given up as {@link MailStatus#FAILED}. */
  public static final int MAX_ATTEMPTS = 5;

  private static final int BATCH_SIZE = 50;
  private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

  private final MailOutboxRepository repository;
  private final JavaMailSender mailSender;
  private final TransactionTemplate transaction;
  private final InternetAddress from;
  private final Duration dispatchInterval;

  MailDispatcher(
      MailOutboxRepository repository,
      JavaMailSender mailSender,
      PlatformTransactionManager transactionManager,
      MailProperties properties) throws AddressException {
    this.repository = repository;
    this.mailSender = mailSender;
    this.transaction = new TransactionTemplate(transactionManager);
    this.from = new InternetAddress(properties.from(), true);
    this.dispatchInterval = properties.dispatchInterval();
  }

  /**
   * Sends the oldest pending entries (up to 50 per call).
   *
   * @return how many entries were sent by this call
   */
  public int dispatchPending() {
    int sent = 0;
    for (String id : repository.findIdsByStatus(MailStatus.PENDING, BATCH_SIZE)) {
      try {
        if (Boolean.TRUE.equals(transaction.execute(tx -> dispatch(id)))) {
          sent++;
        }
      } catch (RuntimeException e) {
        // e.g. a lock timeout while another node sends it; the entry stays pending for the next run
        log.warn("Could not dispatch e-mail {}: {}", id, e.toString());
      }
    }
    return sent;
  }

  /** Scheduled every {@code pco.mail.dispatch-interval} when scheduling is on: {@link #dispatchPending()}. */
  @Override
  public void configureTasks(ScheduledTaskRegistrar tasks) {
    tasks.addFixedDelayTask(new FixedDelayTask(this::dispatchPending, dispatchInterval, Duration.ZERO));
  }

  private boolean dispatch(String id) {
    Optional<OutboxEntry> locked = repository.lockPending(id);
    if (locked.isEmpty()) {
      return false; // sent or given up by another dispatcher meanwhile
    }
    OutboxEntry entry = locked.get();
    int attempts = entry.attempts() + 1;
    try {
      mailSender.send(mimeMessage(entry));
      repository.markSent(id, attempts, OffsetDateTime.now(ZoneOffset.UTC));
      log.info("Sent e-mail {} '{}' to {}", id, entry.template(), entry.recipient());
      return true;
    } catch (MailException | MessagingException e) {
      MailStatus status = attempts >= MAX_ATTEMPTS ? MailStatus.FAILED : MailStatus.PENDING;
      repository.recordFailure(id, attempts, e.toString(), status);
      log.warn("Sending e-mail {} to {} failed (attempt {}/{}): {}", id, entry.recipient(), attempts, MAX_ATTEMPTS, e.toString());
      return false;
    }
  }

  private MimeMessage mimeMessage(OutboxEntry entry) throws MessagingException {
    MimeMessage message = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(entry.recipient());
    helper.setSubject(entry.subject());
    helper.setText(entry.html(), true);
    message.setHeader("Content-Language", entry.language());
    // JavaMailSenderImpl keeps an explicitly set Message-ID when it saves the message.
    message.setHeader("Message-ID", messageId(entry.idempotencyKey()));
    return message;
  }

  /**
   * The {@code Message-ID} of the e-mail with this idempotency key: the same for every send attempt.
   *
   * @param idempotencyKey the outbox entry's idempotency key
   * @return {@code <uuid@sender-domain>}, uuid derived from the key
   */
  String messageId(String idempotencyKey) {
    String address = from.getAddress();
    String domain = address.substring(address.indexOf('@') + 1);
    return "<" + UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8)) + "@" + domain + ">";
  }
}
