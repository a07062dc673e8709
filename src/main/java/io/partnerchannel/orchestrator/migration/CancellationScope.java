package io.partnerchannel.orchestrator.migration;

/** What "Choose what to cancel" decides for the old Azure subscription (R3); the customer cancels it in the old channel. */
enum CancellationScope {
  /** Cancel the chosen Azure services of the old subscription; the rest keeps running. */
  SELECTED_SERVICES,
  /** Cancel every Azure service and the old subscription itself. */
  WHOLE_SUBSCRIPTION,
  /** Cancel nothing and withdraw the migration: the new Azure plan subscription is cancelled (compensation). */
  WITHDRAW
}
