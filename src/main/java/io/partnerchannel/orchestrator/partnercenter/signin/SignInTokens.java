package io.partnerchannel.orchestrator.partnercenter.signin;

import io.partnerchannel.orchestrator.partnercenter.AccessTokenProvider;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.TokenAudience;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

/**
 * partner-center mode: access tokens from Entra ID through Spring Security's OAuth2 client, per audience
 * (reference §8, Authentication):
 * <ul>
 *   <li>Partner Center: App+User, from the refresh token a partner Global admin's consent left
 *       ({@value SignInConfiguration#PARTNER_CENTER}, {@code refresh_token} grant);</li>
 *   <li>Microsoft Graph: the application's own token ({@value SignInConfiguration#GRAPH},
 *       {@code client_credentials} grant, application permission {@code DelegatedAdminRelationship.ReadWrite.All}).</li>
 * </ul>
 * Tokens are cached in memory and renewed {@code pco.partner-center.token-refresh-margin} before they expire.
 * No token → {@link PartnerCenterException} (status 401) whose message says what to do; the job fails and, once
 * its retries are spent, the incident carries that message.
 */
class SignInTokens implements AccessTokenProvider {

  /** The principal background work asks for tokens as: the application itself. */
  public static final String PRINCIPAL = "partner-channel-orchestrator";
  private static final Authentication APPLICATION =
      new AnonymousAuthenticationToken(PRINCIPAL, PRINCIPAL, AuthorityUtils.createAuthorityList("ROLE_APPLICATION"));

  private final OAuth2AuthorizedClientManager clients;
  private final StoredSignIn signIn;

  /**
   * @param clients Spring Security's manager (refresh-token and client-credentials providers)
   * @param signIn the stored consent
   */
  public SignInTokens(OAuth2AuthorizedClientManager clients, StoredSignIn signIn) {
    this.clients = clients;
    this.signIn = signIn;
  }

  @Override
  public String accessToken(TokenAudience audience) {
    String registrationId = audience == TokenAudience.GRAPH ? SignInConfiguration.GRAPH : SignInConfiguration.PARTNER_CENTER;
    if (audience == TokenAudience.PARTNER_CENTER) {
      SignInState state = signIn.state(registrationId);
      if (state.status() == SignInState.Status.REVOKED) {
        throw new PartnerCenterException(401, "invalid_grant", state.problem(), null);
      }
      if (state.status() == SignInState.Status.NOT_SIGNED_IN) {
        throw new PartnerCenterException(401, null, "Partner Center is not signed in yet: a partner Global admin"
            + " (Admin agent) must sign in at " + signIn.signInPage() + "; then retry the failed jobs (Cockpit).", null);
      }
    }
    OAuth2AuthorizedClient client;
    try {
      client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(registrationId).principal(APPLICATION).build());
    } catch (ClientAuthorizationException e) {
      if ("invalid_grant".equals(e.getError().getErrorCode())) {
        throw new PartnerCenterException(401, "invalid_grant", signIn.revokedMessage() + " (Entra ID: "
            + e.getError().getDescription() + ")", e);
      }
      throw new PartnerCenterException(401, e.getError().getErrorCode(), "Entra ID refused a token for " + audience
          + ": " + e.getError() + "; check pco.partner-center.client-id / client-secret (docs/going-live.md)", e);
    } catch (OAuth2AuthorizationException e) {
      throw new PartnerCenterException(0, e.getError().getErrorCode(), "No token for " + audience + " from Entra ID: "
          + e.getMessage(), e);
    }
    if (client == null) {
      throw new PartnerCenterException(401, null, "No token for " + audience + ": sign in at " + signIn.signInPage(), null);
    }
    return client.getAccessToken().getTokenValue();
  }
}
