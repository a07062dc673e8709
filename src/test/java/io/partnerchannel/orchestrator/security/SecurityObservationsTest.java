package io.partnerchannel.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.partnerchannel.orchestrator.support.ProcessTest;
import io.partnerchannel.orchestrator.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Spring Security's per-filter, authentication and authorization observations are off
 * ({@link MetricsSecurityConfiguration#securityObservationSettings()}); requests are still timed and still
 * authenticated and authorized.
 */
@ProcessTest
class SecurityObservationsTest {

  @Autowired MeterRegistry meters;
  @LocalServerPort int port;

  @Test
  void requestsAreTimedButNotEachSecurityFilterAuthenticationOrAuthorization() {
    assertThat(TestUsers.http(port, TestUsers.SALES_AGENT).get().uri("/api/invitations/no-such-invitation")
        .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
    assertThat(TestUsers.http(port, TestUsers.SALES_AGENT).get().uri(MetricsSecurityConfiguration.PROMETHEUS_PATH)
        .retrieve().toBodilessEntity().getStatusCode().value()).as("authorization still applies").isEqualTo(403);
    assertThat(TestUsers.anonymous(port).get().uri("/api/invitations/no-such-invitation").retrieve().toBodilessEntity().getStatusCode()
        .value()).as("authentication still applies").isEqualTo(401);

    assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
    assertThat(meters.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("spring.security."));
  }
}
