package io.partnerchannel.orchestrator.indirect;

import io.partnerchannel.orchestrator.invitation.InvitationView.Reference;
import io.partnerchannel.orchestrator.invitation.WithdrawalRequest;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationship;
import io.partnerchannel.orchestrator.web.IdempotentStarts;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * REST API of an indirect provider's invitations: {@code POST /api/indirect-invitations} (the body of
 * {@code POST /api/invitations} plus {@code route} and {@code resellerTenantId}),
 * {@code GET /api/indirect-invitations/{id}}, {@code POST /api/indirect-invitations/{id}/withdraw},
 * {@code POST /api/indirect-invitations/{id}/delegated-admin} and {@code GET /api/indirect-invitations/resellers}.
 * Errors are {@code application/problem+json}: invalid input → 400 naming the fields (nothing started),
 * unknown id → 404, conflicting state → 409.
 */
@RestController
@RequestMapping("/api/indirect-invitations")
class IndirectInvitationController {

  private final IndirectInvitationService invitations;
  private final IdempotentStarts idempotentStarts;

  /**
   * @param invitations the indirect invitation service
   * @param idempotentStarts answers a retried start with its first answer
   */
  public IndirectInvitationController(IndirectInvitationService invitations, IdempotentStarts idempotentStarts) {
    this.invitations = invitations;
    this.idempotentStarts = idempotentStarts;
  }

  /**
   * Starts an indirect provider's invitation, directly or through one of its indirect resellers.
   *
   * @param request the request; validated by the service, which names every invalid field
   * @param idempotencyKey optional {@code Idempotency-Key}: a retry with the same key and body gets the first
   *     answer and starts nothing ({@link IdempotentStarts}); the same key with another body → 422
   * @param principal the authenticated user, recorded as requester; null when anonymous
   * @return 201 with {@code Location: /api/indirect-invitations/{id}} and {@code {id, status}}
   */
  @PostMapping
  public ResponseEntity<Reference> create(
      @RequestBody IndirectInvitationRequest request,
      @RequestHeader(name = IdempotentStarts.HEADER, required = false) String idempotencyKey,
      Principal principal) {
    return idempotentStarts.run(idempotencyKey, "POST /api/indirect-invitations", principal, request, Reference.class,
        () -> {
          Reference created = invitations.start(request, principal == null ? null : principal.getName());
          URI location =
              ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
          return ResponseEntity.created(location).body(created);
        });
  }

  /**
   * @param id the invitation id
   * @return the invitation, its derived status, its reseller and the steps run so far
   */
  @GetMapping("/{id}")
  public IndirectInvitationView get(@PathVariable String id) {
    return invitations.find(id);
  }

  /**
   * Withdraws an invitation that waits for the reseller or for the customer.
   *
   * @param id the invitation id
   * @param request optional {@code {"reason"}}
   * @param principal the authenticated user, recorded in the reason; null when anonymous
   * @return the invitation, now WITHDRAWN
   */
  @PostMapping("/{id}/withdraw")
  public IndirectInvitationView withdraw(
      @PathVariable String id,
      @Valid @RequestBody(required = false) WithdrawalRequest request,
      Principal principal) {
    return invitations.withdraw(
        id, request == null ? null : request.reason(), principal == null ? null : principal.getName());
  }

  /**
   * Records that the customer granted delegated admin privileges to another indirect reseller (R13); the
   * provider keeps the relationship and the customer its associated reseller.
   *
   * @param id the invitation id
   * @param request {@code {"resellerTenantId"}}
   * @param principal the authenticated user, recorded with the grant; null when anonymous
   * @return 201 with the grant when recorded now, 200 when it was recorded before
   */
  @PostMapping("/{id}/delegated-admin")
  public ResponseEntity<DelegatedAdminGrant> grantDelegatedAdmin(
      @PathVariable String id, @Valid @RequestBody DelegatedAdminRequest request, Principal principal) {
    DelegatedAdminGrants.Recorded recorded = invitations.grantDelegatedAdmin(
        id, request.resellerTenantId(), principal == null ? null : principal.getName());
    return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded.grant());
  }

  /** @return the operating indirect provider's indirect resellers ({@code PartnerRelationship}s, A3) */
  @GetMapping("/resellers")
  public List<PartnerRelationship> resellers() {
    return invitations.resellers();
  }
}
