package io.partnerchannel.orchestrator.notification;

import java.util.Locale;

/**
 * Queues e-mails in the outbox table inside the caller's transaction (the engine's job transaction when
 * called from a delegate), so a rolled-back and retried job never leaves a second e-mail behind. A
 * dispatcher sends queued e-mails with Spring Mail when {@code spring.mail.host} is set; otherwise they
 * stay readable on {@code /outbox} and {@code GET /api/outbox}.
 */
public interface MailOutbox {

  /**
   * Renders the model's template with Thymeleaf in {@code locale} (falling back to English) and queues it. A
   * second call with the same {@code idempotencyKey} is ignored.
   *
   * @param idempotencyKey unique per e-mail to send, e.g. {@code <processInstanceId>:<activityInstanceId>}
   * @param recipient the recipient's e-mail address
   * @param locale the recipient's language (en, it, pt, sv at least)
   * @param model the e-mail's model: its template and values (a feature's record)
   * @return the outbox entry id (the existing one on a repeat)
   */
  String enqueue(String idempotencyKey, String recipient, Locale locale, MailModel model);
}
