package io.partnerchannel.orchestrator.invitation;

import io.partnerchannel.orchestrator.invitation.InvitationView.Reference;
import io.partnerchannel.orchestrator.web.IdempotentStarts;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
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
 * REST API of reseller relationship invitations, a contract other tools script against:
 * {@code POST /api/invitations}, {@code GET /api/invitations/{id}},
 * {@code POST /api/invitations/{id}/withdraw}. Errors are {@code application/problem+json}: invalid input
 * → 400 naming the fields (no instance started), unknown id → 404, conflicting state → 409.
 */
@RestController
@RequestMapping("/api/invitations")
class InvitationController {

  private final InvitationService invitations;
  private final IdempotentStarts idempotentStarts;

  /**
   * @param invitations the invitation service
   * @param idempotentStarts answers a retried start with its first answer
   */
  public InvitationController(InvitationService invitations, IdempotentStarts idempotentStarts) {
    this.invitations = invitations;
    this.idempotentStarts = idempotentStarts;
  }

  /**
   * Requests a reseller relationship with a customer.
   *
   * @param request the invitation request
   * @param idempotencyKey optional {@code Idempotency-Key}: a retry with the same key and body gets the first
   *     answer and starts nothing ({@link IdempotentStarts}); the same key with another body → 422
   * @param principal the authenticated user, recorded as requester; null when anonymous
   * @return 201 with {@code Location: /api/invitations/{id}} and {@code {id, status}}
   */
  @PostMapping
  public ResponseEntity<Reference> create(
      @Valid @RequestBody InvitationRequest request,
      @RequestHeader(name = IdempotentStarts.HEADER, required = false) String idempotencyKey,
      Principal principal) {
    return idempotentStarts.run(idempotencyKey, "POST /api/invitations", principal, request, Reference.class, () -> {
      Reference created = invitations.start(request, principal == null ? null : principal.getName());
      URI location =
          ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
      return ResponseEntity.created(location).body(created);
    });
  }

  /**
   * @param id the invitation id
   * @return the invitation, its derived status and the steps run so far
   */
  @GetMapping("/{id}")
  public InvitationView get(@PathVariable String id) {
    return invitations.find(id);
  }

  /**
   * Withdraws an invitation that is waiting for the customer.
   *
   * @param id the invitation id
   * @param request optional {@code {"reason"}}
   * @param principal the authenticated user, recorded in the reason; null when anonymous
   * @return the invitation, now WITHDRAWN
   */
  @PostMapping("/{id}/withdraw")
  public InvitationView withdraw(
      @PathVariable String id,
      @Valid @RequestBody(required = false) WithdrawalRequest request,
      Principal principal) {
    return invitations.withdraw(
        id, request == null ? null : request.reason(), principal == null ? null : principal.getName());
  }
}
