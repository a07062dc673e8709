package io.partnerchannel.orchestrator.indirect;

import io.partnerchannel.orchestrator.forms.JsonArrayVariable.Option;
import io.partnerchannel.orchestrator.invitation.InitiatorType;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationship;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.BadUserRequestException;

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
  static List<Option> otherActive(List<PartnerRelationship> resellers, String currentResellerTenantId) {
    return resellers.stream()
        .filter(InitiatorType::isActive)
        .filter(reseller -> !reseller.id().equalsIgnoreCase(currentResellerTenantId))
        .map(reseller -> new Option(
            reseller.location() == null ? reseller.name() : reseller.name() + " (" + reseller.location() + ")",
            reseller.id()))
        .toList();
  }

  /**
   * @param options the choices offered
   * @param resellerTenantId a tenant id, may be null
   * @return whether one of the options has that value, ignoring case
   */
  static boolean contains(List<Option> options, String resellerTenantId) {
    return resellerTenantId != null
        && options.stream().anyMatch(option -> resellerTenantId.equalsIgnoreCase(option.value()));
  }

  /**
   * @param options the choices offered
   * @param chosen the tenant id the review form submitted, may be null
   * @return the chosen tenant id, trimmed and lower-case
   * @throws BadUserRequestException naming {@code newResellerTenantId} when it is none of the options
   */
  static String chosen(List<Option> options, String chosen) {
    String reseller = chosen == null ? null : chosen.trim().toLowerCase(Locale.ROOT);
    if (!contains(options, reseller)) {
      throw new BadUserRequestException(IndirectInvitationVariables.NEW_RESELLER_TENANT_ID.getName()
          + " must be another of the provider's indirect resellers in an active partnership (resellerOptions)");
    }
    return reseller;
  }
}
