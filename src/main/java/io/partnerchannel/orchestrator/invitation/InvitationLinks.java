package io.partnerchannel.orchestrator.invitation;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.RelationshipRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The invitation links customers open, as Partner Center gives them ({@code GET
 * /v1/customers/relationshiprequests}, optionally {@code ?indirectResellerId=}, A1 and the REST reference
 * get-relationship-request-link), with {@code DAP=true|false} set as requested (S4). The links are per
 * partner (or per provider and reseller), not per customer, and reusable with no documented expiry (S3).
 */
public final class InvitationLinks {

  private InvitationLinks() {}

  /**
   * @param partnerCenter the Partner Center port
   * @return the operating partner's reseller relationship request link
   * @throws IllegalStateException when Partner Center answers without a link (the job is retried)
   */
  public static String requestLink(PartnerCenter partnerCenter) {
    return url(partnerCenter.getRelationshipRequest());
  }

  /**
   * @param request a {@code RelationshipRequest} Partner Center answered
   * @return its link
   * @throws IllegalStateException when Partner Center answered without a link (the job is retried)
   */
  public static String url(RelationshipRequest request) {
    if (request == null || request.url() == null || request.url().isBlank()) {
      throw new IllegalStateException("Partner Center returned no relationship request link");
    }
    return request.url();
  }

  /**
   * @param link the partner's relationship request link
   * @param dap whether delegated admin privileges are requested
   * @return the link with its {@code DAP} query parameter set, fragment unchanged
   */
  public static String withDap(String link, boolean dap) {
    return UriComponentsBuilder.fromUriString(link).replaceQueryParam("DAP", dap).build().toUriString();
  }
}
