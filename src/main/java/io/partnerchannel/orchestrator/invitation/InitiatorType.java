package io.partnerchannel.orchestrator.invitation;

import io.partnerchannel.orchestrator.partnercenter.PartnerRelationship;
import java.util.List;

/**
 * What kind of CSP partner the operating partner is, as far as starting a customer invitation goes (R13,
 * R14). Partner Center publishes no partner type; it follows from the partner's indirect-model
 * relationships ({@code GET /v1/relationships}, A2/A3): a partner with active indirect providers is an
 * indirect reseller, one with active indirect resellers an indirect provider, any other a direct-bill partner.
 */
public enum InitiatorType {
  /** Buys from Microsoft and bills its customers directly; invites with the reseller link. */
  DIRECT_BILL_PARTNER,
  /** An indirect provider (distributor): invites directly or through its indirect resellers. */
  INDIRECT_PROVIDER,
  /** An indirect reseller: under 21Vianet it cannot create its own CSP invitation (R13). */
  INDIRECT_RESELLER;

  /** {@code state} of an active partnership. */
  public static final String ACTIVE = "Active";

  /**
   * @param providers the partner's indirect providers ({@code IsIndirectResellerOf})
   * @param resellers the partner's indirect resellers ({@code IsIndirectCloudSolutionProviderOf})
   * @return the partner's type, judged from active partnerships only
   */
  public static InitiatorType of(List<PartnerRelationship> providers, List<PartnerRelationship> resellers) {
    if (providers.stream().anyMatch(InitiatorType::isActive)) {
      return INDIRECT_RESELLER;
    }
    return resellers.stream().anyMatch(InitiatorType::isActive) ? INDIRECT_PROVIDER : DIRECT_BILL_PARTNER;
  }

  /**
   * @param relationship a partner-to-partner relationship
   * @return whether its {@code state} is {@value #ACTIVE}, ignoring case
   */
  public static boolean isActive(PartnerRelationship relationship) {
    return ACTIVE.equalsIgnoreCase(relationship.state());
  }
}
