package io.partnerchannel.orchestrator.partnercenter.sandbox;

import io.partnerchannel.orchestrator.security.EventSharedSecret;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Delivers queued sandbox events the way Partner Center delivers webhooks (A16): asynchronously, as an
 * HTTP POST of {@code {EventName, ResourceUri, ResourceName, AuditUri, ResourceChangeUtcDate}} to the
 * one configured URL {@code pco.sandbox.webhook-url} (default: this application's
 * {@code /api/partner-center/events}). An event is marked delivered on a 2xx answer; otherwise it is
 * retried with exponential backoff (5 s, 10 s, 20 s, ... capped at 10 minutes) until it is. Each POST
 * carries the {@link EventSharedSecret} in {@value EventSharedSecret#HEADER}, as Partner Center signs its
 * callbacks, so the event endpoint can tell the sandbox's events from forged ones.
 *
 * <p>Runs every 2 seconds when scheduling is on ({@code pco.scheduling.enabled}); tests call
 * {@link #deliverDue()} themselves.
 */
@Component
@SandboxConfiguration
public class SandboxEventDelivery {

  /** Property naming where events are POSTed. */
  public static final String WEBHOOK_URL_PROPERTY = "pco.sandbox.webhook-url";
  private static final String DEFAULT_WEBHOOK_URL =
      "http://localhost:${local.server.port:${server.port:8080}}/api/partner-center/events";
  private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
  private static final Duration MAX_RETRY = Duration.ofMinutes(10);
  private static final int BATCH = 20;
  private static final Logger LOG = LoggerFactory.getLogger(SandboxEventDelivery.class);

  private final SandboxEventQueue queue;
  private final Environment environment;
  private final RestClient restClient;
  private final EventSharedSecret secret;

  /**
   * @param queue the delivery queue
   * @param environment resolves the webhook URL at delivery time (the local port is known only then)
   * @param restClientBuilder builds the HTTP client
   * @param secret the secret the event endpoint verifies
   */
  public SandboxEventDelivery(
      SandboxEventQueue queue, Environment environment, RestClient.Builder restClientBuilder, EventSharedSecret secret) {
    this.queue = queue;
    this.environment = environment;
    this.secret = secret;
    SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
    requestFactory.setConnectTimeout(Duration.ofSeconds(5));
    requestFactory.setReadTimeout(Duration.ofSeconds(30));
    this.restClient = restClientBuilder.clone().requestFactory(requestFactory).build();
  }

  /** Scheduled entry point: delivers what is due. */
  @Scheduled(fixedDelay = 2000, initialDelay = 2000)
  public void deliverScheduled() {
    deliverDue();
  }

  /**
   * POSTs every pending event that is due, in queue order, to {@code pco.sandbox.webhook-url}.
   *
   * @return the number of events delivered (acknowledged with 2xx) by this call
   */
  public int deliverDue() {
    return deliverDue(webhookUrl());
  }

  /**
   * POSTs every pending event that is due, in queue order, to the given URL.
   *
   * @param url the webhook endpoint
   * @return the number of events delivered (acknowledged with 2xx) by this call
   */
  public int deliverDue(String url) {
    int delivered = 0;
    for (SandboxEventQueue.Delivery delivery : queue.due(now(), BATCH)) {
      try {
        restClient.post()
            .uri(url)
            .contentType(MediaType.APPLICATION_JSON)
            .header(EventSharedSecret.HEADER, secret.value())
            .body(delivery.body())
            .retrieve()
            .toBodilessEntity();
        queue.markDelivered(delivery.id(), now());
        delivered++;
        LOG.debug("Delivered sandbox event {} {} to {}", delivery.eventName(), delivery.resourceUri(), url);
      } catch (RestClientException e) {
        Duration backoff = backoff(delivery.attempts() + 1);
        queue.markFailed(delivery.id(), now().plus(backoff), e.getMessage());
        LOG.info(
            "Sandbox event {} {} not delivered to {} (attempt {}), retrying in {}: {}",
            delivery.eventName(), delivery.resourceUri(), url, delivery.attempts() + 1, backoff, e.getMessage());
      }
    }
    return delivered;
  }

  /** @return where events are POSTed, resolved now */
  public String webhookUrl() {
    return environment.getProperty(WEBHOOK_URL_PROPERTY, environment.resolvePlaceholders(DEFAULT_WEBHOOK_URL));
  }

  /**
   * @param attempts failed attempts so far (≥ 1)
   * @return the wait before the next attempt
   */
  static Duration backoff(int attempts) {
    int doublings = Math.min(attempts - 1, 16);
    Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
    return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
  }
}
