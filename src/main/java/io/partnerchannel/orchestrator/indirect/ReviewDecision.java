package io.partnerchannel.orchestrator.indirect;

/** What the provider decides in "Review declined invitation" ({@code reviewDecision}). */
enum ReviewDecision {
  /** Give the invitation to another of the provider's indirect resellers ({@code newResellerTenantId}). */
  REASSIGN,
  /** Send the reseller link to the customer directly, without a reseller. */
  SEND_DIRECTLY,
  /** Withdraw the invitation. */
  WITHDRAW
}
