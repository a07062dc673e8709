package io.partnerchannel.orchestrator.indirect;

import java.util.Arrays;
import org.camunda.bpm.engine.BadUserRequestException;

/** What the provider decides in "Review declined invitation" ({@code reviewDecision}). */
enum ReviewDecision {
  /** Give the invitation to another of the provider's indirect resellers ({@code newResellerTenantId}). */
  REASSIGN,
  /** Send the reseller link to the customer directly, without a reseller. */
  SEND_DIRECTLY,
  /** Withdraw the invitation. */
  WITHDRAW;

  /**
   * @param submitted what the review form submitted, may be null
   * @return the decision it names (exact constant name)
   * @throws BadUserRequestException naming {@code reviewDecision} when it names none (Tasklist shows the message)
   */
  static ReviewDecision of(String submitted) {
    return Arrays.stream(values())
        .filter(value -> value.name().equals(submitted))
        .findFirst()
        .orElseThrow(() -> new BadUserRequestException(
            IndirectInvitationVariables.REVIEW_DECISION.getName() + " must be one of " + Arrays.toString(values())));
  }
}
