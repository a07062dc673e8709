package io.partnerchannel.orchestrator.partnercenter;

import io.partnerchannel.orchestrator.migration.SandboxWorldTest;
import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerchannel.orchestrator.partnercenter.MultiPartnerGuardException.Violation;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxCommerce;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The multi-partner guard (R7) of the Partner Center port, called the way the delegates call it, against
 * the sandbox: every call that would change another partner's subscriptions, move ownership outside a
 * transfer the current partner approves, change terms or change the partner of record is refused with a
 * {@link MultiPartnerGuardException} before anything reaches Partner Center; the allowed changes go through.
 */
class MultiPartnerGuardTest extends SandboxWorldTest {

  private static final String PROSEWARE_LICENSES = "5b5c0000-0000-4000-8000-000000000013";

  @Autowired PartnerCenter partnerCenter;

  @Override
  protected List<String> processKeys() {
    return List.of();
  }

  @Test
  void refusesCancellingOrSuspendingAnotherPartnersSubscription() {
    relate(directory, LAMNA, NORTHWIND);

    assertThatThrownBy(() -> partnerCenter.cancelAzureEntitlement(LAMNA, LAMNA_LITWARE_AZURE_PLAN, LAMNA_PATIENT_PORTAL, "ours now"))
        .isInstanceOfSatisfying(MultiPartnerGuardException.class,
            refusal -> assertThat(refusal.getViolation()).isEqualTo(Violation.OTHER_PARTNERS_SUBSCRIPTION))
        .hasMessageContaining(LITWARE_MPN)
        .hasMessageContaining("(R7)");
    Subscription litwares = partnerCenter.getSubscription(LAMNA, LAMNA_LITWARE_AZURE_PLAN).orElseThrow();
    assertThatThrownBy(() -> partnerCenter.updateSubscription(LAMNA, withStatus(litwares, "suspended")))
        .isInstanceOfSatisfying(MultiPartnerGuardException.class,
            refusal -> assertThat(refusal.getViolation()).isEqualTo(Violation.OTHER_PARTNERS_SUBSCRIPTION));

    assertThat(commerce.entitlements(LAMNA_LITWARE_AZURE_PLAN)).extracting(SandboxCommerce.Entitlement::status)
        .containsOnly("active");
    assertThat(partnerCenter.getSubscription(LAMNA, LAMNA_LITWARE_AZURE_PLAN).orElseThrow().status()).isEqualTo("active");
  }

  @Test
  void refusesChangingTermsOrThePartnerOfRecordEvenOfOurOwnSubscription() {
    Subscription ours = partnerCenter.getSubscription(PROSEWARE, PROSEWARE_LICENSES).orElseThrow();

    assertThatThrownBy(() -> partnerCenter.updateSubscription(PROSEWARE, new Subscription(ours.id(), ours.offerId(),
            ours.offerName(), ours.friendlyName(), ours.quantity() + 10, ours.unitType(), ours.billingType(),
            ours.billingCycle(), ours.termDuration(), ours.commitmentEndDate(), ours.status(), ours.partnerId(), null)))
        .isInstanceOfSatisfying(MultiPartnerGuardException.class,
            refusal -> assertThat(refusal.getViolation()).isEqualTo(Violation.TERMS_CHANGE));
    assertThatThrownBy(() -> partnerCenter.updateSubscription(PROSEWARE, new Subscription(ours.id(), ours.offerId(),
            ours.offerName(), ours.friendlyName(), ours.quantity(), ours.unitType(), ours.billingType(), "annual",
            "P3Y", ours.commitmentEndDate(), ours.status(), ours.partnerId(), null)))
        .isInstanceOfSatisfying(MultiPartnerGuardException.class,
            refusal -> assertThat(refusal.getViolation()).isEqualTo(Violation.TERMS_CHANGE));
    assertThatThrownBy(() -> partnerCenter.updateSubscription(PROSEWARE, new Subscription(ours.id(), ours.offerId(),
            ours.offerName(), ours.friendlyName(), ours.quantity(), ours.unitType(), ours.billingType(),
            ours.billingCycle(), ours.termDuration(), ours.commitmentEndDate(), ours.status(), LITWARE_MPN, null)))
        .isInstanceOfSatisfying(MultiPartnerGuardException.class,
            refusal -> assertThat(refusal.getViolation()).isEqualTo(Violation.PARTNER_OF_RECORD_CHANGE));
    assertThatThrownBy(() -> partnerCenter.updateSubscription(PROSEWARE, withStatus(ours, "deleted")))
        .isInstanceOfSatisfying(MultiPartnerGuardException.class,
            refusal -> assertThat(refusal.getViolation()).isEqualTo(Violation.TERMS_CHANGE));

    Subscription unchanged = partnerCenter.getSubscription(PROSEWARE, PROSEWARE_LICENSES).orElseThrow();
    assertThat(unchanged).isEqualTo(ours);
    Subscription renamed = partnerCenter.updateSubscription(PROSEWARE, new Subscription(ours.id(), null, null,
        "Proseware seats", null, null, null, null, null, null, "suspended", null, null));
    assertThat(renamed.status()).isEqualTo("suspended");
    assertThat(renamed.friendlyName()).isEqualTo("Proseware seats");
  }

