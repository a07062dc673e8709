package io.partnerchannel.orchestrator.notification;

/** Where an outbox entry stands. */
enum MailStatus {
  /** Waiting for the dispatcher (a mail host is configured). */
  PENDING,
  /** Handed to the mail host. */
  SENT,
  /** Kept in the outbox only: no mail host is configured; read it on {@code /outbox}. */
  STORED,
  /** Not sent after {@link MailDispatcher#MAX_ATTEMPTS} attempts; {@code lastError} says why. */
  FAILED
}
