package io.partnerchannel.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.events.EventInboxRepository;
import io.partnerchannel.orchestrator.support.TestCertificates;
import io.partnerchannel.orchestrator.support.TestCertificates.SigningKey;
import io.partnerchannel.orchestrator.partnercenter.sandbox.EventSharedSecret;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code partner-center} mode: the event endpoint takes only events signed as Partner Center signs them.
 * The test's "Partner Center" certificate is served for one URL on Partner Center's host (the download is
 * replaced, nothing leaves the machine); forged signatures and certificates from elsewhere get 401 and
 * nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("partner-center-test")
class SignedPartnerCenterEventTest {

  static final String CERTIFICATE_URL = "https://api.partnercenter.microsoft.com/webhooks/certs/signing.cer";
  static final SigningKey PARTNER_CENTER =
      TestCertificates.selfSigned("CN=pcnotifications-dispatch.test, O=Microsoft Corporation, C=US");
  static final SigningKey FORGER =
      TestCertificates.selfSigned("CN=pcnotifications-dispatch.test, O=Microsoft Corporation, C=US");
  static final List<URI> REQUESTED = new CopyOnWriteArrayList<>();

  @TestConfiguration
  static class PartnerCenterCertificate {
    @Bean
    @Primary
    SigningCertificates servedCertificate() {
      return url -> {
        REQUESTED.add(url);
        if (!url.toString().equals(CERTIFICATE_URL)) {
          throw new BadCredentialsException("404 at " + url);
        }
        return PARTNER_CENTER.certificate();
      };
    }
  }

  @LocalServerPort int port;
  @Autowired EventInboxRepository inbox;

  static byte[] event(String resourceUri) {
    return """
        {"EventName":"reseller-relationship-accepted-by-customer","ResourceUri":"%s","ResourceName":"customer",\
        "AuditUri":null,"ResourceChangeUtcDate":"2025-06-02T10:15:30Z"}""".formatted(resourceUri)
        .getBytes(StandardCharsets.UTF_8);
  }

  long stored(String resourceUri) {
    return inbox.findByResourceUri(resourceUri).size();
  }

  ResponseEntity<JsonNode> deliver(byte[] body, String signature, String certificateUrl) {
    return TestUsers.anonymous(port).post().uri("/api/partner-center/events")
        .contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.AUTHORIZATION, "Signature " + signature)
        .header("x-ms-certificate-url", certificateUrl)
        .header("X-MS-Signature-Algorithm", "rsa-sha256")
        .body(body)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  @Test
  void anEventSignedByPartnerCenterIsStored() {
    String resourceUri = "/v1/customers/" + UUID.randomUUID();
    byte[] body = event(resourceUri);

    ResponseEntity<JsonNode> answer = deliver(body, PARTNER_CENTER.sign(body), CERTIFICATE_URL);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(stored(resourceUri)).isOne();
  }

  @Test
  void forgedEventsAreRefusedAndNotStored() {
    String resourceUri = "/v1/customers/" + UUID.randomUUID();
    byte[] body = event(resourceUri);
    REQUESTED.clear();

    ResponseEntity<JsonNode> forgedSignature = deliver(body, FORGER.sign(body), CERTIFICATE_URL);
    ResponseEntity<JsonNode> ownCertificateElsewhere =
        deliver(body, FORGER.sign(body), "https://certs.fabrikam.example/partnercenter.cer");
    ResponseEntity<JsonNode> altered = deliver(event(resourceUri + "0"), PARTNER_CENTER.sign(body), CERTIFICATE_URL);
    ResponseEntity<JsonNode> sandboxSecret = TestUsers.anonymous(port).post().uri("/api/partner-center/events")
        .contentType(MediaType.APPLICATION_JSON).header(EventSharedSecret.HEADER, "anything").body(body)
        .retrieve().toEntity(JsonNode.class);

    for (ResponseEntity<JsonNode> answer : List.of(forgedSignature, ownCertificateElsewhere, altered, sandboxSecret)) {
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(REQUESTED).as("the certificate from another host was never fetched").containsOnly(URI.create(CERTIFICATE_URL));
    assertThat(stored(resourceUri)).isZero();
    assertThat(stored(resourceUri + "0")).isZero();
  }
}
