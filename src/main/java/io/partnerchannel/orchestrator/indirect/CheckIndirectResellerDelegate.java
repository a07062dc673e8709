package io.partnerchannel.orchestrator.indirect;

import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_AGREEMENT_STATUS;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_MPN_ID;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_NAME;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_OPTIONS;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_PARTNERSHIP_STATE;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_TENANT_ID;

import io.partnerchannel.orchestrator.partnercenter.PartnerRelationship;
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

  private final IndirectResellerCheck check;

  CheckIndirectResellerDelegate(IndirectResellerCheck check) {
    this.check = check;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String resellerTenantId = RESELLER_TENANT_ID.from(execution).get();
    IndirectResellerCheck.Standing standing = check.of(resellerTenantId);
    RESELLER_OPTIONS.set(execution, standing.otherResellers());
    RESELLER_NAME.on(execution).set(standing.reseller().map(PartnerRelationship::name).orElse(null));
    RESELLER_MPN_ID.on(execution).set(standing.reseller().map(PartnerRelationship::mpnId).orElse(null));
    RESELLER_PARTNERSHIP_STATE.on(execution).set(standing.partnershipState());
    RESELLER_AGREEMENT_STATUS.on(execution).set(standing.agreementStatus());
    log.debug("Invitation {}: indirect reseller {} partnership {}, MPA {}", execution.getProcessInstanceId(),
        resellerTenantId, standing.partnershipState(), standing.agreementStatus());
  }
}
