package io.partnerchannel.orchestrator.partnercenter.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The transport of every Partner Center / Graph call ({@link PartnerCenterHttp#requestFactory}, Apache HttpClient 5)
 * against a WireMock server: PATCH is sent (Partner Center and Graph update by PATCH), a redirect is answered to the
 * caller instead of followed (the bearer token never goes where Partner Center did not send us), a failed call is
 * sent once (retries are the throttling interceptor's and the engine's), the read timeout ends a call that gets no
 * answer, and a kept-alive connection the server closed while it was idle is not used again.
 */
class PartnerCenterHttpTest {

  private static final WireMockServer SERVER = new WireMockServer(options().dynamicPort());

  private final RestClient client = RestClient.builder()
      .baseUrl(SERVER.baseUrl())
      .requestFactory(PartnerCenterHttp.requestFactory(Duration.ofSeconds(5), Duration.ofMillis(500)))
      .build();

  @BeforeAll
  static void start() {
    SERVER.start();
  }

  @AfterAll
  static void stop() {
    SERVER.stop();
  }

  @BeforeEach
  void reset() {
    SERVER.resetAll();
  }

  @Test
  void patchIsSentWithItsBody() {
    SERVER.stubFor(patch(urlPathEqualTo("/v1/customers/c-1")).willReturn(okJson("{\"id\": \"c-1\"}")));

    String answer = client.patch().uri("/v1/customers/c-1").contentType(MediaType.APPLICATION_JSON)
        .body("{\"billingProfile\": {}}").retrieve().body(String.class);

    assertThat(answer).contains("\"c-1\"");
    SERVER.verify(1, patchRequestedFor(urlPathEqualTo("/v1/customers/c-1")));
  }

  @Test
  void aRedirectIsAnsweredToTheCallerNotFollowed() {
    SERVER.stubFor(get(urlPathEqualTo("/v1/profiles/legalbusiness"))
        .willReturn(aResponse().withStatus(302).withHeader("Location", SERVER.baseUrl() + "/elsewhere")));
    SERVER.stubFor(get(urlPathEqualTo("/elsewhere")).willReturn(okJson("{}")));

    HttpStatus status = HttpStatus.valueOf(
        client.get().uri("/v1/profiles/legalbusiness").retrieve().toBodilessEntity().getStatusCode().value());

    assertThat(status).isEqualTo(HttpStatus.FOUND);
    SERVER.verify(0, getRequestedFor(urlPathEqualTo("/elsewhere")));
  }

  @Test
  void aServiceUnavailableAnswerIsSentOnceByTheTransport() {
    SERVER.stubFor(get(urlPathEqualTo("/v1/profiles/legalbusiness"))
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));

    assertThatThrownBy(() -> client.get().uri("/v1/profiles/legalbusiness").retrieve().toBodilessEntity())
        .isInstanceOf(HttpServerErrorException.ServiceUnavailable.class);
    SERVER.verify(1, getRequestedFor(urlPathEqualTo("/v1/profiles/legalbusiness")));
  }

  @Test
  void aConnectionTheServerClosedWhileIdleIsNotUsedAgain() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AtomicInteger connections = new AtomicInteger();
      Thread accepting = new Thread(() -> {
        while (!server.isClosed()) {
          try (Socket connection = server.accept()) {
            connections.incrementAndGet();
            // one answer on a kept-alive connection, then the server closes it while the client keeps it idle
            readRequestHead(connection.getInputStream());
            connection.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
            connection.getOutputStream().flush();
            Thread.sleep(200);
          } catch (IOException | InterruptedException e) {
            return;
          }
        }
      });
      accepting.setDaemon(true);
      accepting.start();
      RestClient local = RestClient.builder().baseUrl("http://localhost:" + server.getLocalPort())
          .requestFactory(PartnerCenterHttp.requestFactory(Duration.ofSeconds(5), Duration.ofSeconds(5))).build();

      assertThat(local.get().uri("/v1/profiles/legalbusiness").retrieve().body(String.class)).isEqualTo("{}");
      // idle longer than Apache's validate-after-inactivity (2 s): the pool checks the connection and finds it closed
      Thread.sleep(3_000);
      assertThat(local.get().uri("/v1/profiles/legalbusiness").retrieve().body(String.class)).isEqualTo("{}");
      assertThat(connections).hasValue(2);
    }
  }

  private static void readRequestHead(InputStream in) throws IOException {
    int last4 = 0;
    int b;
    while ((b = in.read()) != -1) {
      last4 = (last4 << 8) | b;
      if (last4 == 0x0D0A0D0A) {
        return;
      }
    }
  }

  @Test
  void theReadTimeoutEndsACallThatGetsNoAnswer() {
    SERVER.stubFor(get(urlPathEqualTo("/v1/profiles/legalbusiness")).willReturn(okJson("{}").withFixedDelay(5_000)));

    assertThatThrownBy(() -> client.get().uri("/v1/profiles/legalbusiness").retrieve().toBodilessEntity())
        .isInstanceOf(ResourceAccessException.class);
    SERVER.verify(1, getRequestedFor(urlPathEqualTo("/v1/profiles/legalbusiness")));
  }
}
