package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox admin center's actions as JSON, for scripts and tests: accept a reseller relationship
 * invitation and approve a GDAP relationship on behalf of a named sandbox user (no password: the sandbox
 * trusts its scripts). Refusals are {@code application/problem+json}.
 */
@RestController
@RequestMapping(path = "/sandbox/admin-center", produces = MediaType.APPLICATION_JSON_VALUE)
@SandboxConfiguration
class SandboxAdminCenterApiController {

  private final SandboxAdminCenter adminCenter;
  private final SandboxGdap gdap;
  private final ObjectMapper objectMapper;

  /**
   * @param adminCenter reseller relationship acceptance
   * @param gdap GDAP approval
   * @param objectMapper JSON mapper
   */
  public SandboxAdminCenterApiController(SandboxAdminCenter adminCenter, SandboxGdap gdap, ObjectMapper objectMapper) {
    this.adminCenter = adminCenter;
    this.gdap = gdap;
    this.objectMapper = objectMapper;
  }

  /**
   * {@code POST /sandbox/admin-center/partner-invitations/accept}: the customer's user accepts the partner's
   * reseller relationship invitation, or with {@code indirectResellerId} an indirect provider's indirect
   * reseller invitation. Repeating it changes nothing and raises no second event.
   *
   * @param request partnerId, customerTenantId, userPrincipalName, optional delegatedAccess (the link's DAP)
   *     and indirectResellerId (the link's indirectCSPId)
   * @return 200 with the relationship; 400 missing field, 403 not a Global Administrator (R10), a CSP
   *     transaction tenant (R6) or a reseller without an active partnership with the provider (R15), 404
   *     unknown partner, tenant or user
   */
  @PostMapping(path = "/partner-invitations/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
  public CustomerRelationship accept(@Valid @RequestBody AcceptInvitationRequest request) {
    String resellerId = request.indirectResellerId() == null || request.indirectResellerId().isBlank()
        ? null : request.indirectResellerId().trim();
    return adminCenter.acceptResellerInvitation(request.partnerId(), resellerId, request.customerTenantId(),
            request.userPrincipalName(), Boolean.TRUE.equals(request.delegatedAccess()))
        .relationship();
  }

  /**
   * {@code POST /sandbox/admin-center/granular-admin-relationships/{id}/approve}: the customer's Global
   * Administrator approves a GDAP relationship locked for approval.
   *
   * @param id relationship id
   * @param request userPrincipalName
   * @return 200 with the relationship (Graph shape); 400 missing field, 403 not a Global Administrator of
   *     the customer, 404 unknown relationship or user, 409 not waiting for approval
   */
  @PostMapping(path = "/granular-admin-relationships/{id}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ObjectNode approve(@PathVariable String id, @Valid @RequestBody ApproveRequest request) {
    SandboxGdapRepository.StoredRelationship approved = gdap.approve(id, request.userPrincipalName());
    ObjectNode node = objectMapper.valueToTree(approved.relationship());
    node.put("lastModifiedDateTime", approved.lastModifiedDateTime().toString());
    return node;
  }

  /**
   * @param refusal why the admin center refuses
   * @return the refusal as problem+json
   */
  @ExceptionHandler(AdminCenterRefusal.class)
  public ResponseEntity<ProblemDetail> refused(AdminCenterRefusal refusal) {
    return ResponseEntity.status(refusal.getStatusCode())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(refusal.getBody());
  }

  /**
   * @param e the invalid request body
   * @return 400 problem+json naming each invalid field
   */
  @ExceptionHandler(MethodArgumentNotValidException.class)
  public ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
    List<String> errors = e.getBindingResult().getFieldErrors().stream()
        .map(error -> error.getField() + ": " + error.getDefaultMessage())
        .sorted()
        .toList();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", errors));
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /**
   * @param partnerId the inviting partner's tenant id
   * @param customerTenantId the accepting organization's tenant id
   * @param userPrincipalName the accepting user, a Global Administrator of that organization
   * @param delegatedAccess whether delegated admin privileges are granted (the link's {@code DAP}); default false
   * @param indirectResellerId the indirect reseller of an indirect provider's invitation (the link's
   *     {@code indirectCSPId}); absent for the reseller link
   */
  public record AcceptInvitationRequest(
      @NotBlank String partnerId,
      @NotBlank String customerTenantId,
      @NotBlank String userPrincipalName,
      Boolean delegatedAccess,
      String indirectResellerId) {}

  /** @param userPrincipalName the approving user, a Global Administrator of the customer */
  public record ApproveRequest(@NotBlank String userPrincipalName) {}
}
