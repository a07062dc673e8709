package io.partnerchannel.orchestrator.migration;

/** What the agent decides in "Review transfer status" when Partner Center answers a status the process does not know. */
enum TransferDecision {
  /** Keep waiting for the source partner. */
  KEEP_WAITING,
  /** Cancel the pending transfer (only its target may, update-a-transfer). */
  CANCEL_TRANSFER,
  /** End the migration without the transfer. */
  CLOSE
}
