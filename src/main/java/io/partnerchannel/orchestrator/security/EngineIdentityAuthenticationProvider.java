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
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password (HTTP Basic or the login form) against the Camunda engine's identity
 * service ({@code IdentityService.checkPassword}, which also applies the engine's login throttling and
 * locks a user after too many failed attempts) and loads the user's groups and tenants.
 *
 * <p>The authenticated principal is an {@link EngineUser}; its authorities are {@code GROUP_<group id>}.
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
   * @param authentication a {@link UsernamePasswordAuthenticationToken}
   * @return an authenticated token whose principal is the {@link EngineUser}
   * @throws BadCredentialsException when the user does not exist, is locked or the password is wrong
   */
  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      throw new BadCredentialsException("Bad credentials");
    }
    EngineUser user = load(userId);
    UsernamePasswordAuthenticationToken authenticated = UsernamePasswordAuthenticationToken.authenticated(
        user, null, user.groupIds().stream().map(id -> new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + id)).toList());
    authenticated.setDetails(authentication.getDetails());
    return authenticated;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
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
