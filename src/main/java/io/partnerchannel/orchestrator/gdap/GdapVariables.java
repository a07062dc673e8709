package io.partnerchannel.orchestrator.gdap;

/** Process variables of {@code GdapRelationshipLifecycle} and {@code GdapRelationshipRequest}. */
public final class GdapVariables {

  /**
   * String: the watched delegatedAdminRelationship id (also the lifecycle's business key); the correlation
   * key of the lifecycle's event messages. Named apart from the invitation's {@code gdapRelationshipId}, which
   * {@code GdapRelationshipRequest} sets to the relationship it creates.
   */
  public static final String RELATIONSHIP_ID = "watchedRelationshipId";
  /** String: the customer's tenant id. */
  public static final String CUSTOMER_TENANT_ID = "customerTenantId";
  /** String: Camunda user id of the relationship's owner, who is reminded of its expiry; may be null. */
  public static final String OWNER = "owner";

  private GdapVariables() {}
}
