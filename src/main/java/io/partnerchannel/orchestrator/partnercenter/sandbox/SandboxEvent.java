package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * The body of a Partner Center webhook callback (A16), e.g.
 * {@code {"EventName": "reseller-relationship-accepted-by-customer", "ResourceUri": "/v1/customers/{id}",
 * "ResourceName": "customer", "AuditUri": null, "ResourceChangeUtcDate": "..."}}.
 *
 * @param eventName the event, e.g. {@code granular-admin-relationship-approved}
 * @param resourceUri the changed resource, e.g. {@code /granularAdminRelationships/{id}}
 * @param resourceName the resource's type, e.g. {@code customer}
 * @param auditUri the audit record of the change; the sandbox keeps none, so null
 * @param resourceChangeUtcDate when the resource changed (UTC)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record SandboxEvent(
    @JsonProperty("EventName") String eventName,
    @JsonProperty("ResourceUri") String resourceUri,
    @JsonProperty("ResourceName") String resourceName,
    @JsonProperty("AuditUri") String auditUri,
    @JsonProperty("ResourceChangeUtcDate") OffsetDateTime resourceChangeUtcDate) {

  /** Raised when a customer accepts a reseller relationship. */
  public static final String RESELLER_RELATIONSHIP_ACCEPTED = "reseller-relationship-accepted-by-customer";
  /** Raised when a customer accepts an indirect provider's indirect reseller link. */
  public static final String INDIRECT_RESELLER_RELATIONSHIP_ACCEPTED = "indirect-reseller-relationship-accepted-by-customer";
  /** Raised when a customer approves a GDAP relationship. */
  public static final String GRANULAR_ADMIN_RELATIONSHIP_APPROVED = "granular-admin-relationship-approved";
  /** Raised when a GDAP relationship is terminated by the partner or the customer (partner-center-webhook-events). */
  public static final String GRANULAR_ADMIN_RELATIONSHIP_TERMINATED = "granular-admin-relationship-terminated";
  /** Raised when a GDAP relationship expires (partner-center-webhook-events). */
  public static final String GRANULAR_ADMIN_RELATIONSHIP_EXPIRED = "granular-admin-relationship-expired";
  /** {@code ResourceName} of the relationship-accepted events (partner-center-webhook-events example). */
  public static final String CUSTOMER = "Customer";
  /** {@code ResourceName} of the GDAP relationship events (partner-center-webhook-events). */
  public static final String GRANULAR_ADMIN_RELATIONSHIP = "GranularAdminRelationship";

  /**
   * @param customerTenantId the customer
   * @return the documented {@code ResourceUri} of a relationship-accepted event,
   *     {@code https://api.partnercenter.microsoft.com/v1/customers/{id}}
   */
  public static String customerUri(String customerTenantId) {
    return "https://api.partnercenter.microsoft.com/v1/customers/" + customerTenantId;
  }

  /**
   * @param relationshipId the GDAP relationship
   * @return the documented {@code ResourceUri} of a GDAP relationship event,
   *     {@code https://partner.microsoft.com/granularAdminRelationships/{id}}
   */
  public static String granularAdminRelationshipUri(String relationshipId) {
    return "https://partner.microsoft.com/granularAdminRelationships/" + relationshipId;
  }

  /**
   * @param customerTenantId the customer
   * @param subscriptionId the subscription
   * @return the documented {@code ResourceUri} of {@code subscription-updated},
   *     {@code https://api.partnercenter.microsoft.com/webhooks/v1/customers/{c}/subscriptions/{s}}
   */
  public static String subscriptionUri(String customerTenantId, String subscriptionId) {
    return "https://api.partnercenter.microsoft.com/webhooks/v1/customers/" + customerTenantId + "/subscriptions/"
        + subscriptionId;
  }
}
