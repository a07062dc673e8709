package io.partnerchannel.orchestrator.gdap;

/**
 * BPMN message names of {@code GdapRelationshipLifecycle} and the Partner Center webhook events that raise them
 * (partner-center-webhook-events: ResourceUri {@code {baseURL}/granularAdminRelationships/{RelationshipID}},
 * ResourceName {@code GranularAdminRelationship}); each is correlated by {@link GdapVariables#RELATIONSHIP_ID}.
 */
final class GdapMessages {

  /** Raised by {@code granular-admin-relationship-activated}. */
  public static final String RELATIONSHIP_ACTIVATED = "GdapRelationshipActivated";
  /** Raised by {@code granular-admin-relationship-expired}. */
  public static final String RELATIONSHIP_EXPIRED = "GdapRelationshipExpired";
  /** Raised by {@code granular-admin-relationship-terminated} (by the partner or the customer). */
  public static final String RELATIONSHIP_TERMINATED = "GdapRelationshipTerminated";

  /** Partner Center event {@code granular-admin-relationship-activated}. */
  public static final String EVENT_ACTIVATED = "granular-admin-relationship-activated";
  /** Partner Center event {@code granular-admin-relationship-expired}. */
  public static final String EVENT_EXPIRED = "granular-admin-relationship-expired";
  /** Partner Center event {@code granular-admin-relationship-terminated}. */
  public static final String EVENT_TERMINATED = "granular-admin-relationship-terminated";

  private GdapMessages() {}
}
