package io.partnerchannel.orchestrator.operations;

import java.time.LocalDate;

/**
 * What the case history page and its export are filtered by; every part is optional (null: no filter).
 *
 * @param process a process definition key, e.g. {@code ResellerRelationshipInvitation}
 * @param outcome an outcome as the page shows it ({@link CaseOutcomes}), e.g. {@code Invitation refused}
 * @param customer part of the customer's company name, domain or tenant id, any case
 * @param from first day (UTC) the case may have started on
 * @param to last day (UTC) the case may have started on
 */
record CaseFilter(String process, String outcome, String customer, LocalDate from, LocalDate to) {

  /** Blank texts count as no filter; texts are trimmed. */
  CaseFilter {
    process = blankToNull(process);
    outcome = blankToNull(outcome);
    customer = blankToNull(customer);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
