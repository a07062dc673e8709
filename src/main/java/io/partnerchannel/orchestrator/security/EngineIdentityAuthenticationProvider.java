package io.partnerchannel.orchestrator.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password (HTTP Basic or the login form) against the Camunda engine's identity
 * service ({@code IdentityService.checkPassword}, which also applies the engine's login throttling and
 * locks a user after too many failed attempts) and loads the user's groups and tenants.
 *
 * <p>Also completes a {@link PreAuthenticatedAuthenticationToken} of {@link CamundaWebappSessionFilter}
 * (the user logged in to the Camunda webapps, whose password Camunda's login checked) when the user still
 * exists. The authenticated principal is an {@link EngineUser}; its authorities are {@code GROUP_<group id>}.
 */
@Component
public class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

  /** Prefix of the authority derived from each Camunda group. */
  public static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

  private final IdentityService identityService;

  /** @param identityService the engine's identity service */
  public EngineIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  /**
   * @param authentication a {@link UsernamePasswordAuthenticationToken} or a webapp session's
   *     {@link PreAuthenticatedAuthenticationToken}
   * @return an authenticated token whose principal is the {@link EngineUser}
   * @throws BadCredentialsException when the user does not exist, is locked or the password is wrong
   */
  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    if (authentication instanceof PreAuthenticatedAuthenticationToken webappSession) {
      return fromWebappSession(webappSession);
    }
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      throw new BadCredentialsException("Bad credentials");
    }
    EngineUser user = load(userId);
    UsernamePasswordAuthenticationToken authenticated =
        UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(user));
    authenticated.setDetails(authentication.getDetails());
    return authenticated;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication)
        || PreAuthenticatedAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private Authentication fromWebappSession(PreAuthenticatedAuthenticationToken token) {
    String userId = token.getName();
    if (userId == null || identityService.createUserQuery().userId(userId).count() == 0) {
      throw new BadCredentialsException("No such user");
    }
    EngineUser user = load(userId);
    PreAuthenticatedAuthenticationToken authenticated = new PreAuthenticatedAuthenticationToken(
        user, token.getCredentials(), authorities(user));
    authenticated.setDetails(token.getDetails());
    return authenticated;
  }

  private static List<SimpleGrantedAuthority> authorities(EngineUser user) {
    return user.groupIds().stream().map(id -> new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + id)).toList();
  }

  private EngineUser load(String userId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .toList();
    List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream()
        .map(Tenant::getId)
        .toList();
    return new EngineUser(userId, groups, tenants);
  }
}
