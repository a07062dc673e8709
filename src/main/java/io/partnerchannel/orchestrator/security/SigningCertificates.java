package io.partnerchannel.orchestrator.security;

import java.net.URI;
import java.security.cert.X509Certificate;
import org.springframework.security.authentication.BadCredentialsException;

/** Where the certificate that signed a Partner Center event comes from ({@code x-ms-certificate-url}). */
@FunctionalInterface
interface SigningCertificates {

  /**
   * @param url the certificate's URL, already checked against the allowed hosts
   * @return the certificate
   * @throws BadCredentialsException when it cannot be obtained or read
   */
  X509Certificate certificate(URI url);
}
