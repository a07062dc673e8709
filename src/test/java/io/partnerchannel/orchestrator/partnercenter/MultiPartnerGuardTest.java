package io.partnerchannel.orchestrator.partnercenter;

import io.partnerchannel.orchestrator.support.SandboxWorldTest;
import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerchannel.orchestrator.partnercenter.MultiPartnerGuardException.Violation;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxCommerce;
import java.util.List;
import io.partnerchannel.orchestrator.partnercenter.Subscription;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The multi-partner guard (R7) of the Partner Center port, called the way the delegates call it, against
 * the sandbox: every call that would change another partner's subscriptions, move ownership outside a
 * transfer the current partner approves, change terms or change the partner of record is refused with a
 * {@link MultiPartnerGuardException} before anything reaches Partner Center (a subscription Partner Center does not
 * show us, another partner's or an EA one, answers 403 code 20002 and is never changed); the allowed changes go through.
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
    sandbox.relate(LAMNA, NORTHWIND);

    assertThatThrownBy(() -> partnerCenter.getSubscription(LAMNA, LAMNA_LITWARE_AZURE_PLAN))
        .isInstanceOfSatisfying(PartnerCenterException.class, refused -> {
          assertThat(refused.getHttpStatus()).isEqualTo(403);
          assertThat(refused.getErrorCode()).isEqualTo("20002");
        });
    assertThatThrownBy(() -> partnerCenter.cancelAzureEntitlement(LAMNA, LAMNA_LITWARE_AZURE_PLAN, LAMNA_PATIENT_PORTAL, "ours now"))
        .isInstanceOfSatisfying(MultiPartnerGuardException.class,
            refusal -> assertThat(refusal.getViolation()).isEqualTo(Violation.OTHER_PARTNERS_SUBSCRIPTION))
        .hasMessageContaining(LAMNA_LITWARE_AZURE_PLAN)
        .hasMessageContaining("(R7)");
    Subscription litwares = new Subscription(LAMNA_LITWARE_AZURE_PLAN, null, null, null, null, null, null, null, null,
        null, "suspended", null, null);
    assertThatThrownBy(() -> partnerCenter.updateSubscription(LAMNA, litwares))
        .isInstanceOfSatisfying(MultiPartnerGuardException.class,
            refusal -> assertThat(refusal.getViolation()).isEqualTo(Violation.OTHER_PARTNERS_SUBSCRIPTION));

    assertThat(commerce.entitlements(LAMNA_LITWARE_AZURE_PLAN)).extracting(SandboxCommerce.Entitlement::status)
        .containsOnly("active");
    assertThat(commerce.subscription(LAMNA, LAMNA_LITWARE_AZURE_PLAN).orElseThrow().document()).contains("\"status\":\"active\"");
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
  void refusesTransfersOtherThanFromAnotherPartnerToUsAndCancellingOthersTransfers() {
    sandbox.relate(LAMNA, NORTHWIND);
    String wingtip = "a1b2c3d4-0000-4000-8000-000000000004";

    assertThatThrownBy(() -> partnerCenter.createTransfer(LAMNA,
            TransferEntity.request(LITWARE, "Litware CSP", "claire.dubois@lamna.example", null, wingtip,
                TransferEntity.AZURE_SUBSCRIPTION)))
        .isInstanceOfSatisfying(MultiPartnerGuardException.class,
            refusal -> assertThat(refusal.getViolation()).isEqualTo(Violation.OWNERSHIP_OUTSIDE_APPROVED_TRANSFER))
        .hasMessageContaining(wingtip);
    assertThatThrownBy(() -> partnerCenter.createTransfer(PROSEWARE,
            TransferEntity.request(NORTHWIND, "Northwind", "it@proseware.example", null, NORTHWIND,
                TransferEntity.ONLINE_SERVICES_NCE)))
        .isInstanceOfSatisfying(MultiPartnerGuardException.class,
            refusal -> assertThat(refusal.getViolation()).isEqualTo(Violation.OWNERSHIP_OUTSIDE_APPROVED_TRANSFER));
    assertThat(commerce.transfers(LAMNA)).isEmpty();
    assertThat(commerce.transfers(PROSEWARE)).isEmpty();

    TransferEntity allowed = partnerCenter.createTransfer(LAMNA, TransferEntity.request(LITWARE, "Litware CSP",
        "claire.dubois@lamna.example", null, NORTHWIND, TransferEntity.AZURE_SUBSCRIPTION));
    assertThat(allowed.status()).isEqualTo(TransferEntity.ACTIVE);
    assertThat(allowed.transferType()).isEqualTo(TransferEntity.NEW_COMMERCE);
    assertThat(partnerCenter.getTransfer(LAMNA, allowed.id())).contains(allowed);

    TransferEntity someoneElses = new TransferEntity(allowed.id(), null, null, null, null, null, LITWARE, null, wingtip,
        null, null, null, null, TransferEntity.ACTIVE, null, null, null);
    assertThatThrownBy(() -> partnerCenter.cancelTransfer(LAMNA, someoneElses))
        .isInstanceOfSatisfying(MultiPartnerGuardException.class,
            refusal -> assertThat(refusal.getViolation()).isEqualTo(Violation.OWNERSHIP_OUTSIDE_APPROVED_TRANSFER));
    assertThat(commerce.transfer(LAMNA, allowed.id()).orElseThrow().status()).isEqualTo(TransferEntity.ACTIVE);
    assertThat(partnerCenter.cancelTransfer(LAMNA, allowed).status()).isEqualTo("Canceled");
  }

  @Test
  void refusesCancellingTheServicesOfTheCustomersNonCspChannel() {
    sandbox.relate(DATUM, NORTHWIND);

    assertThatThrownBy(() -> partnerCenter.cancelAzureEntitlement(DATUM, DATUM_EA_AZURE, DATUM_ANALYTICS, "Moved to CSP (R3)"))
        .isInstanceOfSatisfying(MultiPartnerGuardException.class,
            refusal -> assertThat(refusal.getViolation()).isEqualTo(Violation.OTHER_PARTNERS_SUBSCRIPTION));

    assertThat(commerce.entitlements(DATUM_EA_AZURE)).filteredOn(azure -> azure.id().equals(DATUM_ANALYTICS))
        .extracting(SandboxCommerce.Entitlement::status)
        .containsExactly("active");
  }

  private static Subscription withStatus(Subscription subscription, String status) {
    return new Subscription(subscription.id(), subscription.offerId(), subscription.offerName(),
        subscription.friendlyName(), subscription.quantity(), subscription.unitType(), subscription.billingType(),
        subscription.billingCycle(), subscription.termDuration(), subscription.commitmentEndDate(), status,
        subscription.partnerId(), subscription.attributes());
  }
}
