package io.partnerchannel.orchestrator.partnercenter.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox Partner Center ({@code pco.sandbox.*}, sandbox mode only). Its own connection pool is configured
 * under {@code pco.sandbox.datasource.hikari} ({@link SandboxDataSourceConfiguration}).
 *
 * @param webhookUrl where the sandbox POSTs Partner Center events: an absolute URL, or a path on this application
 *     resolved against its bound port at delivery time (default {@code /api/partner-center/events})
 * @param eventDeliveryInterval time between two delivery runs (default 2 s): the safety net that retries failed
 *     events and sends those no immediate attempt took
 * @param eventDeliveryConcurrency events POSTed at the same time (default 1, one after the other); at least 1
 * @param eventDeliveryImmediate whether an event is sent as soon as the transaction that queued it commits
 *     (default true; the {@code test} profile turns it off, so tests decide when events go out)
 * @param demoUserPassword password of the demo users ({@code sandbox/orchestrator-users.json}), which
 *     docs/security.md "Users and passwords" publishes (default {@code Partner!Demo1})
 */
@ConfigurationProperties("pco.sandbox")
record SandboxProperties(
    @DefaultValue("/api/partner-center/events") String webhookUrl,
    @DefaultValue("PT2S") Duration eventDeliveryInterval,
    @DefaultValue("1") int eventDeliveryConcurrency,
    @DefaultValue("true") boolean eventDeliveryImmediate,
    @DefaultValue("Partner!Demo1") String demoUserPassword) {

  /** Connections of the sandbox's pool for the admin center (customers accepting, approving). */
  static final int ADMIN_CENTER_CONNECTIONS = 2;

  /** Refuses a concurrency below 1. */
  public SandboxProperties {
    if (eventDeliveryConcurrency < 1) {
      throw new IllegalArgumentException("pco.sandbox.event-delivery-concurrency must be at least 1");
    }
  }

  /**
   * @param jobThreads the job executor's threads
   * @return the sandbox pool's size: one connection per job thread (each job makes at most one Partner Center call
   *     at a time, answered by the sandbox while the job holds its application connection), one per concurrent
   *     event delivery and {@value #ADMIN_CENTER_CONNECTIONS} for the admin center's pages and scripts
   */
  int poolSize(int jobThreads) {
    return jobThreads + eventDeliveryConcurrency + ADMIN_CENTER_CONNECTIONS;
  }
}
