package io.partnerchannel.orchestrator.invitation;

import io.partnerchannel.orchestrator.partnercenter.CustomerAdminPortal;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Builds the link a customer's Global admin follows to approve a GDAP relationship (G6):
 * {@code <admin portal>/AdminPortal/Home#/partners/invitation/granularAdminRelationships/{id}}, where the admin
 * portal is that of the partner's cloud (e.g. {@code https://admin.microsoft.com}) or, in sandbox mode, the
 * sandbox's admin center ({@link CustomerAdminPortal}).
 */
@Component
public class GdapApprovalLink {

  private final CustomerAdminPortal adminPortal;

  /** @param adminPortal the customer's admin portal */
  public GdapApprovalLink(CustomerAdminPortal adminPortal) {
    this.adminPortal = adminPortal;
  }

  /**
   * @param relationshipId the GDAP relationship id
   * @return the approval link for that relationship
   */
  public String forRelationship(String relationshipId) {
    return UriComponentsBuilder.fromUriString(adminPortal.baseUrl())
        .path("/AdminPortal/Home")
        .fragment("/partners/invitation/granularAdminRelationships/" + relationshipId)
        .toUriString();
  }
}
