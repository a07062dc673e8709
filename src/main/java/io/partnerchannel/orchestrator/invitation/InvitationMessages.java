package io.partnerchannel.orchestrator.invitation;

/** BPMN message names of {@code ResellerRelationshipInvitation} and the Partner Center events that raise them (A16). */
public final class InvitationMessages {

  /** Raised by {@code reseller-relationship-accepted-by-customer}; correlated by {@code customerDomain}, sets {@code customerTenantId}. */
  public static final String INVITATION_ACCEPTED = "InvitationAccepted";
  /** Raised by {@code POST /api/invitations/{id}/withdraw}; correlated by process instance id. */
  public static final String INVITATION_WITHDRAWN = "InvitationWithdrawn";
  /** Raised by {@code granular-admin-relationship-approved}; correlated by {@code gdapRelationshipId}. */
  public static final String GDAP_RELATIONSHIP_APPROVED = "GdapRelationshipApproved";

  private InvitationMessages() {}
}