  @Test
  void refusesTransfersOtherThanFromAnotherPartnerToUs() {
    relate(directory, LAMNA, NORTHWIND);
    String wingtip = "a1b2c3d4-0000-4000-8000-000000000004";

    assertThatThrownBy(() -> partnerCenter.createTransfer(LAMNA,
            TransferEntity.request(LAMNA, LITWARE, wingtip, List.of(LAMNA_LITWARE_AZURE_PLAN))))
        .isInstanceOfSatisfying(MultiPartnerGuardException.class,
            refusal -> assertThat(refusal.getViolation()).isEqualTo(Violation.OWNERSHIP_OUTSIDE_APPROVED_TRANSFER))
        .hasMessageContaining(wingtip);
    assertThatThrownBy(() -> partnerCenter.createTransfer(PROSEWARE,
            TransferEntity.request(PROSEWARE, NORTHWIND, NORTHWIND, List.of(PROSEWARE_LICENSES))))
        .isInstanceOfSatisfying(MultiPartnerGuardException.class,
            refusal -> assertThat(refusal.getViolation()).isEqualTo(Violation.OWNERSHIP_OUTSIDE_APPROVED_TRANSFER));
    assertThatThrownBy(() -> partnerCenter.createTransfer(LAMNA, TransferEntity.request(LAMNA, LITWARE, NORTHWIND, List.of())))
        .isInstanceOfSatisfying(MultiPartnerGuardException.class,
            refusal -> assertThat(refusal.getMessage()).contains("account ownership is never transferred"));
    assertThat(commerce.transfers(LAMNA)).isEmpty();
    assertThat(commerce.transfers(PROSEWARE)).isEmpty();

    TransferEntity allowed = partnerCenter.createTransfer(LAMNA,
        TransferEntity.request(LAMNA, LITWARE, NORTHWIND, List.of(LAMNA_LITWARE_AZURE_PLAN)));
    assertThat(allowed.status()).isEqualTo(TransferEntity.ACTIVE);
    assertThat(partnerCenter.getTransfer(LAMNA, allowed.id())).contains(allowed);
  }

  @Test
  void allowsCancellingTheServicesOfTheCustomersNonCspChannel() {
    relate(directory, DATUM, NORTHWIND);

    partnerCenter.cancelAzureEntitlement(DATUM, DATUM_EA_AZURE, DATUM_ANALYTICS, "Moved to CSP (R3)");

    assertThat(partnerCenter.getAzureEntitlements(DATUM, DATUM_EA_AZURE))
        .filteredOn(azure -> azure.id().equals(DATUM_ANALYTICS))
        .extracting(AzureEntitlement::status)
        .containsExactly("cancelled");
  }

  private static Subscription withStatus(Subscription subscription, String status) {
    return new Subscription(subscription.id(), subscription.offerId(), subscription.offerName(),
        subscription.friendlyName(), subscription.quantity(), subscription.unitType(), subscription.billingType(),
        subscription.billingCycle(), subscription.termDuration(), subscription.commitmentEndDate(), status,
        subscription.partnerId(), subscription.attributes());
  }
}
