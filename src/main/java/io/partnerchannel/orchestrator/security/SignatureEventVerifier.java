package io.partnerchannel.orchestrator.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;

/**
 * {@code partner-center} mode: verifies Partner Center's signature of a webhook callback as its
 * documentation describes ("How to authenticate the callback", A16):
 * <ol>
 *   <li>the headers are present: the signature in {@code Authorization: Signature <base64>} (or in
 *       {@code x-ms-signature} when the registration set {@code SignatureTokenToMsSignatureHeader}),
 *       {@code x-ms-certificate-url} and {@code x-ms-signature-algorithm: rsa-sha256};</li>
 *   <li>the certificate URL is {@code https} on one of {@code pco.events.certificate-hosts} (no user
 *       info, no other port) — checked before anything is downloaded;</li>
 *   <li>the certificate ({@link SigningCertificates}) is within its validity period and issued by
 *       {@code O=Microsoft Corporation};</li>
 *   <li>the RSA-SHA256 signature verifies over the raw request body with the certificate's public key.</li>
 * </ol>
 * The certificate chain is not built to a root here: trust rests on the certificate having been downloaded
 * over verified TLS from a Microsoft host, plus the issuer check.
 */
@Component
@ConditionalOnProperty(name = "pco.partner-center.mode", havingValue = "partner-center")
class SignatureEventVerifier implements PartnerCenterEventVerifier {

  /** Header naming the signing certificate's URL. */
  public static final String CERTIFICATE_URL_HEADER = "x-ms-certificate-url";
  /** Header naming the signature algorithm. */
  public static final String SIGNATURE_ALGORITHM_HEADER = "x-ms-signature-algorithm";
  /** Header carrying the signature when the registration asks for it instead of {@code Authorization}. */
  public static final String MS_SIGNATURE_HEADER = "x-ms-signature";
  /** The only algorithm Partner Center uses. */
  public static final String RSA_SHA256 = "rsa-sha256";
  /** The organization that issues Partner Center's signing certificates. */
  public static final String MICROSOFT_CORPORATION = "Microsoft Corporation";

  private static final String SIGNATURE_SCHEME = "Signature";

  private final List<String> certificateHosts;
  private final SigningCertificates certificates;

  /**
   * @param properties {@code pco.events.certificate-hosts}
   * @param certificates obtains (and caches) the signing certificates
   */
  public SignatureEventVerifier(EventVerificationProperties properties, SigningCertificates certificates) {
    this.certificateHosts = properties.certificateHosts().stream().map(host -> host.trim().toLowerCase(Locale.ROOT)).toList();
    this.certificates = certificates;
  }

  @Override
  public void verify(HttpHeaders headers, byte[] body) {
    byte[] signature = signature(headers);
    String algorithm = headers.getFirst(SIGNATURE_ALGORITHM_HEADER);
    if (!RSA_SHA256.equalsIgnoreCase(algorithm == null ? null : algorithm.trim())) {
      throw new BadCredentialsException(SIGNATURE_ALGORITHM_HEADER + " must be " + RSA_SHA256 + ", was " + algorithm);
    }
    X509Certificate certificate = certificates.certificate(certificateUrl(headers.getFirst(CERTIFICATE_URL_HEADER)));
    checkCertificate(certificate);
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(certificate);
      verifier.update(body);
      if (!verifier.verify(signature)) {
        throw new BadCredentialsException("the signature does not match the event");
      }
    } catch (GeneralSecurityException e) {
      throw new BadCredentialsException("the signature cannot be verified with the certificate: " + e.getMessage(), e);
    }
  }

  /**
   * @param value the {@code x-ms-certificate-url} header
   * @return the URL, when it is https on an allowed host
   */
  URI certificateUrl(String value) {
    if (value == null || value.isBlank()) {
      throw new BadCredentialsException(CERTIFICATE_URL_HEADER + " is missing");
    }
    URI url;
    try {
      url = new URI(value.trim());
    } catch (URISyntaxException e) {
      throw new BadCredentialsException(CERTIFICATE_URL_HEADER + " is not a URL: " + value);
    }
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    if (!"https".equalsIgnoreCase(url.getScheme()) || url.getRawUserInfo() != null
        || (url.getPort() != -1 && url.getPort() != 443) || !isAllowedHost(host)) {
      throw new BadCredentialsException("the signing certificate must come from https on " + certificateHosts
          + ", not from " + value);
    }
    return url;
  }

  private boolean isAllowedHost(String host) {
    for (String allowed : certificateHosts) {
      if (allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) && host.length() > allowed.length() - 1
          : host.equals(allowed)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] signature(HttpHeaders headers) {
    String value = headers.getFirst(HttpHeaders.AUTHORIZATION);
    if (value == null || value.isBlank()) {
      value = headers.getFirst(MS_SIGNATURE_HEADER);
    }
    if (value == null || value.isBlank()) {
      throw new BadCredentialsException("the event carries no signature (Authorization: Signature ...)");
    }
    String token = value.trim();
    if (token.regionMatches(true, 0, SIGNATURE_SCHEME + " ", 0, SIGNATURE_SCHEME.length() + 1)) {
      token = token.substring(SIGNATURE_SCHEME.length() + 1).trim();
    } else if (token.contains(" ")) {
      throw new BadCredentialsException("the authorization scheme must be " + SIGNATURE_SCHEME);
    }
    try {
      return Base64.getDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw new BadCredentialsException("the signature is not base64");
    }
  }

  private static void checkCertificate(X509Certificate certificate) {
    try {
      certificate.checkValidity();
    } catch (GeneralSecurityException e) {
      throw new BadCredentialsException("the signing certificate is not valid now: " + e.getMessage());
    }
    if (!issuedByMicrosoft(certificate)) {
      throw new BadCredentialsException("the signing certificate is not issued by O=" + MICROSOFT_CORPORATION
          + ": " + certificate.getIssuerX500Principal().getName());
    }
  }

  private static boolean issuedByMicrosoft(X509Certificate certificate) {
    try {
      for (Rdn rdn : new LdapName(certificate.getIssuerX500Principal().getName()).getRdns()) {
        if ("O".equalsIgnoreCase(rdn.getType()) && MICROSOFT_CORPORATION.equals(String.valueOf(rdn.getValue()))) {
          return true;
        }
      }
      return false;
    } catch (InvalidNameException e) {
      return false;
    }
  }
}
