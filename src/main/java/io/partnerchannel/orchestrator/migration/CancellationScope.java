package io.partnerchannel.orchestrator.migration;

/** What "Choose what to cancel" decides for the old Azure subscription (R3). */
public enum CancellationScope {
  /** Cancel the chosen Azure services of the old subscription; the rest keeps running. */
  SELECTED_SERVICES,
  /** Cancel every Azure service, then suspend the old subscription itself (R27, R28). */
  WHOLE_SUBSCRIPTION,
  /** Cancel nothing and withdraw the migration: the new Azure plan subscription is cancelled (compensation). */
  WITHDRAW
}
