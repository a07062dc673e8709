package io.partnerchannel.orchestrator.invitation;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenterProperties;
import io.partnerchannel.orchestrator.web.PublicBaseUrl;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Builds the link a customer's Global admin follows to approve a GDAP relationship (G6):
 * {@code https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/{id}}.
 * In sandbox mode the same path and fragment are served by this application's sandbox admin center,
 * {@code <pco.public-base-url>/sandbox/admin-center/AdminPortal/Home#/...}.
 */
@Component
public class GdapApprovalLink {

  static final String MICROSOFT_ADMIN_CENTER = "https://admin.microsoft.com";
  static final String SANDBOX_ADMIN_CENTER_PATH = "/sandbox/admin-center";

  private final PartnerCenterProperties partnerCenter;
  private final PublicBaseUrl publicBaseUrl;

  /**
   * @param partnerCenter {@code pco.partner-center.mode}: sandbox or the real Partner Center
   * @param publicBaseUrl {@code pco.public-base-url}, the base of links shown to people
   */
  public GdapApprovalLink(PartnerCenterProperties partnerCenter, PublicBaseUrl publicBaseUrl) {
    this.partnerCenter = partnerCenter;
    this.publicBaseUrl = publicBaseUrl;
  }

  /**
   * @param relationshipId the GDAP relationship id
   * @return the approval link for that relationship
   */
  public String forRelationship(String relationshipId) {
    String adminCenterBase =
        partnerCenter.isSandbox() ? publicBaseUrl.get() + SANDBOX_ADMIN_CENTER_PATH : MICROSOFT_ADMIN_CENTER;
    return UriComponentsBuilder.fromUriString(adminCenterBase)
        .path("/AdminPortal/Home")
        .fragment("/partners/invitation/granularAdminRelationships/" + relationshipId)
        .toUriString();
  }
}
