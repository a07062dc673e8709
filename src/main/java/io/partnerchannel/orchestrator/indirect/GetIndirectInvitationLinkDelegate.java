package io.partnerchannel.orchestrator.indirect;

import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_TENANT_ID;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.ROUTE;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.INVITATION_URL;

import io.partnerchannel.orchestrator.invitation.AdminAccess;
import io.partnerchannel.orchestrator.invitation.InvitationLinks;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Get invitation link": the indirect provider's invitation link ({@link InvitationLinks}), on the
 * {@code VIA_RESELLER} route the indirect reseller form ({@code invType=IndirectResellerRelationship},
 * {@code indirectCSPId} = the reseller), on the {@code DIRECT} route the plain reseller link; {@code DAP}
 * as requested. Built again after a reassignment or "send directly", so it always names the current route.
 */
@Component("getIndirectInvitationLink")
public class GetIndirectInvitationLinkDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(GetIndirectInvitationLinkDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public GetIndirectInvitationLinkDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean dap = InvitationVariables.adminAccess(execution) == AdminAccess.DAP;
    String link = InvitationLinks.requestLink(partnerCenter);
    String url = IndirectRoute.VIA_RESELLER.name().equals(execution.getVariable(ROUTE))
        ? InvitationLinks.forIndirectReseller(link, (String) execution.getVariable(RESELLER_TENANT_ID), dap)
        : InvitationLinks.withDap(link, dap);
    execution.setVariable(INVITATION_URL, url);
    log.info("Invitation {}: invitation link {}", execution.getProcessInstanceId(), url);
  }
}
