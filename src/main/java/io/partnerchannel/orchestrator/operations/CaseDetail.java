package io.partnerchannel.orchestrator.operations;

import java.util.List;

/**
 * One case's page: its summary, its steps in the order they ran, and the cases it started.
 *
 * @param summary the case
 * @param steps its steps, oldest first
 * @param children the process instances it called (an onboarding's invitation and migrations), oldest first
 */
record CaseDetail(CaseSummary summary, List<CaseStep> steps, List<CaseSummary> children) {

  /** Copies the lists. */
  CaseDetail {
    steps = List.copyOf(steps);
    children = List.copyOf(children);
  }
}
