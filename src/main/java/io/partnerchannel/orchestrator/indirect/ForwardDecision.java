package io.partnerchannel.orchestrator.indirect;

/** What the indirect reseller decides in "Forward invitation to customer" ({@code forwardDecision}). */
enum ForwardDecision {
  /** E-mail the invitation to the customer in the reseller's name. */
  FORWARD,
  /** Do not forward; {@code declineReason} tells the provider why. */
  DECLINE
}
