package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminAccessAssignment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What happens to a GDAP relationship after approval outside the partner's calls, for walkthroughs and tests:
 * the customer's Global Administrator terminates it in the admin center, Microsoft's clock reaches its end date
 * (auto-extension or expiry), Microsoft's provisioning of an access assignment ends in {@code error}. Each change
 * is stored in the documented shape and raises the documented webhook event where there is one.
 */
@RestController
@RequestMapping(path = "/sandbox/admin-center/granular-admin-relationships", produces = MediaType.APPLICATION_JSON_VALUE)
@SandboxConfiguration
class SandboxGdapWorldController {

  private final SandboxGdap gdap;
  private final ObjectMapper objectMapper;

  /**
   * @param gdap GDAP rules
   * @param objectMapper JSON mapper
   */
  public SandboxGdapWorldController(SandboxGdap gdap, ObjectMapper objectMapper) {
    this.gdap = gdap;
    this.objectMapper = objectMapper;
  }

  /**
   * {@code POST .../{id}/terminate}: the customer's Global Administrator terminates the relationship
   * ({@code granular-admin-relationship-terminated}).
   *
   * @param id relationship id
   * @param request userPrincipalName
   * @return 200 with the relationship; 403 not a Global Administrator of the customer, 404 unknown, 409 not active
   */
  @PostMapping(path = "/{id}/terminate", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ObjectNode terminate(
      @PathVariable String id, @Valid @RequestBody SandboxAdminCenterApiController.ApproveRequest request) {
    return relationship(gdap.terminateByCustomer(id, request.userPrincipalName()));
  }

  /**
   * {@code POST .../{id}/end-date-reached}: Microsoft's clock reaches the relationship's {@code endDateTime}:
   * auto-extended by 180 days with {@code autoExtendDuration} {@code P180D}, otherwise expired
   * ({@code granular-admin-relationship-expired}).
   *
   * @param id relationship id
   * @return 200 with the relationship; 404 unknown, 409 not active
   */
  @PostMapping("/{id}/end-date-reached")
  public ObjectNode endDateReached(@PathVariable String id) {
    return relationship(gdap.reachEndDate(id));
  }

  /**
   * {@code POST .../{id}/access-assignments/{assignmentId}/status}: Microsoft's provisioning of the assignment
   * ends in the given status, e.g. {@code {"status": "error"}}.
   *
   * @param id relationship id
   * @param assignmentId access assignment id
   * @param request the status
   * @return 200 with the assignment; 400 unknown status, 404 unknown relationship or assignment
   */
  @PostMapping(path = "/{id}/access-assignments/{assignmentId}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
  public DelegatedAdminAccessAssignment accessAssignmentStatus(
      @PathVariable String id, @PathVariable String assignmentId, @Valid @RequestBody StatusRequest request) {
    return gdap.setAccessAssignmentStatus(id, assignmentId, request.status());
  }

  /**
   * @param refusal why the sandbox refuses
   * @return the refusal as problem+json
   */
  @ExceptionHandler(AdminCenterRefusal.class)
  public ResponseEntity<ProblemDetail> refused(AdminCenterRefusal refusal) {
    return ResponseEntity.status(refusal.getStatusCode())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(refusal.getBody());
  }

  private ObjectNode relationship(SandboxGdapRepository.StoredRelationship stored) {
    ObjectNode node = objectMapper.valueToTree(stored.relationship());
    node.put("lastModifiedDateTime", stored.lastModifiedDateTime().toString());
    return node;
  }

  /** @param status {@code pending}, {@code active}, {@code deleting}, {@code deleted} or {@code error} */
  public record StatusRequest(@NotBlank String status) {}
}
