package io.partnerchannel.orchestrator.events;

/**
 * Turns one kind of Partner Center event into a BPMN message for the process instance waiting for it.
 * Called inside the transaction that records the outcome, so a message correlated here and the event's
 * status commit together; an exception rolls both back and leaves the event {@link EventStatus#PENDING}.
 */
public interface EventCorrelator {

  /** @return the Partner Center event name handled, e.g. {@code reseller-relationship-accepted-by-customer} */
  String eventName();

  /**
   * @param event the stored event
   * @return correlated, pending (retry later) or ignored, with a detail for the inbox
   * @throws RuntimeException on a technical failure (Partner Center or engine unavailable); retried later
   */
  CorrelationResult correlate(InboxEvent event);
}
