package io.partnerchannel.orchestrator.partnercenter;

import io.partnerchannel.orchestrator.partnercenter.MultiPartnerGuardException.Violation;
import java.util.Objects;
import java.util.Set;

/**
 * The multi-partner rules (R7, from S2/S3) as checks the port ({@link GuardedPartnerCenter}) runs before every call
 * that changes subscriptions or moves them between partners. A customer may work with several partners; a new
 * partner establishes its own relationship but does <em>not</em> change existing subscriptions, transition
 * subscriptions or account ownership, change terms and obligations, or change the partner of record.
 *
 * <p>What stays allowed: cancelling or suspending this partner's own subscriptions, renaming them, asking another
 * partner for a transfer to this partner, which only that partner can approve (R23, R24), and cancelling that
 * request. The guard judges from what this partner can know: its own subscriptions (Partner Center shows no
 * other partner's or other channel's subscription: 403 code 20002 or 404) and the transfer's source and target.
 * Services bought through EA, Open or Advisor are cancelled by the customer in that channel, not through here.
 */
public final class MultiPartnerGuard {

  private static final Set<String> STATUS_CHANGES = Set.of("active", "suspended");

  private MultiPartnerGuard() {}

  /**
   * Refuses changing a subscription that another CSP partner provides: its {@code partnerId} (MPN id of
   * the partner of record) is set and is not ours.
   *
   * @param current the subscription as Partner Center shows it
   * @param ourMpnId the operating partner's MPN id
   * @param change what the call would do, e.g. "cancel Azure subscription x"
   * @throws MultiPartnerGuardException when the subscription is another partner's
   */
  public static void requireNotOtherPartners(Subscription current, String ourMpnId, String change) {
    if (current.partnerId() != null && !current.partnerId().isBlank() && !current.partnerId().equals(ourMpnId)) {
      throw new MultiPartnerGuardException(
          Violation.OTHER_PARTNERS_SUBSCRIPTION,
          "Refused to " + change + ": subscription " + current.id() + " is provided by another partner (MPN "
              + current.partnerId() + "); a new partner does not change another partner's subscriptions (R7).");
    }
  }

  /**
   * Refuses an update that changes anything but the status ({@code active}/{@code suspended}) and the
   * friendly name of one of our subscriptions.
   *
   * @param current the subscription as Partner Center shows it
   * @param requested the full subscription to PATCH; null fields are left as they are
   * @param ourMpnId the operating partner's MPN id
   * @throws MultiPartnerGuardException when the update changes another partner's subscription, the partner
   *     of record, or terms and obligations
   */
  public static void requireAllowedUpdate(Subscription current, Subscription requested, String ourMpnId) {
    requireNotOtherPartners(current, ourMpnId, "update subscription " + current.id());
    if (changed(current.partnerId(), requested.partnerId())) {
      throw new MultiPartnerGuardException(
          Violation.PARTNER_OF_RECORD_CHANGE,
          "Refused to change the partner of record of subscription " + current.id() + " from "
              + current.partnerId() + " to " + requested.partnerId() + " (R7).");
    }
    if (changed(current.offerId(), requested.offerId())
        || changed(current.quantity(), requested.quantity())
        || changed(current.billingType(), requested.billingType())
        || changed(current.billingCycle(), requested.billingCycle())
        || changed(current.termDuration(), requested.termDuration())
        || changed(current.commitmentEndDate(), requested.commitmentEndDate())
        || changed(current.unitType(), requested.unitType())) {
      throw new MultiPartnerGuardException(
          Violation.TERMS_CHANGE,
          "Refused to change the terms of subscription " + current.id()
              + " (offer, quantity, billing or term); terms and obligations are not changed (R7).");
    }
    if (requested.status() != null && !STATUS_CHANGES.contains(requested.status().toLowerCase(java.util.Locale.ROOT))) {
      throw new MultiPartnerGuardException(
          Violation.TERMS_CHANGE,
          "Refused to set subscription " + current.id() + " to status " + requested.status()
              + "; only active and suspended can be set (R7, A12).");
    }
  }

  /**
   * Refuses a transfer request that would move subscriptions anywhere but to us, or away from us: the only
   * ownership change allowed is one this partner asks for and the current partner approves (R23, R24). In new
   * commerce the target names no subscriptions; the source partner adds them (create-a-transfer).
   *
   * @param transfer the transfer to create
   * @param ourTenantId the operating partner's tenant id
   * @throws MultiPartnerGuardException when the target is not us, or the source is us or missing
   */
  public static void requireApprovableTransfer(TransferEntity transfer, String ourTenantId) {
    if (!ourTenantId.equals(transfer.targetPartnerTenantId())) {
      throw new MultiPartnerGuardException(
          Violation.OWNERSHIP_OUTSIDE_APPROVED_TRANSFER,
          "Refused to request a transfer to partner " + transfer.targetPartnerTenantId()
              + ": this partner only asks for transfers to itself, never moves subscriptions to a third partner (R7, R24).");
    }
    if (transfer.sourcePartnerTenantId() == null || transfer.sourcePartnerTenantId().isBlank()
        || ourTenantId.equalsIgnoreCase(transfer.sourcePartnerTenantId())) {
      throw new MultiPartnerGuardException(
          Violation.OWNERSHIP_OUTSIDE_APPROVED_TRANSFER,
          "Refused a transfer without another partner as its source: only the current partner can approve"
              + " moving its subscriptions (R23, R24).");
    }
  }

  /**
   * Refuses cancelling a transfer this partner did not create: only the target partner cancels (update-a-transfer).
   *
   * @param transfer the transfer as read
   * @param ourTenantId the operating partner's tenant id
   * @throws MultiPartnerGuardException when we are not the transfer's target
   */
  public static void requireOwnTransfer(TransferEntity transfer, String ourTenantId) {
    if (!ourTenantId.equalsIgnoreCase(transfer.targetPartnerTenantId())) {
      throw new MultiPartnerGuardException(
          Violation.OWNERSHIP_OUTSIDE_APPROVED_TRANSFER,
          "Refused to cancel transfer " + transfer.id() + ": only the partner that asked for it (its target) may cancel"
              + " it (R7, update-a-transfer).");
    }
  }

  private static boolean changed(Object current, Object requested) {
    return requested != null && !Objects.equals(current, requested);
  }
}
