package io.partnerchannel.orchestrator.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Lets a user who is logged in to the Camunda webapps (Tasklist, Cockpit, Admin) open the application's own
 * pages (the outbox) in the same browser without signing in again: Camunda's login keeps the user in the
 * HTTP session, and this Spring Security pre-authentication filter takes the user of this engine from there.
 * The password was checked by Camunda's login; {@link EngineIdentityAuthenticationProvider} only loads the
 * user's groups and tenants. Without a webapp login, the login form or HTTP Basic apply as before.
 */
public class CamundaWebappSessionFilter extends AbstractPreAuthenticatedProcessingFilter {

  private final String engineName;

  /**
   * @param engineName the name of this application's process engine
   * @param authenticationManager loads the user
   */
  public CamundaWebappSessionFilter(String engineName, AuthenticationManager authenticationManager) {
    this.engineName = engineName;
    setAuthenticationManager(authenticationManager);
    // Only when nobody is authenticated yet: a user who signed in with the login form (kept in the HTTP session)
    // has no webapp principal, and checking for principal changes would log that user out on every request.
    setCheckForPrincipalChanges(false);
    setContinueFilterChainOnUnsuccessfulAuthentication(true);
    // Not kept in the session: each request asks Camunda's session again, so a webapp logout ends it here too.
    setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
  }

  @Override
  protected Object getPreAuthenticatedPrincipal(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication user = authentications == null ? null : authentications.getAuthenticationForProcessEngine(engineName);
    return user == null ? null : user.getIdentityId();
  }

  @Override
  protected Object getPreAuthenticatedCredentials(HttpServletRequest request) {
    return "Camunda webapp session";
  }
}
