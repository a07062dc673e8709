package io.partnerchannel.orchestrator.operations;

import java.time.Instant;

/**
 * One step of a case: a historic activity instance (task, event, gateway, call) of its process.
 *
 * @param name the activity's name (its id when unnamed)
 * @param type the engine's activity type, e.g. {@code userTask}, {@code serviceTask}, {@code noneEndEvent}
 * @param assignee who worked on it (user tasks), null otherwise
 * @param startedAt when it started
 * @param endedAt when it ended; null while it runs
 * @param canceled whether it was interrupted (a boundary event, a withdrawal) instead of completing
 * @param calledCaseId the process instance a call activity started, null otherwise
 */
record CaseStep(
    String name, String type, String assignee, Instant startedAt, Instant endedAt, boolean canceled, String calledCaseId) {

  /** @return {@link #startedAt} as the page shows it, UTC */
  public String startedText() {
    return Times.text(startedAt);
  }

  /** @return {@link #endedAt} as the page shows it, UTC; empty while it runs */
  public String endedText() {
    return Times.text(endedAt);
  }
}
