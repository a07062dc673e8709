package io.partnerchannel.orchestrator.invitation;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The CSP region a country belongs to, for the "same country or region" rule of reseller relationship requests
 * (R9, S4): the latest deployed version of the decision {@value #DECISION_KEY} ({@code bpmn/CspRegion.dmn}),
 * which analysts change and deploy from Camunda Modeler. This project's rows: Europe = EU/EEA + GB + CH, North
 * America = US + CA, China = CN (21Vianet); any other country is a region of its own. The region of a country is
 * kept for a while ({@link CspRegionCache}, {@code pco.cache.csp-regions}): the decision is evaluated (and a
 * decision instance written to its history) once per country until a deployment or the cache time passes.
 */
@Component
class CspRegions {

  /** Decision id of {@code bpmn/CspRegion.dmn}. */
  public static final String DECISION_KEY = "CspRegion";

  private final DecisionService decisionService;
  private final IdentityService identityService;
  private final CspRegionCache cache;

  /**
   * @param decisionService evaluates the decision
   * @param identityService the caller's authentication, set aside while the application itself evaluates
   * @param cache the regions found recently
   * @param meters where the cache's hits and misses are reported, if metrics are on
   */
  CspRegions(DecisionService decisionService, IdentityService identityService, CspRegionCache cache,
      ObjectProvider<MeterRegistry> meters) {
    this.decisionService = decisionService;
    this.identityService = identityService;
    this.cache = cache;
    meters.ifAvailable(cache::monitor);
  }

  /**
   * @param country ISO 3166 alpha-2 country code, any case
   * @return the region of the country, e.g. {@code Europe}, or the country code in capitals
   * @throws IllegalArgumentException when {@code country} is blank
   */
  public String of(String country) {
    if (country == null || country.isBlank()) {
      throw new IllegalArgumentException("A country code is required to find its CSP region");
    }
    return cache.region(country.trim().toUpperCase(Locale.ROOT), this::evaluate);
  }

  /** The region of a country code as the latest deployed version of the decision says now. */
  private String evaluate(String code) {
    // The application reads its own decision: not subject to the calling user's authorizations.
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      String region = decisionService.evaluateDecisionTableByKey(DECISION_KEY, Variables.putValue("country", code))
          .getSingleResult()
          .getSingleEntry();
      return region == null || region.isBlank() ? code : region;
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  /**
   * @param first a country code
   * @param second another country code
   * @return whether both are in one CSP region
   */
  public boolean sameRegion(String first, String second) {
    return of(first).equals(of(second));
  }
}
