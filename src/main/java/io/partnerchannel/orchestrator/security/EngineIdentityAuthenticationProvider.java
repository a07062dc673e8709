package io.partnerchannel.orchestrator.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.partnerchannel.orchestrator.system.CacheProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 *
 * <p>A successful password check is reused for {@code pco.cache.authentication} (default 10 s) for the same user
 * name and password (kept as an HMAC-SHA-256 under a key made at start, never the password itself), so an API
 * client's requests do not check the password and read groups and tenants each time. A failed check is never
 * cached; a changed password, a removed user or a changed membership takes effect at once on the node where it
 * was made ({@link AccessChanges}) and within that time on the others.
 */
@Component
public class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

  /** Prefix of the authority derived from each Camunda group. */
  public static final String GROUP_AUTHORITY_PREFIX = "GROUP_";
  private static final String HMAC = "HmacSHA256";

  private final IdentityService identityService;
  private final Cache<String, SignedIn> signedIn;
  private final SecretKeySpec cacheKey;
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  /**
   * @param identityService the engine's identity service
   * @param cache {@code pco.cache.authentication}: how long a successful check is reused
   */
  public EngineIdentityAuthenticationProvider(IdentityService identityService, CacheProperties cache) {
    this.identityService = identityService;
    this.signedIn = Caffeine.newBuilder()
        .maximumSize(cache.authentication().isZero() ? 0 : 10_000)
        .expireAfterWrite(cache.authentication())
        .build();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.cacheKey = new SecretKeySpec(key, HMAC);
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
    if (userId == null || userId.isBlank() || credentials == null) {
      throw new BadCredentialsException("Bad credentials");
    }
    String key = cacheKey(userId, credentials.toString());
    SignedIn cached = signedIn.getIfPresent(key);
    EngineUser user;
    if (cached != null && cached.generation() == AccessChanges.generation()) {
      user = cached.user();
    } else {
      long generation = AccessChanges.generation();
      if (!identityService.checkPassword(userId, credentials.toString())) {
        signedIn.invalidate(key);
        throw new BadCredentialsException("Bad credentials");
      }
      user = load(userId);
      signedIn.put(key, new SignedIn(user, generation));
    }
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

  /** A successful check and the {@link AccessChanges} generation it was made in. */
  private record SignedIn(EngineUser user, long generation) {}

  /** @return the user id and an HMAC of the password under this process's random key */
  private String cacheKey(String userId, String password) {
    // doFinal resets the Mac for the thread's next request
    return userId + ':' + HexFormat.of().formatHex(macs.get().doFinal(password.getBytes(StandardCharsets.UTF_8)));
  }

  /** A Mac keyed with {@link #cacheKey}: looking the algorithm up on every request cost more than the Mac itself. */
  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(cacheKey);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(HMAC + " is not available", e);
    }
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
