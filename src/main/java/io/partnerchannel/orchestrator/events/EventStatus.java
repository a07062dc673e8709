package io.partnerchannel.orchestrator.events;

/** Where a stored Partner Center event stands. */
public enum EventStatus {
  /** Stored, not yet delivered to a process instance: the instance does not wait yet, or the attempt failed. Retried. */
  PENDING,
  /** Delivered as a BPMN message to the waiting process instance(s). */
  CORRELATED,
  /** Nothing waits or will wait for it (unknown customer, unknown event name, …); {@code lastError} says why. */
  IGNORED
}
