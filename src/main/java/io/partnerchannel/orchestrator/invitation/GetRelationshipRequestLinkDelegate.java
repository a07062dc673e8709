package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.INVITATION_URL;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Get relationship request link": the partner's reseller relationship request link
 * ({@code GET /v1/customers/relationshiprequests}, A1), with {@code DAP=true} when delegated admin
 * privileges are requested (S4) and {@code DAP=false} otherwise; the fragment is kept. The link is per
 * partner (S3), so a repeat returns the same link.
 */
@Component("getRelationshipRequestLink")
class GetRelationshipRequestLinkDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(GetRelationshipRequestLinkDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public GetRelationshipRequestLinkDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean dap = InvitationVariables.adminAccess(execution) == AdminAccess.DAP;
    String url = InvitationLinks.withDap(InvitationLinks.requestLink(partnerCenter), dap);
    INVITATION_URL.on(execution).set(url);
    log.debug("Invitation {}: relationship request link {}", execution.getProcessInstanceId(), url);
  }
}
