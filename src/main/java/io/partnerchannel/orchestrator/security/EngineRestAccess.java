package io.partnerchannel.orchestrator.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import java.util.Arrays;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call the engine's REST API (docs/security.md "Who may call what"). {@code /engine-rest} is for operations
 * ({@code camunda-admin}) and deployment ({@code business-analysts}: {@code POST deployment/create}, as Camunda
 * Modeler does, and reading deployments, process, decision and decision requirements definitions); every
 * other user gets 403 (partner roles and reseller staff use Tasklist and {@code /api}). Closed for everyone,
 * on {@code /engine-rest} and on the webapps' copy {@code /camunda/api/engine}: {@code identity/verify} (a
 * password oracle for other users' passwords), {@code execution/{id}/messages/...} (triggers a message
 * subscription by hand) and {@code message/async} (correlates later, as no user). Each path exists with and
 * without the {@code /engine/{name}} prefix. What each caller may do within is the engine's authorizations.
 */
final class EngineRestAccess {

  private static final String ADMIN = EngineIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + Groups.CAMUNDA_ADMIN;
  private static final String ANALYSTS = EngineIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + PartnerRoles.BUSINESS_ANALYSTS;
  private static final String[] CLOSED = {"/identity/verify", "/execution/*/messages/**", "/message/async"};
  private static final String[] ANALYST_READS = {"/version", "/deployment/**", "/process-definition/**",
      "/decision-definition/**", "/decision-requirements-definition/**"};

  private EngineRestAccess() {}

  /**
   * Adds the {@code /engine-rest} rules to the REST chain's authorization rules.
   *
   * @param requests the chain's rules so far
   * @return the rules, to which the caller adds its last rule
   */
  public static AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry engineRest(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
    return requests
        .requestMatchers(matcher(null, "/engine-rest", CLOSED)).denyAll()
        .requestMatchers(matcher(HttpMethod.POST, "/engine-rest", "/deployment/create")).hasAnyAuthority(ADMIN, ANALYSTS)
        .requestMatchers(matcher(HttpMethod.GET, "/engine-rest", ANALYST_READS)).hasAnyAuthority(ADMIN, ANALYSTS)
        .requestMatchers(withDefaults().matcher("/engine-rest/**")).hasAuthority(ADMIN);
  }

  /**
   * Adds the closed paths of the webapps' engine API ({@code /camunda/api/engine/engine/{name}/...}) and
   * Camunda Admin's initial setup ({@code /camunda/api/admin/setup/**}, which creates an administrator
   * whenever {@code camunda-admin} has no member; {@link AdminUserInitializer} makes the administrator).
   *
   * @param requests the webapp chain's rules so far
   * @return the rules, to which the caller adds its last rule
   */
  public static AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry webappEngineApi(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
    return requests.requestMatchers(new OrRequestMatcher(Stream.concat(
            Arrays.stream(CLOSED).map(path -> "/camunda/api/engine/engine/*" + path),
            Stream.of("/camunda/api/admin/setup/**"))
        .map(pattern -> (RequestMatcher) withDefaults().matcher(pattern)).toList())).denyAll();
  }

  private static RequestMatcher matcher(HttpMethod method, String root, String... paths) {
    return new OrRequestMatcher(Arrays.stream(paths)
        .flatMap(path -> Stream.of(root + path, root + "/engine/*" + path))
        .map(pattern -> (RequestMatcher) withDefaults().matcher(method, pattern))
        .toList());
  }
}
