package io.partnerchannel.orchestrator.partnercenter;

/**
 * The {@link PartnerCenter} port with the multi-partner rules (R7, {@link MultiPartnerGuard}) applied before every
 * call that changes subscriptions or moves them between partners, whichever adapter sends it: an adapter extends
 * this class and implements only the sending ({@code send...}), so no adapter can skip the rules.
 *
 * <p>The subscription a change is judged by is read through the port first; one Partner Center does not show this
 * partner (403, e.g. code 20002, or 404) is not ours and the change is refused before any write.
 */
public abstract class GuardedPartnerCenter implements PartnerCenter {

  private volatile String mpnId;

  /** @return the operating partner's tenant id ({@code pco.partner.tenant-id}) */
  protected abstract String ourTenantId();

  /**
   * {@inheritDoc}
   *
   * <p>Refused when the subscription is another partner's; else {@link #sendCancelAzureEntitlement}.
   */
  @Override
  public void cancelAzureEntitlement(
      String customerTenantId, String subscriptionId, String entitlementId, String cancellationReason) {
    Subscription current = requireSubscription(customerTenantId, subscriptionId);
    MultiPartnerGuard.requireNotOtherPartners(current, ourMpnId(), "cancel Azure subscription " + entitlementId);
    sendCancelAzureEntitlement(customerTenantId, subscriptionId, entitlementId, cancellationReason);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Compared with the subscription as Partner Center shows it; else {@link #sendUpdateSubscription}.
   */
  @Override
  public Subscription updateSubscription(String customerTenantId, Subscription subscription) {
    Subscription current = requireSubscription(customerTenantId, subscription.id());
    MultiPartnerGuard.requireAllowedUpdate(current, subscription, ourMpnId());
    return sendUpdateSubscription(customerTenantId, current, subscription);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Refused unless the transfer is from another partner to us; else {@link #sendCreateTransfer}.
   */
  @Override
  public TransferEntity createTransfer(String customerTenantId, TransferEntity transfer) {
    MultiPartnerGuard.requireApprovableTransfer(transfer, ourTenantId());
    return sendCreateTransfer(customerTenantId, transfer);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Refused unless we are the transfer's target; else {@link #sendCancelTransfer}.
   */
  @Override
  public TransferEntity cancelTransfer(String customerTenantId, TransferEntity transfer) {
    MultiPartnerGuard.requireOwnTransfer(transfer, ourTenantId());
    return sendCancelTransfer(customerTenantId, transfer);
  }

  /**
   * Sends what {@link #cancelAzureEntitlement} allowed.
   *
   * @param customerTenantId the customer
   * @param subscriptionId the subscription the Azure subscription belongs to
   * @param entitlementId the Azure subscription
   * @param cancellationReason why, shown in Partner Center
   */
  protected abstract void sendCancelAzureEntitlement(
      String customerTenantId, String subscriptionId, String entitlementId, String cancellationReason);

  /**
   * Sends what {@link #updateSubscription} allowed.
   *
   * @param customerTenantId the customer
   * @param current the subscription as just read (its {@code etag} attribute, if any, goes into {@code If-Match})
   * @param requested the subscription with the changed status or friendly name
   * @return the updated subscription
   */
  protected abstract Subscription sendUpdateSubscription(
      String customerTenantId, Subscription current, Subscription requested);

  /**
   * Sends what {@link #createTransfer} allowed.
   *
   * @param customerTenantId the customer
   * @param transfer the transfer request
   * @return the created transfer
   */
  protected abstract TransferEntity sendCreateTransfer(String customerTenantId, TransferEntity transfer);

  /**
   * Sends what {@link #cancelTransfer} allowed.
   *
   * @param customerTenantId the customer
   * @param transfer the transfer as read
   * @return the transfer as Partner Center answers
   */
  protected abstract TransferEntity sendCancelTransfer(String customerTenantId, TransferEntity transfer);

  /**
   * The subscription the guard judges. A subscription Partner Center does not show us (403 code 20002, no commerce
   * relationship, or 404) is not ours: changing it is refused before any write (R7).
   */
  private Subscription requireSubscription(String customerTenantId, String subscriptionId) {
    try {
      return getSubscription(customerTenantId, subscriptionId)
          .orElseThrow(() -> notOurs(customerTenantId, subscriptionId));
    } catch (PartnerCenterException e) {
      if (e.getHttpStatus() == 403) {
        throw notOurs(customerTenantId, subscriptionId);
      }
      throw e;
    }
  }

  private static MultiPartnerGuardException notOurs(String customerTenantId, String subscriptionId) {
    return new MultiPartnerGuardException(MultiPartnerGuardException.Violation.OTHER_PARTNERS_SUBSCRIPTION,
        "Refused to change subscription " + subscriptionId + " of customer " + customerTenantId + ": it is not one of"
            + " this partner's subscriptions (Partner Center does not show it to us); a new partner does not change"
            + " another partner's or another channel's subscriptions (R7).");
  }

  /** The operating partner's MPN id, read once ({@link #getMpnProfile()}). */
  private String ourMpnId() {
    String known = this.mpnId;
    if (known == null) {
      known = getMpnProfile().mpnId();
      this.mpnId = known;
    }
    return known;
  }
}
