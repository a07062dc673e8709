package io.partnerchannel.orchestrator.partnercenter.sandbox;

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
 * retried with exponential backoff (5 s, 10 s, 20 s, ... capped at 10 minutes) until it is.
 *
 * <p>Safe with several application nodes on one database: every attempt first claims its event
 * ({@link SandboxEventQueue#claim}), so two dispatchers never POST the same event at the same time; an event
 * whose dispatcher died mid-attempt is due again once the claim's {@link #CLAIM} lease has passed.
 *
 * <p>Runs every {@code pco.sandbox.event-delivery-interval} (default {@code PT2S}) when scheduling is on
 * ({@code pco.scheduling.enabled}); tests call {@link #deliverDue()} themselves.
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
  /** How long an attempt holds its event: longer than connect (5 s) plus read (30 s) timeout. */
  static final Duration CLAIM = Duration.ofSeconds(60);
  private static final int BATCH = 20;
  private static final Logger LOG = LoggerFactory.getLogger(SandboxEventDelivery.class);

  private final SandboxEventQueue queue;
  private final Environment environment;
  private final RestClient restClient;

  /**
   * @param queue the delivery queue
   * @param environment resolves the webhook URL at delivery time (the local port is known only then)
   * @param restClientBuilder builds the HTTP client
   */
  public SandboxEventDelivery(
      SandboxEventQueue queue, Environment environment, RestClient.Builder restClientBuilder) {
    this.queue = queue;
    this.environment = environment;
    SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
    requestFactory.setConnectTimeout(Duration.ofSeconds(5));
    requestFactory.setReadTimeout(Duration.ofSeconds(30));
    this.restClient = restClientBuilder.clone().requestFactory(requestFactory).build();
  }

  /** Scheduled entry point: delivers what is due. */
  @Scheduled(
      fixedDelayString = "${pco.sandbox.event-delivery-interval:PT2S}",
      initialDelayString = "${pco.sandbox.event-delivery-interval:PT2S}")
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
   * POSTs every pending event that is due, in queue order, to the given URL; events another dispatcher
   * has claimed meanwhile are left to it.
   *
   * @param url the webhook endpoint
   * @return the number of events delivered (acknowledged with 2xx) by this call
   */
  public int deliverDue(String url) {
    int delivered = 0;
    for (SandboxEventQueue.Delivery delivery : queue.due(now(), BATCH)) {
      OffsetDateTime now = now();
      if (!queue.claim(delivery.id(), now, now.plus(CLAIM))) {
        continue; // delivered or being delivered by another dispatcher
      }
      try {
        restClient.post()
            .uri(url)
            .contentType(MediaType.APPLICATION_JSON)
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
