package io.partnerchannel.orchestrator.partnercenter.signin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partner's sign-in as Spring Security's {@link OAuth2AuthorizedClientService}, one per client registration
 * whoever signed in (the application acts for the partner, not per user): the refresh token in
 * {@code pco_partner_center_sign_in}, encrypted with AES-256-GCM ({@link Encryptors#delux}, key
 * {@code pco.partner-center.token-encryption-key}, random salt per row); access tokens in memory only.
 *
 * <p>Every write commits in a transaction of its own: a token renewed or refused during a job stays recorded when
 * that job fails and rolls back.
 *
 * <p>Removing an authorized client, which Spring Security does when Entra ID answers {@code invalid_grant}, marks
 * the consent {@link SignInState.Status#REVOKED} with the message saying what to do, instead of forgetting it.
 */
class StoredSignIn implements OAuth2AuthorizedClientService {

  /** Message of a revoked or expired consent: what to do. */
  static final String REVOKED_MESSAGE = "Entra ID refused the stored Partner Center sign-in (revoked, or expired after"
      + " 90 days unused): a partner Global admin (Admin agent) must sign in again at %s; then retry the failed jobs"
      + " (Cockpit: incidents, Retry).";

  private final JdbcClient jdbc;
  private final ClientRegistrationRepository registrations;
  private final String encryptionKey;
  private final String signInPage;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;
  private final Map<String, OAuth2AuthorizedClient> accessTokens = new ConcurrentHashMap<>();

  /**
   * @param jdbc the application's database
   * @param registrations the client registrations
   * @param encryptionKey {@code pco.partner-center.token-encryption-key}
   * @param signInPage the absolute URL of the sign-in page, named in messages
   * @param clock the time of consents and refreshes
   * @param transactions runs every write in a transaction of its own
   */
  public StoredSignIn(JdbcClient jdbc, ClientRegistrationRepository registrations, String encryptionKey,
      String signInPage, Clock clock, PlatformTransactionManager transactions) {
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.jdbc = jdbc;
    this.registrations = registrations;
    this.encryptionKey = encryptionKey;
    this.signInPage = signInPage;
    this.clock = clock;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, String principalName) {
    OAuth2AuthorizedClient cached = accessTokens.get(registrationId);
    if (cached != null) {
      return (T) cached;
    }
    ClientRegistration registration = registrations.findByRegistrationId(registrationId);
    if (registration == null) {
      return null;
    }
    return (T) jdbc.sql("select refresh_token, salt from pco_partner_center_sign_in"
            + " where registration_id = ? and state = 'SIGNED_IN'")
        .param(registrationId)
        .query((rs, row) -> {
          String refreshToken = Encryptors.delux(encryptionKey, rs.getString("salt")).decrypt(rs.getString("refresh_token"));
          // No access token is stored: an expired stand-in makes the refresh-token provider renew it at once.
          OAuth2AccessToken expired = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "expired",
              Instant.EPOCH, Instant.EPOCH.plusSeconds(1));
          return new OAuth2AuthorizedClient(registration, principalName, expired, new OAuth2RefreshToken(refreshToken, null));
        })
        .optional()
        .orElse(null);
  }

  @Override
  public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal) {
    String registrationId = client.getClientRegistration().getRegistrationId();
    accessTokens.put(registrationId, client);
    OAuth2RefreshToken refreshToken = client.getRefreshToken();
    if (refreshToken == null) {
      return;
    }
    String salt = KeyGenerators.string().generateKey();
    String encrypted = Encryptors.delux(encryptionKey, salt).encrypt(refreshToken.getTokenValue());
    Timestamp now = Timestamp.from(clock.instant());
    String scopes = String.join(" ", client.getAccessToken().getScopes());
    boolean consent = principal != null && principal.isAuthenticated() && !SignInTokens.PRINCIPAL.equals(principal.getName());
    ownTransaction.executeWithoutResult(tx -> store(registrationId, consent, principal, encrypted, salt, scopes, now));
  }

  private void store(String registrationId, boolean consent, Authentication principal, String encrypted, String salt,
      String scopes, Timestamp now) {
    int updated = consent
        ? jdbc.sql("update pco_partner_center_sign_in set state = 'SIGNED_IN', refresh_token = ?, salt = ?, scopes = ?,"
                + " consented_by = ?, consented_at = ?, refreshed_at = null, problem = null where registration_id = ?")
            .params(encrypted, salt, scopes, principal.getName(), now, registrationId).update()
        : jdbc.sql("update pco_partner_center_sign_in set refresh_token = ?, salt = ?, refreshed_at = ?"
                + " where registration_id = ? and state = 'SIGNED_IN'")
            .params(encrypted, salt, now, registrationId).update();
    if (updated == 0 && consent) {
      jdbc.sql("insert into pco_partner_center_sign_in (registration_id, state, refresh_token, salt, scopes, consented_by,"
              + " consented_at) values (?, 'SIGNED_IN', ?, ?, ?, ?, ?)")
          .params(registrationId, encrypted, salt, scopes, principal.getName(), now).update();
    }
  }

  @Override
  public void removeAuthorizedClient(String registrationId, String principalName) {
    accessTokens.remove(registrationId);
    ownTransaction.executeWithoutResult(tx -> jdbc.sql("update pco_partner_center_sign_in set state = 'REVOKED', refresh_token = null, salt = null, problem = ?"
            + " where registration_id = ? and state = 'SIGNED_IN'")
        .params(revokedMessage(), registrationId).update());
  }

  /**
   * @param registrationId the client registration
   * @return its consent's state
   */
  public SignInState state(String registrationId) {
    Optional<SignInState> state = jdbc.sql("select state, consented_by, consented_at, refreshed_at, problem"
            + " from pco_partner_center_sign_in where registration_id = ?")
        .param(registrationId)
        .query((rs, row) -> new SignInState(SignInState.Status.valueOf(rs.getString("state")),
            rs.getString("consented_by"), instant(rs.getTimestamp("consented_at")),
            instant(rs.getTimestamp("refreshed_at")), rs.getString("problem")))
        .optional();
    return state.orElseGet(SignInState::notSignedIn);
  }

  /** @return the message of a revoked consent, naming the sign-in page */
  public String revokedMessage() {
    return REVOKED_MESSAGE.formatted(signInPage);
  }

  /** @return the sign-in page's absolute URL */
  public String signInPage() {
    return signInPage;
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
