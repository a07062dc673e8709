package io.partnerchannel.orchestrator.indirect;

import io.partnerchannel.orchestrator.invitation.InitiatorType;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationship;
import java.util.List;

/**
 * {@code resellerOptions}: the indirect resellers a declined invitation can be reassigned to
 * ({@link IndirectInvitationVariables#RESELLER_OPTIONS}).
 */
final class ResellerOptions {

  private ResellerOptions() {}

  /**
   * @param resellers the provider's indirect resellers from Partner Center
   * @param currentResellerTenantId the reseller that has the invitation now
   * @return the other resellers in an active partnership, labelled {@code name (location)}
   */
  static List<ResellerOption> otherActive(List<PartnerRelationship> resellers, String currentResellerTenantId) {
    return resellers.stream()
        .filter(InitiatorType::isActive)
        .filter(reseller -> !reseller.id().equalsIgnoreCase(currentResellerTenantId))
        .map(reseller -> new ResellerOption(
            reseller.location() == null ? reseller.name() : reseller.name() + " (" + reseller.location() + ")",
            reseller.id()))
        .toList();
  }

  /**
   * @param options the choices offered
   * @param resellerTenantId a tenant id, may be null
   * @return whether one of the options has that value, ignoring case
   */
  static boolean contains(List<ResellerOption> options, String resellerTenantId) {
    return resellerTenantId != null
        && options.stream().anyMatch(option -> resellerTenantId.equalsIgnoreCase(option.value()));
  }
}
