package io.partnerchannel.orchestrator.invitation;

/** BPMN message names of {@code ResellerRelationshipInvitation} and the Partner Center events that raise them (A16). */
public final class InvitationMessages {

  /**
   * Raised by {@code reseller-relationship-accepted-by-customer} / {@code indirect-reseller-relationship-accepted-by-customer};
   * correlated by {@code customerTenantId} (resolved from the typed domain when the invitation started).
   */
  public static final String INVITATION_ACCEPTED = "InvitationAccepted";
  /** Raised by {@code POST /api/invitations/{id}/withdraw}; correlated by process instance id. */
  public static final String INVITATION_WITHDRAWN = "InvitationWithdrawn";
  /** Raised by {@code granular-admin-relationship-approved}; correlated by {@code gdapRelationshipId}. */
  public static final String GDAP_RELATIONSHIP_APPROVED = "GdapRelationshipApproved";

  /**
   * The message start event of an acceptance after the follow-up window ended ({@code StartEvent_LateAcceptanceReceived}):
   * {@code LateAcceptance<process key>}, one name per process since start message names are unique per engine.
   *
   * @param processDefinitionKey {@code ResellerRelationshipInvitation} or {@code IndirectResellerInvitation}
   * @return the message name
   */
  public static String lateAcceptance(String processDefinitionKey) {
    return "LateAcceptance" + processDefinitionKey;
  }

  private InvitationMessages() {}
}
