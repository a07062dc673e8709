package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * Microsoft Graph {@code delegatedAdminRelationshipRequest} (G3): an action on a GDAP relationship.
 *
 * @param id request id
 * @param action the action
 * @param status {@code created}, {@code pending}, {@code succeeded} or {@code failed}
 * @param createdDateTime when it was created
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DelegatedAdminRelationshipRequest(
    String id, Action action, String status, OffsetDateTime createdDateTime) {

  /** Request actions (G3). */
  public enum Action {
    lockForApproval,
    approve,
    terminate,
    reject
  }
}
