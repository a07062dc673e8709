package io.partnerchannel.orchestrator.partnercenter.sandbox;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import io.partnerchannel.orchestrator.security.ProblemSecurityResponses;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sandbox mode only: who may call the sandbox under {@code /sandbox/**}. The emulator stands in for
 * Microsoft's services and is open as they are: its Partner Center and Graph APIs authenticate the calling
 * partner by bearer token ({@link SandboxCallers}) and its admin center the customer's sandbox user,
 * themselves; {@code /sandbox/tenants} (tenant discovery by domain, public as Microsoft's is) lists the
 * fictional sandbox world without passwords. Any other {@code /sandbox} path needs an orchestrator user
 * (stateless HTTP Basic, 401/403 as {@code application/problem+json}). Without the sandbox there is no such
 * chain and no such path.
 */
@Configuration(proxyBeanMethods = false)
@SandboxConfiguration
public class SandboxSecurityConfiguration {

  /**
   * @param http the builder
   * @param authenticationManager checks Basic credentials against the engine's users
   * @param problems 401/403 bodies
   * @return the chain of {@code /sandbox/**}, before the application's own chains
   * @throws Exception from the builder
   */
  @Bean
  @Order(0)
  public SecurityFilterChain sandboxApis(
      HttpSecurity http, AuthenticationManager authenticationManager, ProblemSecurityResponses problems)
      throws Exception {
    return http
        .securityMatcher(paths("/sandbox/**"))
        .authenticationManager(authenticationManager)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(paths("/sandbox/v1/**", "/sandbox/graph/**", "/sandbox/admin-center/**", "/sandbox/tenants"))
            .permitAll()
            .anyRequest().authenticated())
        .build();
  }

  private static RequestMatcher paths(String... patterns) {
    return new OrRequestMatcher(Arrays.stream(patterns).map(pattern -> (RequestMatcher) withDefaults().matcher(pattern)).toList());
  }
}
