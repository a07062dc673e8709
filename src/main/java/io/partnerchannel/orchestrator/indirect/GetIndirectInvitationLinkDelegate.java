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
 * "Get invitation link": the indirect provider's invitation link, on the {@code VIA_RESELLER} route the
 * one Partner Center gives for that indirect reseller ({@code GET
 * /v1/customers/relationshiprequests?indirectResellerId={reseller tenant id}}, REST reference
 * get-relationship-request-link), on the {@code DIRECT} route the provider's own reseller link
 * ({@code GET /v1/customers/relationshiprequests}); {@code DAP} as requested ({@link InvitationLinks#withDap}).
 * Asked again after a reassignment or "send directly", so it always names the current route.
 */
@Component("getIndirectInvitationLink")
class GetIndirectInvitationLinkDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(GetIndirectInvitationLinkDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public GetIndirectInvitationLinkDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean dap = InvitationVariables.adminAccess(execution) == AdminAccess.DAP;
    String link = IndirectRoute.VIA_RESELLER.name().equals(ROUTE.from(execution).getOrNull())
        ? InvitationLinks.url(partnerCenter.getIndirectResellerRelationshipRequest(
            RESELLER_TENANT_ID.from(execution).getOrNull()))
        : InvitationLinks.requestLink(partnerCenter);
    String url = InvitationLinks.withDap(link, dap);
    INVITATION_URL.on(execution).set(url);
    log.debug("Invitation {}: invitation link {}", execution.getProcessInstanceId(), url);
  }
}
