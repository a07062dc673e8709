package io.partnerchannel.orchestrator.partnercenter.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import io.partnerchannel.orchestrator.system.LocalServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
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
 * <p>When an event is sent: right after the transaction that queued it commits ({@link SandboxEventQueue.Queued},
 * at once when it was queued outside a transaction, never when that transaction rolls back), one of the sender
 * threads makes its first attempt; the request that raised the event does not wait for it
 * ({@code pco.sandbox.event-delivery-immediate}, default true, off in the {@code test} profile). Every
 * {@code pco.sandbox.event-delivery-interval} (default {@code PT2S}) when scheduling is on
 * ({@code pco.scheduling.enabled}) a run POSTs whatever else is due, up to {@value #BATCH} events: retries after
 * their backoff, events the senders had no room for (more than {@value #WAITING} waiting), events queued on
 * another node or before this bean existed. Tests call {@link #deliverDue()} themselves.
 *
 * <p>Safe with several application nodes on one database and with both paths at once: every attempt first claims
 * its event ({@link SandboxEventQueue#claim}), so two attempts never POST the same event at the same time; an event
 * whose dispatcher died mid-attempt is due again once the claim's {@link #CLAIM} lease has passed.
 *
 * <p>Up to {@code pco.sandbox.event-delivery-concurrency} events (default 1) are POSTed at the same time, on this
 * bean's sender threads, as Partner Center does not wait for one webhook before sending the next. "Now" (which
 * events are due, when a retry is) is read from a {@link Clock} bean if there is one, else the system's.
 */
@Component
@SandboxConfiguration
public class SandboxEventDelivery implements DisposableBean, SchedulingConfigurer {

  private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
  private static final Duration MAX_RETRY = Duration.ofMinutes(10);
  /** How long an attempt holds its event: longer than connect (5 s) plus read (30 s) timeout. */
  static final Duration CLAIM = Duration.ofSeconds(60);
  /** The most events one delivery run takes. */
  static final int BATCH = 20;
  /** Attempts that may wait for a sender thread; beyond, an event waits for the next delivery run. */
  static final int WAITING = 100;
  private static final Logger LOG = LoggerFactory.getLogger(SandboxEventDelivery.class);

  private final SandboxEventQueue queue;
  private final SandboxProperties properties;
  private final LocalServer localServer;
  private final RestClient restClient;
  private final EventSharedSecret secret;
  private final ThreadPoolTaskExecutor senders;
  private final Clock clock;

  /**
   * @param queue the delivery queue
   * @param properties the webhook URL, the interval, the concurrency of deliveries and whether they are immediate
   * @param localServer resolves a webhook URL on this application at delivery time (the port is known only then)
   * @param restClientBuilder builds the HTTP client
   * @param secret the secret the event endpoint verifies
   * @param clock a {@link Clock} bean if there is one, else the system's
   */
  @Autowired
  public SandboxEventDelivery(
      SandboxEventQueue queue,
      SandboxProperties properties,
      LocalServer localServer,
      RestClient.Builder restClientBuilder,
      EventSharedSecret secret,
      ObjectProvider<Clock> clock) {
    this(queue, properties, localServer, restClientBuilder, secret, clock.getIfAvailable(Clock::systemUTC));
  }

  SandboxEventDelivery(
      SandboxEventQueue queue,
      SandboxProperties properties,
      LocalServer localServer,
      RestClient.Builder restClientBuilder,
      EventSharedSecret secret,
      Clock clock) {
    this.queue = queue;
    this.properties = properties;
    this.localServer = localServer;
    this.secret = secret;
    this.clock = clock;
    this.senders = new ThreadPoolTaskExecutor();
    senders.setCorePoolSize(properties.eventDeliveryConcurrency());
    senders.setMaxPoolSize(properties.eventDeliveryConcurrency());
    senders.setQueueCapacity(WAITING);
    senders.setAllowCoreThreadTimeOut(true); // threads start on the first event and end when idle for a minute
    senders.setThreadNamePrefix("sandbox-event-delivery-");
    senders.setDaemon(true);
    senders.initialize();
    SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
    requestFactory.setConnectTimeout(Duration.ofSeconds(5));
    requestFactory.setReadTimeout(Duration.ofSeconds(30));
    this.restClient = restClientBuilder.clone().requestFactory(requestFactory).build();
  }

  /** Scheduled every {@code pco.sandbox.event-delivery-interval} when scheduling is on: delivers what is due. */
  @Override
  public void configureTasks(ScheduledTaskRegistrar tasks) {
    Duration interval = properties.eventDeliveryInterval();
    tasks.addFixedDelayTask(new FixedDelayTask(this::deliverDue, interval, interval));
  }

  /**
   * Once the transaction that queued an event has committed (at once when there was none), hands it to a sender
   * thread when {@code pco.sandbox.event-delivery-immediate} is on.
   *
   * @param queued the event just queued
   */
  @TransactionalEventListener(fallbackExecution = true)
  void queued(SandboxEventQueue.Queued queued) {
    if (properties.eventDeliveryImmediate()) {
      send(queued.delivery());
    }
  }

  /**
   * Hands one queued event to a sender thread, which claims it, POSTs it to {@code pco.sandbox.webhook-url} and
   * records the outcome. Never waits and never throws: when the senders are busy ({@value #WAITING} attempts
   * waiting) or shut down, the event is left to the next delivery run.
   *
   * @param delivery the event, as queued (its attempts so far decide the backoff should this attempt fail)
   * @return whether a sender took it
   */
  boolean send(SandboxEventQueue.Delivery delivery) {
    try {
      senders.execute(() -> {
        try {
          attempt(webhookUrl(), delivery);
        } catch (RuntimeException e) {
          LOG.warn("Sandbox event {} {} not sent now, left to the next delivery run: {}", delivery.eventName(),
              delivery.resourceUri(), e.toString());
        }
      });
      return true;
    } catch (TaskRejectedException e) {
      LOG.debug("Sandbox event {} {} left to the next delivery run: senders busy or stopped", delivery.eventName(),
          delivery.resourceUri());
      return false;
    }
  }

  /**
   * POSTs every pending event that is due to {@code pco.sandbox.webhook-url}.
   *
   * @return the number of events delivered (acknowledged with 2xx) by this call
   */
  public int deliverDue() {
    return deliverDue(webhookUrl());
  }

  /**
   * POSTs up to {@value #BATCH} pending events that are due to the given URL, on the sender threads (in queue
   * order when there is one), and waits for their outcome; events another attempt has claimed meanwhile are left
   * to it, events the senders have no room for to the next call.
   *
   * @param url the webhook endpoint
   * @return the number of events delivered (acknowledged with 2xx) by this call
   */
  public int deliverDue(String url) {
    List<Future<Boolean>> attempts = new ArrayList<>();
    for (SandboxEventQueue.Delivery delivery : queue.due(now(), BATCH)) {
      try {
        attempts.add(senders.submit(() -> attempt(url, delivery)));
      } catch (TaskRejectedException e) {
        break; // senders busy or stopped: the rest stays due
      }
    }
    int delivered = 0;
    for (Future<Boolean> attempt : attempts) {
      try {
        delivered += attempt.get() ? 1 : 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return delivered;
      } catch (CancellationException e) {
        // shut down before the attempt started: the event stays due
      } catch (ExecutionException e) {
        throw new IllegalStateException("Sandbox event delivery failed", e.getCause());
      }
    }
    return delivered;
  }

  /** Claims the event, POSTs it once and records the outcome; false when claimed elsewhere or not acknowledged. */
  private boolean attempt(String url, SandboxEventQueue.Delivery delivery) {
    OffsetDateTime claimed = now();
    if (!queue.claim(delivery.id(), claimed, claimed.plus(CLAIM))) {
      return false; // delivered or being delivered by another dispatcher
    }
    try {
      restClient.post()
          .uri(url)
          .contentType(MediaType.APPLICATION_JSON)
          .header(EventSharedSecret.HEADER, secret.value())
          .body(delivery.body())
          .retrieve()
          .toBodilessEntity();
      queue.markDelivered(delivery.id(), now());
      LOG.debug("Delivered sandbox event {} {} to {}", delivery.eventName(), delivery.resourceUri(), url);
      return true;
    } catch (RestClientException e) {
      Duration backoff = backoff(delivery.attempts() + 1);
      queue.markFailed(delivery.id(), now().plus(backoff), e.getMessage());
      LOG.info(
          "Sandbox event {} {} not delivered to {} (attempt {}), retrying in {}: {}",
          delivery.eventName(), delivery.resourceUri(), url, delivery.attempts() + 1, backoff, e.getMessage());
      return false;
    }
  }

  /** Stops the sender threads: attempts not started yet are dropped, their events stay due. */
  @Override
  public void destroy() {
    senders.shutdown();
  }

  /** @return where events are POSTed, resolved now */
  public String webhookUrl() {
    return localServer.resolve(properties.webhookUrl());
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

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
  }
}
