package io.partnerchannel.orchestrator.invitation;

/** What the agent decides in "Follow up with customer" ({@code followUpDecision}). */
enum FollowUpDecision {
  /** Send the invitation again as a reminder. */
  RESEND,
  /** Move the expiry by {@code extendByDays}. */
  EXTEND,
  /** Withdraw the invitation: the process ends "withdrawn". */
  WITHDRAW
}
