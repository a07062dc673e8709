package io.partnerchannel.orchestrator.partnercenter;

/**
 * The bearer token the Partner Center client sends, per audience. partner-center mode: OAuth2 access tokens
 * from Entra ID, cached and refreshed before they expire ({@code partnercenter.signin}); sandbox mode: the
 * sandbox's stand-in.
 */
public interface AccessTokenProvider {

  /**
   * @param audience the API called
   * @return a valid access token for it
   * @throws PartnerCenterException when no token can be had (not consented yet, refresh token revoked or
   *     expired); its message says what to do
   */
  String accessToken(TokenAudience audience);
}
