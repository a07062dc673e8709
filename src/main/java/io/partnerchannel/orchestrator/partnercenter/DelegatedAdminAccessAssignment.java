package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * Microsoft Graph {@code delegatedAdminAccessAssignment} (G4): roles granted to a partner security group.
 *
 * @param id assignment id
 * @param accessContainer the partner's security group
 * @param accessDetails the roles granted
 * @param status {@code pending}, {@code active}, {@code deleting}, {@code deleted} or {@code error}
 * @param createdDateTime when it was created
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DelegatedAdminAccessAssignment(
    String id,
    AccessContainer accessContainer,
    DelegatedAdminRelationship.AccessDetails accessDetails,
    String status,
    OffsetDateTime createdDateTime) {

  /**
   * @param accessContainerId security group object id
   * @param accessContainerType {@code securityGroup}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AccessContainer(String accessContainerId, String accessContainerType) {}
}
