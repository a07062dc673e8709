package io.partnerchannel.orchestrator.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.migration.MigrationEligibility.Refusal;
import io.partnerchannel.orchestrator.partnercenter.Subscription;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The migrations' refusal rules ({@link MigrationEligibility}), without Partner Center or the engine. */
class MigrationEligibilityTest {

  private static final String CUSTOMER = "1f0e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";

  @Test
  void azurePlanNeedsTheResellerRelationship() {
    assertThat(MigrationEligibility.azurePlanRefusal(CUSTOMER, false, List.of()))
        .get().extracting(Refusal::code).isEqualTo("NO_RELATIONSHIP");
  }

  @Test
  void azurePlanIsRefusedWhileTheLegacyAzureOfferIsLive() {
    assertThat(MigrationEligibility.azurePlanRefusal(CUSTOMER, true, List.of(subscription("a", "MS-AZR-0145P", "active"))))
        .get().satisfies(refusal -> {
          assertThat(refusal.code()).isEqualTo("LEGACY_AZURE_OFFER");
          assertThat(refusal.reason()).contains(MigrationEligibility.LEGACY_AZURE_OFFER);
        });
  }

  @Test
  void aDeletedLegacyAzureOfferOrAnotherOfferAllowsTheAzurePlan() {
    assertThat(MigrationEligibility.azurePlanRefusal(CUSTOMER, true, List.of(
        subscription("a", "MS-AZR-0145P", "deleted"), subscription("b", "CFQ7TTC0LH18:0001", "active"))))
        .isEmpty();
  }

  @Test
  void licenseTransitionNeedsTheResellerRelationship() {
    assertThat(MigrationEligibility.licenseTransitionRefusal(CUSTOMER, "sub-1", false, List.of()))
        .get().extracting(Refusal::code).isEqualTo("NO_RELATIONSHIP");
  }

  @Test
  void licenseTransitionRefusesASubscriptionAlreadyOurs() {
    assertThat(MigrationEligibility.licenseTransitionRefusal(CUSTOMER, "SUB-1", true,
        List.of(subscription("sub-1", "CFQ7TTC0LDPB:0001", "active"))))
        .get().extracting(Refusal::code).isEqualTo("ALREADY_OURS");
  }

  @Test
  void licenseTransitionOfAnotherPartnersSubscriptionGoesAhead() {
    assertThat(MigrationEligibility.licenseTransitionRefusal(CUSTOMER, "sub-2", true,
        List.of(subscription("sub-1", "CFQ7TTC0LDPB:0001", "active"))))
        .isEmpty();
  }

  private static Subscription subscription(String id, String offerId, String status) {
    return new Subscription(id, offerId, null, null, 1, null, null, null, null, null, status, null, null);
  }
}
