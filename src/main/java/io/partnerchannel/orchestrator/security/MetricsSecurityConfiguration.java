package io.partnerchannel.orchestrator.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /actuator/prometheus} (docs/operations-pages.md): operations only, i.e. members of {@code camunda-admin},
 * with HTTP Basic as a Prometheus scrape sends it. Stateless, no session and no CSRF (it is read-only); anonymous
 * 401 with {@code WWW-Authenticate}, any other user 403, both {@code application/problem+json}. The metrics name
 * processes, outcomes and Partner Center paths (no customer data), but counts of work in progress are operations'
 * business, not every partner user's.
 *
 * <p>Spring Security's own observations (a timer around every filter of every chain, every authentication and every
 * authorization: {@code spring_security_*}) are off: they cost 3 to 4 % of the application's CPU samples in an
 * invitation batch (docs/performance.md) and no page or alert reads them; {@code http_server_requests_seconds} still
 * times every request.
 */
@Configuration
class MetricsSecurityConfiguration {

  /** Path of the Prometheus scrape endpoint. */
  public static final String PROMETHEUS_PATH = "/actuator/prometheus";

  /**
   * @param http the builder
   * @param authenticationManager checks Basic credentials against the engine's users
   * @param problems 401/403 bodies
   * @return the chain, ahead of the pages' chain (which would redirect to the login form)
   * @throws Exception from the builder
   */
  /**
   * @return no observations of the filter chains, authentications and authorizations (Spring Security then leaves
   *     them undecorated)
   */
  @Bean
  static SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  @Order(0)
  public SecurityFilterChain prometheusScrape(
      HttpSecurity http, AuthenticationManager authenticationManager, ProblemSecurityResponses problems) throws Exception {
    return http
        .securityMatcher(withDefaults().matcher(PROMETHEUS_PATH))
        .authenticationManager(authenticationManager)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .httpBasic(basic -> basic.realmName(ProblemSecurityResponses.REALM).authenticationEntryPoint(problems))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .authorizeHttpRequests(requests -> requests.anyRequest()
            .hasAuthority(EngineIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + Groups.CAMUNDA_ADMIN))
        .build();
  }
}
