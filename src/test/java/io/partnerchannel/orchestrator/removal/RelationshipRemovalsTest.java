package io.partnerchannel.orchestrator.removal;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.partnercenter.Entitlement;
import io.partnerchannel.orchestrator.partnercenter.Subscription;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The removal's rules ({@link RelationshipRemovals}): what blocks it (R17) and what it leaves unchanged (R18-R20). */
class RelationshipRemovalsTest {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-06-01T12:00:00Z");

  @Test
  void anActiveSubscriptionBlocksTheRemovalASuspendedOneDoesNot() {
    List<String> blockers = RelationshipRemovals.blockers(List.of(
        subscription("sub-active", "active"), subscription("sub-suspended", "suspended")), List.of(), NOW);

    assertThat(blockers).singleElement().asString().contains("Suspend subscription sub-active", "Office 365 E3");
  }

  @Test
  void currentReservationsAndSoftwarePurchasesBlockExpiredOnesDoNot() {
    List<String> blockers = RelationshipRemovals.blockers(List.of(), List.of(
        entitlement(Entitlement.RESERVED_INSTANCE, "order-1", NOW.plusDays(30)),
        entitlement(Entitlement.SOFTWARE, "order-2", null),
        entitlement(Entitlement.VIRTUAL_MACHINE_RESERVED_INSTANCE, "order-3", NOW.minusDays(1))), NOW);

    assertThat(blockers).hasSize(2);
    assertThat(blockers.get(0)).contains("Azure reservation", "order-1");
    assertThat(blockers.get(1)).contains("software purchase", "order-2");
  }

  @Test
  void nothingBlocksACustomerWithoutActiveSubscriptionsOrPurchases() {
    assertThat(RelationshipRemovals.blockers(List.of(), List.of(), NOW)).isEmpty();
  }

  @Test
  void theRemovalLeavesGdapRbacAndTheIndirectResellerAsTheyAre() {
    assertThat(RelationshipRemovals.unchangedByRemoval(null)).hasSize(3)
        .anySatisfy(note -> assertThat(note).contains("GDAP"))
        .anySatisfy(note -> assertThat(note).contains("Azure RBAC"));
    assertThat(RelationshipRemovals.unchangedByRemoval("reseller-1")).hasSize(4)
        .last().asString().contains("reseller-1");
  }

  private static Subscription subscription(String id, String status) {
    return new Subscription(id, "CFQ7TTC0LFLX:0001", "Office 365 E3", null, 5, null, null, null, null, null, status,
        null, null);
  }

  private static Entitlement entitlement(String type, String order, OffsetDateTime expiry) {
    return new Entitlement("DZH318Z0BQ3W", "0001", 1, type, new Entitlement.ReferenceOrder(order, "0"), expiry, null);
  }
}
