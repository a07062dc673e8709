package io.partnerchannel.orchestrator.partnercenter.sandbox;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Identifies the partner calling the emulator from {@code Authorization: Bearer <partner tenant id>}: the
 * sandbox stands in for Partner Center's App+User token with the partner's tenant id.
 */
@Component
@SandboxConfiguration
class SandboxCallers {

  private static final String BEARER = "Bearer ";

  private final SandboxDirectory directory;

  /** @param directory the sandbox world */
  public SandboxCallers(SandboxDirectory directory) {
    this.directory = directory;
  }

  /**
   * @param authorization the {@code Authorization} header, may be null
   * @return the calling partner
   * @throws PartnerCenterApiException 401 when the header is missing or names no sandbox partner
   */
  public SandboxPartner partnerCenterCaller(String authorization) {
    String token = token(authorization)
        .orElseThrow(() -> new PartnerCenterApiException(
            HttpStatus.UNAUTHORIZED, PartnerCenterApiException.PARTNER_TOKEN_MISSING,
            "Partner Token missing in request context"));
    return directory.partner(token)
        .orElseThrow(() -> new PartnerCenterApiException(
            HttpStatus.UNAUTHORIZED, PartnerCenterApiException.ACCESS_DENIED,
            "Access denied: the bearer token does not identify a partner of the sandbox"));
  }

  /**
   * @param authorization the {@code Authorization} header, may be null
   * @return the calling partner
   * @throws GraphApiException 401 when the header is missing or names no sandbox partner
   */
  public SandboxPartner graphCaller(String authorization) {
    String token = token(authorization)
        .orElseThrow(() -> new GraphApiException(
            HttpStatus.UNAUTHORIZED, GraphApiException.INVALID_TOKEN, "Access token is empty."));
    return directory.partner(token)
        .orElseThrow(() -> new GraphApiException(
            HttpStatus.UNAUTHORIZED, GraphApiException.INVALID_TOKEN,
            "Access token validation failure: the token does not identify a partner of the sandbox."));
  }

  private static Optional<String> token(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    String token = authorization.substring(BEARER.length()).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
