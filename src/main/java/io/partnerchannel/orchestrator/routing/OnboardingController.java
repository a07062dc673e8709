package io.partnerchannel.orchestrator.routing;

import io.partnerchannel.orchestrator.routing.OnboardingView.Reference;
import io.partnerchannel.orchestrator.web.IdempotentStarts;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.Locale;
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
 * REST API of "Onboard customer subscriptions" ({@code CustomerSubscriptionOnboarding}):
 * {@code POST /api/onboardings} with {@code {customerTenantId, cloud, ruleSet, subscriptions: [{id,
 * serviceType, boughtFrom}]}} → 201 {@code {id, status}}; {@code GET /api/onboardings/{id}} → each
 * subscription's decided route, its process's status and, when not supported, the reason. Errors are
 * {@code application/problem+json}: invalid input → 400 naming the fields (nothing started), unknown id → 404.
 */
@RestController
@RequestMapping("/api/onboardings")
class OnboardingController {

  private final OnboardingService onboardings;
  private final IdempotentStarts idempotentStarts;

  /**
   * @param onboardings the onboarding service
   * @param idempotentStarts answers a retried start with its first answer
   */
  public OnboardingController(OnboardingService onboardings, IdempotentStarts idempotentStarts) {
    this.onboardings = onboardings;
    this.idempotentStarts = idempotentStarts;
  }

  /**
   * Starts onboarding a customer's subscriptions.
   *
   * @param request the onboarding request
   * @param idempotencyKey optional {@code Idempotency-Key}: a retry with the same key and body gets the first
   *     answer and starts nothing ({@link IdempotentStarts}); the same key with another body → 422
   * @param principal the authenticated user, recorded as requester; null when anonymous
   * @return 201 with {@code Location: /api/onboardings/{id}} and {@code {id, status}}
   */
  @PostMapping
  public ResponseEntity<Reference> create(
      @Valid @RequestBody OnboardingRequest request,
      @RequestHeader(name = IdempotentStarts.HEADER, required = false) String idempotencyKey,
      Principal principal) {
    return idempotentStarts.run(idempotencyKey, "POST /api/onboardings", principal, request, Reference.class, () -> {
      Reference created = onboardings.start(request, principal == null ? null : principal.getName());
      URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
      return ResponseEntity.created(location).body(created);
    });
  }

  /**
   * @param id the onboarding id
   * @param locale the reader's language ({@code Accept-Language}), in which the reasons are given (en, it, pt, sv;
   *     others read English)
   * @return the onboarding with each subscription's route, process status and reason in words
   */
  @GetMapping("/{id}")
  public OnboardingView get(@PathVariable String id, Locale locale) {
    return onboardings.find(id, locale);
  }
}
