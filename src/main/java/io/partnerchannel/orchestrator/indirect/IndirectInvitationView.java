package io.partnerchannel.orchestrator.indirect;

import io.partnerchannel.orchestrator.invitation.InvitationStatus;
import io.partnerchannel.orchestrator.invitation.InvitationView.Incident;
import io.partnerchannel.orchestrator.invitation.InvitationView.Step;
import java.time.Instant;
import java.util.List;

/**
 * An indirect invitation as {@code GET /api/indirect-invitations/{id}} shows it: the fields of
 * {@code GET /api/invitations/{id}} plus the route, the reseller and what the indirect model adds.
 *
 * @param id the invitation id (= process instance id)
 * @param status derived from the engine; {@code WITH_RESELLER} and {@code DECLINED_BY_RESELLER} besides the
 *     statuses of a reseller relationship invitation
 * @param route DIRECT or VIA_RESELLER (DIRECT once the provider sends a declined invitation itself)
 * @param reseller the reseller forwarding the invitation, null on the direct route
 * @param customerDomain the customer domain
 * @param invitationUrl the link for the customer, once known
 * @param customerTenantId the customer tenant id, once known
 * @param associatedPartnerId the customer's associated reseller in Partner Center (R15), once accepted
 * @param expiresAt when the invitation expires, once set
 * @param reason why it ended as it did (refused, already related, expired, withdrawn), or null
 * @param declineReason why the reseller last declined to forward it, or null
 * @param delegatedAdminGrants delegated admin privileges the customer granted to other resellers (R13)
 * @param steps the activities run so far, oldest first
 * @param incident the step that failed and waits for an operator, or null
 */
record IndirectInvitationView(
    String id,
    InvitationStatus status,
    IndirectRoute route,
    Reseller reseller,
    String customerDomain,
    String invitationUrl,
    String customerTenantId,
    String associatedPartnerId,
    Instant expiresAt,
    String reason,
    String declineReason,
    List<DelegatedAdminGrant> delegatedAdminGrants,
    List<Step> steps,
    Incident incident) {

  /**
   * @param tenantId the reseller's tenant id
   * @param name its name in Partner Center, once checked
   */
  public record Reseller(String tenantId, String name) {}
}
