package io.partnerchannel.orchestrator.partnercenter;

/**
 * The Partner Center port refused a call that would break the multi-partner rules (R7, S2, S3): change
 * another partner's subscriptions, move subscriptions or account ownership outside a transfer the current
 * partner approves, change terms and obligations, or change the partner of record. Thrown before anything
 * is sent to Partner Center, so nothing changed. It is a business outcome, not a technical failure: the
 * processes turn it into the BPMN error {@link #ERROR_CODE} and record {@link #getMessage()} as the reason.
 */
public class MultiPartnerGuardException extends RuntimeException {

  /** Error code of the BPMN error the processes catch ({@code Error_MultiPartnerGuard}). */
  public static final String ERROR_CODE = "MultiPartnerGuard";

  /** What the refused call would have done. */
  public enum Violation {
    /** Change a subscription another partner provides. */
    OTHER_PARTNERS_SUBSCRIPTION,
    /** Move subscriptions or ownership other than through a transfer the current partner approves. */
    OWNERSHIP_OUTSIDE_APPROVED_TRANSFER,
    /** Change a subscription's terms and obligations (offer, quantity, term, billing). */
    TERMS_CHANGE,
    /** Change a subscription's partner of record ({@code partnerId}). */
    PARTNER_OF_RECORD_CHANGE
  }

  private final Violation violation;

  /**
   * @param violation what the call would have done
   * @param message a sentence for people: what was refused and why (names rule R7)
   */
  public MultiPartnerGuardException(Violation violation, String message) {
    super(message);
    this.violation = violation;
  }

  /** @return what the refused call would have done */
  public Violation getViolation() {
    return violation;
  }
}
