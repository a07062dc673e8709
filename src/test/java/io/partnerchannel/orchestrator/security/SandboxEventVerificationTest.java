package io.partnerchannel.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.support.ProcessTest;
import io.partnerchannel.orchestrator.events.EventInboxRepository;
import io.partnerchannel.orchestrator.partnercenter.sandbox.EventSharedSecret;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Sandbox mode: {@code POST /api/partner-center/events} takes only events that carry the shared secret the
 * sandbox delivers with; anything else is 401 and stored nowhere. (That verified events are correlated is
 * shown by the invitation tests, which drive acceptance through the sandbox's real deliveries.)
 */
@ProcessTest
class SandboxEventVerificationTest {

  @LocalServerPort int port;
  @Autowired EventSharedSecret secret;
  @Autowired EventInboxRepository inbox;

  static String event(String resourceUri) {
    return """
        {"EventName": "reseller-relationship-accepted-by-customer", "ResourceUri": "%s", "ResourceName": "customer",
         "AuditUri": null, "ResourceChangeUtcDate": "2025-06-02T10:15:30Z"}""".formatted(resourceUri);
  }

  long stored(String resourceUri) {
    return inbox.findByResourceUri(resourceUri).size();
  }

  ResponseEntity<JsonNode> post(RestClient client, String resourceUri, String secretHeader) {
    RestClient.RequestBodySpec request = client.post().uri("/api/partner-center/events").contentType(MediaType.APPLICATION_JSON);
    if (secretHeader != null) {
      request.header(EventSharedSecret.HEADER, secretHeader);
    }
    return request.body(event(resourceUri)).retrieve().toEntity(JsonNode.class);
  }

  @Test
  void anEventWithoutTheSharedSecretIsRefusedAndNotStored() {
    String resourceUri = "/v1/customers/" + UUID.randomUUID();

    for (String forged : new String[] {null, "", "guessed", secret.value() + "x", secret.value().substring(1)}) {
      ResponseEntity<JsonNode> answer = post(TestUsers.anonymous(port), resourceUri, forged);
      assertThat(answer.getStatusCode()).as(String.valueOf(forged)).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    ResponseEntity<JsonNode> agentWithoutSecret = post(TestUsers.http(port), resourceUri, null);
    assertThat(agentWithoutSecret.getStatusCode()).as("a user's password does not make an event genuine")
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    assertThat(stored(resourceUri)).isZero();
  }

  @Test
  void anEventWithTheSharedSecretIsStored() {
    String resourceUri = "/v1/customers/" + UUID.randomUUID();

    ResponseEntity<JsonNode> answer = post(TestUsers.anonymous(port), resourceUri, secret.value());

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(answer.getBody().path("id").asText()).isNotBlank();
    assertThat(stored(resourceUri)).isOne();
  }

  @Test
  void theGeneratedSecretIsLongAndRandom() {
    EventVerificationProperties unset = new EventVerificationProperties(null, List.of());
    EventSharedSecret one = new EventSharedSecret(unset);
    EventSharedSecret other = new EventSharedSecret(unset);

    assertThat(one.value()).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(other.value());
    assertThat(new EventSharedSecret(new EventVerificationProperties("configured", List.of())).value())
        .isEqualTo("configured");
  }
}
