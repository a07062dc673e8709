package io.partnerchannel.orchestrator.indirect;

import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.AGREEMENT_NOT_CHECKED;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.NO_PARTNERSHIP;

import io.partnerchannel.orchestrator.forms.JsonArrayVariable.Option;
import io.partnerchannel.orchestrator.invitation.InitiatorType;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationship;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationshipType;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where an indirect provider's reseller stands (R16): its partnership with us ({@code IsIndirectCloudSolutionProviderOf}
 * relationships), its Microsoft Partner Agreement when the partnership is active ({@link ResellerAgreements}), and
 * the provider's other active resellers a declined invitation may be reassigned to ({@link ResellerOptions}).
 * Relationships may be cached: when the reseller is not seen active, they are read once more uncached, so a
 * partnership made since counts at once.
 */
@Component
class IndirectResellerCheck {

  private final PartnerCenter partnerCenter;

  IndirectResellerCheck(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  /**
   * What the check found.
   *
   * @param reseller the reseller's relationship with us, empty when there is none
   * @param otherResellers the other active resellers, the review form's choices
   * @param agreementStatus {@code SIGNED}, the Partner Center error code that says why not, or
   *     {@link IndirectInvitationVariables#AGREEMENT_NOT_CHECKED} when the partnership is not active
   */
  record Standing(Optional<PartnerRelationship> reseller, List<Option> otherResellers, String agreementStatus) {

    /** @return the partnership's state, {@link IndirectInvitationVariables#NO_PARTNERSHIP} when there is none */
    String partnershipState() {
      return reseller.map(PartnerRelationship::state).orElse(NO_PARTNERSHIP);
    }
  }

  /**
   * @param resellerTenantId the reseller's tenant id (case-insensitive)
   * @return where it stands
   * @throws PartnerCenterException when Partner Center fails (the engine retries), except the agreement refusals
   *     {@link ResellerAgreements#ofRefusal} knows
   */
  Standing of(String resellerTenantId) {
    List<PartnerRelationship> resellers = resellers();
    Optional<PartnerRelationship> reseller = find(resellers, resellerTenantId);
    if (reseller.filter(InitiatorType::isActive).isEmpty()) {
      partnerCenter.forgetPartnerReads();
      resellers = resellers();
      reseller = find(resellers, resellerTenantId);
    }
    String agreement = reseller.filter(InitiatorType::isActive).isPresent()
        ? agreementStatus(resellerTenantId) : AGREEMENT_NOT_CHECKED;
    return new Standing(reseller, ResellerOptions.otherActive(resellers, resellerTenantId), agreement);
  }

  private List<PartnerRelationship> resellers() {
    return partnerCenter.getPartnerRelationships(PartnerRelationshipType.IsIndirectCloudSolutionProviderOf);
  }

  private static Optional<PartnerRelationship> find(List<PartnerRelationship> resellers, String resellerTenantId) {
    return resellers.stream().filter(relationship -> resellerTenantId.equalsIgnoreCase(relationship.id())).findFirst();
  }

  private String agreementStatus(String resellerTenantId) {
    try {
      return ResellerAgreements.of(partnerCenter.getIndirectResellerAgreementStatus(resellerTenantId));
    } catch (PartnerCenterException e) {
      return ResellerAgreements.ofRefusal(e.getHttpStatus(), e.getErrorCode()).orElseThrow(() -> e);
    }
  }
}
