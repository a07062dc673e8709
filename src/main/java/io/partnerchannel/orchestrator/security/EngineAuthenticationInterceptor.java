package io.partnerchannel.orchestrator.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Runs each {@code /api/**} request with the engine authentication of the caller, so the engine applies
 * its authorizations and tenant checks to what the controllers do: sets
 * {@code IdentityService.setAuthentication(userId, groups, tenants)} from the {@link EngineUser} that Spring
 * Security authenticated, and clears it when the request completes. Requests authenticated otherwise (a
 * verified Partner Center event) run without an engine user, as the system.
 */
@Component
class EngineAuthenticationInterceptor implements HandlerInterceptor {

  private final IdentityService identityService;

  /** @param identityService the engine's identity service */
  public EngineAuthenticationInterceptor(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    identityService.clearAuthentication();
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.isAuthenticated()
        && authentication.getPrincipal() instanceof EngineUser user) {
      identityService.setAuthentication(user.userId(), user.groupIds(), user.tenantIds());
    }
    return true;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    identityService.clearAuthentication();
  }
}
