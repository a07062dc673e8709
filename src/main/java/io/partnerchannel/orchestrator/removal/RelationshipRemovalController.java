package io.partnerchannel.orchestrator.removal;

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
 * REST API of "Remove reseller relationship" ({@code ResellerRelationshipRemoval}): {@code POST
 * /api/relationship-removals} with {@code {customerTenantId, reason?}} → 201 {@code {id, status}} and {@code Location};
 * {@code GET /api/relationship-removals/{id}} → {@link RelationshipRemovalView}. Errors are
 * {@code application/problem+json}: invalid input → 400 naming the fields (nothing started), a removal of the same
 * customer already running → 409 with {@code openRemovalId}, unknown id → 404.
 */
@RestController
@RequestMapping("/api/relationship-removals")
class RelationshipRemovalController {

  private final RelationshipRemovalService removals;
  private final IdempotentStarts idempotentStarts;

  RelationshipRemovalController(RelationshipRemovalService removals, IdempotentStarts idempotentStarts) {
    this.removals = removals;
    this.idempotentStarts = idempotentStarts;
  }

  /**
   * @param request the customer and the reason
   * @param idempotencyKey optional {@code Idempotency-Key}: a retry with the same key and body gets the first answer
   * @param principal the authenticated user, recorded as requester
   * @return 201 with {@code Location: /api/relationship-removals/{id}} and {@code {id, status}}
   */
  @PostMapping
  ResponseEntity<RelationshipRemovalView.Reference> create(
      @Valid @RequestBody RelationshipRemovalRequest request,
      @RequestHeader(name = IdempotentStarts.HEADER, required = false) String idempotencyKey,
      Principal principal) {
    return idempotentStarts.run(idempotencyKey, "POST /api/relationship-removals", principal, request,
        RelationshipRemovalView.Reference.class, () -> {
          RelationshipRemovalView.Reference created = removals.start(request, principal == null ? null : principal.getName());
          URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
          return ResponseEntity.created(location).body(created);
        });
  }

  /**
   * @param id the removal's id
   * @return the removal
   */
  @GetMapping("/{id}")
  RelationshipRemovalView get(@PathVariable String id) {
    return removals.find(id);
  }
}
