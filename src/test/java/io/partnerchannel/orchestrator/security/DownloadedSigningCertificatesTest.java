package io.partnerchannel.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.partnerchannel.orchestrator.support.TestCertificates;
import io.partnerchannel.orchestrator.support.TestCertificates.SigningKey;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.client.RestClient;

/** Downloads the signing certificate once, keeps it, and does not follow redirects. */
class DownloadedSigningCertificatesTest {

  static final SigningKey KEY = TestCertificates.selfSigned("CN=pcnotifications-dispatch.test, O=Microsoft Corporation");

  HttpServer server;
  final AtomicInteger certificateRequests = new AtomicInteger();
  final DownloadedSigningCertificates certificates = new DownloadedSigningCertificates(RestClient.builder());

  @BeforeEach
  void serveCertificates() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/signing.cer", exchange -> {
      certificateRequests.incrementAndGet();
      byte[] der;
      try {
        der = KEY.certificate().getEncoded();
      } catch (java.security.cert.CertificateEncodingException e) {
        throw new IOException(e);
      }
      exchange.sendResponseHeaders(200, der.length);
      exchange.getResponseBody().write(der);
      exchange.close();
    });
    server.createContext("/moved.cer", exchange -> {
      exchange.getResponseHeaders().add("Location", "/signing.cer");
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });
    server.createContext("/garbage.cer", exchange -> {
      byte[] text = "not a certificate".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, text.length);
      exchange.getResponseBody().write(text);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void downloadsACertificateOnceAndKeepsIt() {
    assertThat(certificates.certificate(url("/signing.cer"))).isEqualTo(KEY.certificate());
    assertThat(certificates.certificate(url("/signing.cer"))).isEqualTo(KEY.certificate());
    assertThat(certificateRequests).hasValue(1);
  }

  @Test
  void refusesRedirectsAndWhatIsNoCertificate() {
    assertThatThrownBy(() -> certificates.certificate(url("/moved.cer"))).isInstanceOf(BadCredentialsException.class);
    assertThat(certificateRequests).as("the redirect was not followed").hasValue(0);
    assertThatThrownBy(() -> certificates.certificate(url("/garbage.cer"))).isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> certificates.certificate(url("/missing.cer"))).isInstanceOf(BadCredentialsException.class);
  }
}
