package io.partnerchannel.orchestrator.indirect;

import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.AGREEMENT_NOT_CHECKED;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.NO_PARTNERSHIP;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_AGREEMENT_STATUS;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_MPN_ID;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_NAME;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_OPTIONS;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_PARTNERSHIP_STATE;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_TENANT_ID;

import io.partnerchannel.orchestrator.invitation.InitiatorType;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationship;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationshipType;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Check indirect reseller": reads what {@code IndirectInvitationEligibility} needs about the reseller in
 * {@code resellerTenantId}: whether it is one of the provider's indirect resellers and in which state
 * ({@code GET /v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf}, A3; R15) and, for an
 * active partnership, whether it signed the Microsoft Partner Agreement for the provider's CSP region
 * ({@code GET /v1/compliance/csp/agreementstatus?tenantId=}, A9; R16). Partner Center's MPA error codes are
 * business answers and become {@code resellerAgreementStatus}; any other failure is retried. The provider's
 * other active resellers become {@code resellerOptions}, the choices should the reseller decline.
 */
@Component("checkIndirectReseller")
class CheckIndirectResellerDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(CheckIndirectResellerDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public CheckIndirectResellerDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String resellerTenantId = RESELLER_TENANT_ID.from(execution).getOrNull();
    List<PartnerRelationship> resellers =
        partnerCenter.getPartnerRelationships(PartnerRelationshipType.IsIndirectCloudSolutionProviderOf);
    Optional<PartnerRelationship> reseller = find(resellers, resellerTenantId);
    if (reseller.filter(InitiatorType::isActive).isEmpty()) {
      // the relationships may be cached: a partnership made since is seen at once
      partnerCenter.forgetPartnerReads();
      resellers = partnerCenter.getPartnerRelationships(PartnerRelationshipType.IsIndirectCloudSolutionProviderOf);
      reseller = find(resellers, resellerTenantId);
    }
    RESELLER_OPTIONS.set(execution, ResellerOptions.otherActive(resellers, resellerTenantId));
    RESELLER_NAME.on(execution).set(reseller.map(PartnerRelationship::name).orElse(null));
    RESELLER_MPN_ID.on(execution).set(reseller.map(PartnerRelationship::mpnId).orElse(null));
    RESELLER_PARTNERSHIP_STATE.on(execution).set(reseller.map(PartnerRelationship::state).orElse(NO_PARTNERSHIP));
    String agreement = reseller.filter(InitiatorType::isActive).isPresent()
        ? agreementStatus(resellerTenantId) : AGREEMENT_NOT_CHECKED;
    RESELLER_AGREEMENT_STATUS.on(execution).set(agreement);
    log.debug("Invitation {}: indirect reseller {} ({}) partnership {}, MPA {}", execution.getProcessInstanceId(),
        resellerTenantId, reseller.map(PartnerRelationship::name).orElse("unknown"),
        reseller.map(PartnerRelationship::state).orElse(NO_PARTNERSHIP), agreement);
  }

  private static Optional<PartnerRelationship> find(List<PartnerRelationship> resellers, String resellerTenantId) {
    return resellers.stream().filter(relationship -> resellerTenantId.equalsIgnoreCase(relationship.id())).findFirst();
  }

  /** {@code SIGNED} or the Partner Center error code that says why not ({@link ResellerAgreements}). */
  private String agreementStatus(String resellerTenantId) {
    try {
      return ResellerAgreements.of(partnerCenter.getIndirectResellerAgreementStatus(resellerTenantId));
    } catch (PartnerCenterException e) {
      return ResellerAgreements.ofRefusal(e.getHttpStatus(), e.getErrorCode()).orElseThrow(() -> e);
    }
  }
}
