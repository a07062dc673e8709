package io.partnerchannel.orchestrator.routing;

import io.partnerchannel.orchestrator.routing.OnboardingView.Reference;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
public class OnboardingController {

  private final OnboardingService onboardings;

  /** @param onboardings the onboarding service */
  public OnboardingController(OnboardingService onboardings) {
    this.onboardings = onboardings;
  }

  /**
   * Starts onboarding a customer's subscriptions.
   *
   * @param request the onboarding request
   * @param principal the authenticated user, recorded as requester; null when anonymous
   * @return 201 with {@code Location: /api/onboardings/{id}} and {@code {id, status}}
   */
  @PostMapping
  public ResponseEntity<Reference> create(@Valid @RequestBody OnboardingRequest request, Principal principal) {
    Reference created = onboardings.start(request, principal == null ? null : principal.getName());
    URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
    return ResponseEntity.created(location).body(created);
  }

  /**
   * @param id the onboarding id
   * @return the onboarding with each subscription's route, process status and reason
   */
  @GetMapping("/{id}")
  public OnboardingView get(@PathVariable String id) {
    return onboardings.find(id);
  }
}
