package io.partnerchannel.orchestrator.events;

/**
 * What an {@link EventCorrelator} did with an event.
 *
 * @param status {@link EventStatus#CORRELATED}, {@link EventStatus#PENDING} (try again later) or {@link EventStatus#IGNORED}
 * @param detail for people: which instances got the message, what is awaited, or why the event is ignored
 */
public record CorrelationResult(EventStatus status, String detail) {

  /** @param detail which process instances received the message */
  public static CorrelationResult correlated(String detail) {
    return new CorrelationResult(EventStatus.CORRELATED, detail);
  }

  /** @param detail what the event waits for, e.g. an instance that does not wait for the message yet */
  public static CorrelationResult pending(String detail) {
    return new CorrelationResult(EventStatus.PENDING, detail);
  }

  /** @param detail why no process instance will ever take the event */
  public static CorrelationResult ignored(String detail) {
    return new CorrelationResult(EventStatus.IGNORED, detail);
  }
}
