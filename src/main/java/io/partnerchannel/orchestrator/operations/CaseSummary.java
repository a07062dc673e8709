package io.partnerchannel.orchestrator.operations;

import java.time.Instant;

/**
 * One case as the history page lists it: a process instance of one of the case processes
 * ({@link CaseProperties#processes()}), read from the engine's history.
 *
 * @param id the process instance id (the page {@code /cases/{id}})
 * @param processKey the process definition key
 * @param processName the process's name, as Tasklist shows it
 * @param status {@code ACTIVE}, {@code SUSPENDED}, {@code COMPLETED}, {@code EXTERNALLY_TERMINATED} or
 *     {@code INTERNALLY_TERMINATED} (the engine's)
 * @param outcome the end event's name, {@value CaseOutcomes#RUNNING} or {@value CaseOutcomes#CANCELLED}
 * @param customer the customer: company name and domain, or tenant id; null if the case names none
 * @param requester the user id of who started it; null if a system started it
 * @param reason why it ended as it did, in words (the process's {@code reason}); null if none
 * @param startedAt when it started
 * @param endedAt when it ended; null while running
 * @param parentId the case that started this one (an onboarding's invitation or migration); null if none
 */
record CaseSummary(
    String id,
    String processKey,
    String processName,
    String status,
    String outcome,
    String customer,
    String requester,
    String reason,
    Instant startedAt,
    Instant endedAt,
    String parentId) {

  /** @return {@link #startedAt} as the pages show it, UTC */
  public String startedText() {
    return Times.text(startedAt);
  }

  /** @return {@link #endedAt} as the pages show it, UTC; empty while running */
  public String endedText() {
    return Times.text(endedAt);
  }
}
