package io.partnerchannel.orchestrator.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.security.servlet.PathRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what (docs/security.md "Who may call what"). Three Spring Security filter chains (in sandbox
 * mode the sandbox adds its own for {@code /sandbox/**}, {@code SandboxSecurityConfiguration}):
 * <ol>
 *   <li><b>REST</b> ({@code /api/**}, {@code /engine-rest/**}): stateless
 *       HTTP Basic against the engine's identity service ({@link EngineIdentityAuthenticationProvider}), no
 *       CSRF (no cookies are used), 401/403 as {@code application/problem+json}. The Partner Center event
 *       endpoint instead accepts only events the {@link PartnerCenterEventVerifier} verifies.</li>
 *   <li><b>Camunda webapps</b> ({@code /camunda/**}): Camunda's own login, session and CSRF filter guard
 *       them (the Tasklist/Cockpit API answers 401 without a login); Spring Security adds its security
 *       headers and closes a few engine API paths ({@link EngineRestAccess}).</li>
 *   <li><b>Everything else</b> (the outbox pages, Actuator beyond health): the user already logged in to
 *       the Camunda webapps in that browser ({@link CamundaWebappSessionFilter}), else the login form or
 *       HTTP Basic against the engine's users, with Spring's CSRF protection; {@code /actuator/health}, {@code /} (redirect to
 *       the webapps), the error page and static assets are public.</li>
 * </ol>
 * Who may call {@code /engine-rest} at all is {@link EngineRestAccess}; failed logins are throttled by
 * {@link LoginThrottle}, a servlet filter before these chains. The engine applies its authorizations to the authenticated user: {@code /engine-rest} through Camunda's
 * {@link ProcessEngineAuthenticationFilter} with the container-based provider (the Spring
 * {@code Authentication} is the request's user principal), {@code /api} through
 * {@link EngineAuthenticationInterceptor}.
 */
@Configuration
public class SecurityConfiguration implements WebMvcConfigurer {

  private final EngineAuthenticationInterceptor engineAuthenticationInterceptor;

  /** @param engineAuthenticationInterceptor runs {@code /api/**} with the caller's engine authentication */
  public SecurityConfiguration(EngineAuthenticationInterceptor engineAuthenticationInterceptor) {
    this.engineAuthenticationInterceptor = engineAuthenticationInterceptor;
  }

  /**
   * @param provider checks passwords against the engine's identity service
   * @return the one authentication manager of every chain
   */
  @Bean
  public AuthenticationManager authenticationManager(EngineIdentityAuthenticationProvider provider) {
    return new ProviderManager(provider);
  }

  /**
   * @param objectMapper writes the problem documents
   * @return 401/403 answers of the REST APIs
   */
  @Bean
  public ProblemSecurityResponses problemSecurityResponses(ObjectMapper objectMapper) {
    return new ProblemSecurityResponses(objectMapper);
  }

  /**
   * The REST chain: {@code /api/**}, {@code /engine-rest/**}.
   *
   * @param http the builder
   * @param authenticationManager checks Basic credentials
   * @param problems 401/403 bodies
   * @param eventVerifier verifies Partner Center events
   * @return the chain
   * @throws Exception from the builder
   */
  @Bean
  @Order(1)
  public SecurityFilterChain restApis(
      HttpSecurity http,
      AuthenticationManager authenticationManager,
      ProblemSecurityResponses problems,
      PartnerCenterEventVerifier eventVerifier) throws Exception {
    return http
        .securityMatcher(paths("/api/**", "/engine-rest/**"))
        .authenticationManager(authenticationManager)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .addFilterBefore(new PartnerCenterEventAuthenticationFilter(eventVerifier, problems), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> EngineRestAccess.engineRest(requests
            .requestMatchers(withDefaults().matcher(HttpMethod.POST, PartnerCenterEventAuthenticationFilter.EVENTS_PATH))
            .hasAuthority(PartnerCenterEventAuthenticationFilter.AUTHORITY))
            .anyRequest().authenticated())
        .build();
  }

  /**
   * The Camunda webapps, guarded by Camunda's own login and CSRF filter.
   *
   * @param http the builder
   * @return the chain
   * @throws Exception from the builder
   */
  @Bean
  @Order(2)
  public SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
    return http
        .securityMatcher(paths("/camunda/**"))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(requests -> EngineRestAccess.webappEngineApi(requests).anyRequest().permitAll())
        .build();
  }

  /**
   * Everything else: the Camunda webapp login of the same browser session, else form login or Basic; CSRF on.
   *
   * @param http the builder
   * @param authenticationManager checks the credentials
   * @param processEngine whose webapp login counts
   * @return the chain
   * @throws Exception from the builder
   */
  @Bean
  @Order(3)
  public SecurityFilterChain pages(
      HttpSecurity http, AuthenticationManager authenticationManager, ProcessEngine processEngine) throws Exception {
    return http
        .authenticationManager(authenticationManager)
        .addFilterBefore(new CamundaWebappSessionFilter(processEngine.getName(), authenticationManager),
            UsernamePasswordAuthenticationFilter.class)
        .formLogin(form -> form.permitAll())
        .httpBasic(basic -> basic.realmName(ProblemSecurityResponses.REALM))
        .logout(logout -> logout.permitAll())
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(paths("/", "/error", "/actuator/health", "/actuator/health/**")).permitAll()
            .requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll()
            .anyRequest().authenticated())
        .build();
  }

  /**
   * Camunda's {@code /engine-rest} authentication filter, after Spring Security's: it takes the user from
   * the Spring {@code Authentication} ({@link ContainerBasedAuthenticationProvider} reads
   * {@code getUserPrincipal()}), loads the user's groups and tenants and runs the request with that engine
   * authentication.
   *
   * @return the registration
   */
  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-engine-rest-authentication");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, ContainerBasedAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /**
   * Path patterns over the whole path below the context, whichever servlet serves it (Jersey serves
   * {@code /engine-rest}, Camunda's webapp servlets {@code /camunda}, Spring MVC the rest).
   */
  private static RequestMatcher paths(String... patterns) {
    return new OrRequestMatcher(Arrays.stream(patterns).map(pattern -> (RequestMatcher) withDefaults().matcher(pattern)).toList());
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(engineAuthenticationInterceptor).addPathPatterns("/api/**");
  }
}
