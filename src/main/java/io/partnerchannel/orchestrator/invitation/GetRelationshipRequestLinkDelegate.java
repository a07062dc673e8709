package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.INVITATION_URL;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.RelationshipRequest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Get relationship request link": the partner's reseller relationship request link
 * ({@code GET /v1/customers/relationshiprequests}, A1), with {@code DAP=true} when delegated admin
 * privileges are requested (S4) and {@code DAP=false} otherwise; the fragment is kept. The link is per
 * partner (S3), so a repeat returns the same link.
 */
@Component("getRelationshipRequestLink")
public class GetRelationshipRequestLinkDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(GetRelationshipRequestLinkDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public GetRelationshipRequestLinkDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RelationshipRequest request = partnerCenter.getRelationshipRequest();
    if (request == null || request.url() == null || request.url().isBlank()) {
      throw new IllegalStateException("Partner Center returned no relationship request link");
    }
    boolean dap = InvitationVariables.adminAccess(execution) == AdminAccess.DAP;
    String url = withDap(request.url(), dap);
    execution.setVariable(INVITATION_URL, url);
    log.info("Invitation {}: relationship request link {}", execution.getProcessInstanceId(), url);
  }

  /**
   * @param link the partner's relationship request link
   * @param dap whether delegated admin privileges are requested
   * @return the link with its {@code DAP} query parameter set, fragment unchanged
   */
  static String withDap(String link, boolean dap) {
    return UriComponentsBuilder.fromUriString(link)
        .replaceQueryParam("DAP", dap)
        .build()
        .toUriString();
  }
}
