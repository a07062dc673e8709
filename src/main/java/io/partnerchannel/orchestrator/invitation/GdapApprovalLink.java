package io.partnerchannel.orchestrator.invitation;

import org.springframework.beans.factory.annotation.Value;
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

  private final String adminCenterBase;

  /**
   * @param mode {@code pco.partner-center.mode}: {@code sandbox} or {@code partner-center}
   * @param publicBaseUrl {@code pco.public-base-url}, the base of links shown to people
   */
  public GdapApprovalLink(
      @Value("${pco.partner-center.mode:sandbox}") String mode,
      @Value("${pco.public-base-url:http://localhost:${server.port:8080}}") String publicBaseUrl) {
    this.adminCenterBase =
        "sandbox".equals(mode)
            ? UriComponentsBuilder.fromUriString(publicBaseUrl).path(SANDBOX_ADMIN_CENTER_PATH).toUriString()
            : MICROSOFT_ADMIN_CENTER;
  }

  /**
   * @param relationshipId the GDAP relationship id
   * @return the approval link for that relationship
   */
  public String forRelationship(String relationshipId) {
    return UriComponentsBuilder.fromUriString(adminCenterBase)
        .path("/AdminPortal/Home")
        .fragment("/partners/invitation/granularAdminRelationships/" + relationshipId)
        .toUriString();
  }
}
