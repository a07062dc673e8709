package io.partnerchannel.orchestrator.partnercenter.sandbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only webhook endpoint ({@code POST /test/sandbox-webhook}) that records what the sandbox delivers and
 * answers 503 for a set number of calls before answering 200, to exercise delivery retries. It records the
 * shared secret header too, and is open to anonymous POSTs (its own filter chain). It can answer slowly, to
 * make concurrent deliveries overlap.
 */
@RestController
class SandboxWebhookRecorder {

  /** Path of the endpoint. */
  static final String PATH = "/test/sandbox-webhook";

  final List<String> received = new CopyOnWriteArrayList<>();
  final List<String> secrets = new CopyOnWriteArrayList<>();
  final AtomicInteger failuresLeft = new AtomicInteger();
  /** Milliseconds each call takes before it answers, to let concurrent deliveries overlap. */
  final AtomicInteger delayMillis = new AtomicInteger();

  @Bean
  @Order(0)
  static SecurityFilterChain sandboxWebhookRecorderChain(HttpSecurity http) throws Exception {
    return http.securityMatcher(PATH)
        .csrf(csrf -> csrf.disable())
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .build();
  }

  @PostMapping(PATH)
  ResponseEntity<Void> receive(
      @RequestBody String body, @RequestHeader(name = EventSharedSecret.HEADER, required = false) String secret)
      throws InterruptedException {
    received.add(body);
    secrets.add(String.valueOf(secret));
    Thread.sleep(delayMillis.get());
    boolean fail = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    return ResponseEntity.status(fail ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK).build();
  }
}
