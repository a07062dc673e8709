package io.partnerchannel.orchestrator.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * Decides whether a request to the Partner Center event endpoint was sent by Partner Center: the shared
 * secret of the sandbox ({@link SharedSecretEventVerifier}) or Partner Center's signature
 * ({@link SignatureEventVerifier}), depending on {@code pco.partner-center.mode}.
 */
public interface PartnerCenterEventVerifier {

  /**
   * @param headers the request's headers
   * @param body the request body exactly as received
   * @throws BadCredentialsException naming what failed, when the event is not verified
   */
  void verify(HttpHeaders headers, byte[] body);
}
