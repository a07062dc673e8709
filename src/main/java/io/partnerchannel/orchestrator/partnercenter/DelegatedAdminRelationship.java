package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Microsoft Graph {@code delegatedAdminRelationship} (G1): a GDAP relationship.
 *
 * @param id relationship id
 * @param displayName unique across the partner's relationships, ≤ 50 characters (R29)
 * @param duration ISO-8601 duration {@code P1D}..{@code P2Y}, e.g. {@code P730D} (R29)
 * @param customer the customer tenant
 * @param accessDetails the Entra roles requested
 * @param autoExtendDuration {@code PT0S} (default) or {@code P180D}; not with Global Administrator (R30)
 * @param status {@code created}, {@code approvalPending}, {@code approved}, {@code activating}, {@code active},
 *     {@code expiring}, {@code expired}, {@code terminationRequested}, {@code terminating}, {@code terminated}
 * @param createdDateTime when it was created
 * @param activatedDateTime when it became active
 * @param endDateTime activatedDateTime + duration
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DelegatedAdminRelationship(
    String id,
    String displayName,
    String duration,
    CustomerParticipant customer,
    AccessDetails accessDetails,
    String autoExtendDuration,
    String status,
    OffsetDateTime createdDateTime,
    OffsetDateTime activatedDateTime,
    OffsetDateTime endDateTime) {

  /** Status after the customer approved. */
  public static final String STATUS_APPROVED = "approved";
  /** Status after {@code lockForApproval}. */
  public static final String STATUS_APPROVAL_PENDING = "approvalPending";
  /** Status of a newly created relationship. */
  public static final String STATUS_CREATED = "created";
  /** Status once provisioned. */
  public static final String STATUS_ACTIVE = "active";

  /**
   * @param tenantId customer tenant id
   * @param displayName customer name
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CustomerParticipant(String tenantId, String displayName) {}

  /** @param unifiedRoles Entra role definitions */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AccessDetails(List<UnifiedRole> unifiedRoles) {}

  /** @param roleDefinitionId Entra role definition id (GUID) */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record UnifiedRole(String roleDefinitionId) {}
}
