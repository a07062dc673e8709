package io.partnerchannel.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerchannel.orchestrator.support.TestCertificates;
import io.partnerchannel.orchestrator.support.TestCertificates.SigningKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;

/** Partner Center's webhook signature (A16), with key pairs and certificates made for the test. */
class SignatureEventVerifierTest {

  static final String CERTIFICATE_URL = "https://api.partnercenter.microsoft.com/webhooks/certs/signing.cer";
  static final String DOCUMENTED_URL = "https://3psostorageacct.blob.core.windows.net/cert/pcnotifications-dispatch.microsoft.com.cer";
  static final String OTHER_ISSUER_URL = "https://api.partnercenter.microsoft.com/webhooks/certs/fabrikam.cer";
  static final String EXPIRED_URL = "https://api.partnercenter.microsoft.com/webhooks/certs/expired.cer";
  static final byte[] BODY = """
      {"EventName":"reseller-relationship-accepted-by-customer","ResourceUri":"/v1/customers/c0ffee00-0000-4000-8000-000000000001",\
      "ResourceName":"customer","AuditUri":null,"ResourceChangeUtcDate":"2025-06-02T10:15:30Z"}"""
      .getBytes(StandardCharsets.UTF_8);

  static SigningKey partnerCenter;
  static SigningKey forger;
  static SigningKey fabrikam;
  static SigningKey expired;

  final List<URI> downloaded = new ArrayList<>();
  final Map<URI, X509Certificate> served = new HashMap<>();
  final SignatureEventVerifier verifier = new SignatureEventVerifier(
      new EventVerificationProperties(null, List.of("*.partnercenter.microsoft.com", "3psostorageacct.blob.core.windows.net")),
      url -> {
        downloaded.add(url);
        X509Certificate certificate = served.get(url);
        if (certificate == null) {
          throw new BadCredentialsException("404 at " + url);
        }
        return certificate;
      });

  @BeforeAll
  static void makeKeys() {
    partnerCenter = TestCertificates.selfSigned("CN=pcnotifications-dispatch.test, O=Microsoft Corporation, C=US");
    forger = TestCertificates.selfSigned("CN=pcnotifications-dispatch.test, O=Microsoft Corporation, C=US");
    fabrikam = TestCertificates.selfSigned("CN=webhooks.fabrikam.test, O=Fabrikam, C=DE");
    expired = TestCertificates.selfSigned("CN=pcnotifications-dispatch.test, O=Microsoft Corporation, C=US", "-5d");
  }

  SignatureEventVerifierTest() {
    served.put(URI.create(CERTIFICATE_URL), partnerCenter.certificate());
    served.put(URI.create(DOCUMENTED_URL), partnerCenter.certificate());
    served.put(URI.create(OTHER_ISSUER_URL), fabrikam.certificate());
    served.put(URI.create(EXPIRED_URL), expired.certificate());
  }

  static HttpHeaders signed(String signature, String certificateUrl) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.AUTHORIZATION, "Signature " + signature);
    headers.set("X-MS-Certificate-Url", certificateUrl);
    headers.set("X-MS-Signature-Algorithm", "rsa-sha256");
    return headers;
  }

  @Test
  void acceptsTheBodySignedWithTheCertificatesKey() {
    assertThatCode(() -> verifier.verify(signed(partnerCenter.sign(BODY), CERTIFICATE_URL), BODY)).doesNotThrowAnyException();
    assertThatCode(() -> verifier.verify(signed(partnerCenter.sign(BODY), DOCUMENTED_URL), BODY)).doesNotThrowAnyException();

    HttpHeaders inMsSignatureHeader = signed("unused", CERTIFICATE_URL);
    inMsSignatureHeader.remove(HttpHeaders.AUTHORIZATION);
    inMsSignatureHeader.set("x-ms-signature", "Signature " + partnerCenter.sign(BODY));
    assertThatCode(() -> verifier.verify(inMsSignatureHeader, BODY)).doesNotThrowAnyException();
  }

  @Test
  void refusesAForgedOrAlteredEvent() {
    assertThatThrownBy(() -> verifier.verify(signed(forger.sign(BODY), CERTIFICATE_URL), BODY))
        .isInstanceOf(BadCredentialsException.class).hasMessageContaining("does not match");

    byte[] altered = new String(BODY, StandardCharsets.UTF_8).replace("000000000001", "000000000002")
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> verifier.verify(signed(partnerCenter.sign(BODY), CERTIFICATE_URL), altered))
        .isInstanceOf(BadCredentialsException.class).hasMessageContaining("does not match");
  }

  @Test
  void downloadsCertificatesOnlyOverHttpsFromPartnerCentersHosts() {
    for (String url : List.of(
        "https://certs.fabrikam.example/partnercenter.cer",
        "https://partnercenter.microsoft.com.fabrikam.example/signing.cer",
        "https://fakepartnercenter.microsoft.com/signing.cer",
        "http://api.partnercenter.microsoft.com/webhooks/certs/signing.cer",
        "https://api.partnercenter.microsoft.com:8443/webhooks/certs/signing.cer",
        "https://attacker@api.partnercenter.microsoft.com/webhooks/certs/signing.cer",
        "not a url")) {
      assertThatThrownBy(() -> verifier.verify(signed(forger.sign(BODY), url), BODY))
          .as(url).isInstanceOf(BadCredentialsException.class);
    }
    assertThat(downloaded).as("nothing fetched from an untrusted location").isEmpty();
  }

  @Test
  void refusesACertificateNotIssuedByMicrosoftOrExpired() {
    assertThatThrownBy(() -> verifier.verify(signed(fabrikam.sign(BODY), OTHER_ISSUER_URL), BODY))
        .isInstanceOf(BadCredentialsException.class).hasMessageContaining("not issued by O=Microsoft Corporation");
    assertThatThrownBy(() -> verifier.verify(signed(expired.sign(BODY), EXPIRED_URL), BODY))
        .isInstanceOf(BadCredentialsException.class).hasMessageContaining("not valid now");
  }

  @Test
  void refusesMissingHeadersAndOtherAlgorithms() {
    HttpHeaders noSignature = signed("x", CERTIFICATE_URL);
    noSignature.remove(HttpHeaders.AUTHORIZATION);
    assertThatThrownBy(() -> verifier.verify(noSignature, BODY)).isInstanceOf(BadCredentialsException.class);

    HttpHeaders basic = signed("x", CERTIFICATE_URL);
    basic.setBasicAuth("sales.agent", "Partner!Demo1");
    assertThatThrownBy(() -> verifier.verify(basic, BODY)).isInstanceOf(BadCredentialsException.class);

    HttpHeaders sha1 = signed(partnerCenter.sign(BODY), CERTIFICATE_URL);
    sha1.set("X-MS-Signature-Algorithm", "rsa-sha1");
    assertThatThrownBy(() -> verifier.verify(sha1, BODY)).isInstanceOf(BadCredentialsException.class);

    HttpHeaders noCertificate = signed(partnerCenter.sign(BODY), CERTIFICATE_URL);
    noCertificate.remove("X-MS-Certificate-Url");
    assertThatThrownBy(() -> verifier.verify(noCertificate, BODY)).isInstanceOf(BadCredentialsException.class);

    assertThatThrownBy(() -> verifier.verify(signed("%%% not base64", CERTIFICATE_URL), BODY))
        .isInstanceOf(BadCredentialsException.class);
  }
}
