package io.partnerchannel.orchestrator.system;

import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Connection pool sizes derived from the job executor's threads (README "What to size"), so neither pool can be
 * exhausted by the job threads alone:
 * <ul>
 *   <li>the application's pool ({@code spring.datasource.hikari.maximum-pool-size}, when not set): one connection
 *       per job thread (a job holds one for its whole transaction) plus {@code pco.database.request-connections}
 *       (default 10) for REST requests, the event inbox and the scheduled work;</li>
 *   <li>the sandbox's own pool ({@code pco.sandbox.datasource.hikari.maximum-pool-size}, when not set): one per
 *       job thread (each job makes at most one Partner Center call at a time, answered by the sandbox while the
 *       job holds its application connection), one per concurrent event delivery
 *       ({@code pco.sandbox.event-delivery-concurrency}) and {@value #SANDBOX_CLIENT_CONNECTIONS} for the admin
 *       center's pages and scripts.</li>
 * </ul>
 *
 * @param jobThreads {@code camunda.bpm.job-execution.max-pool-size} (Camunda's default 10)
 * @param requestConnections {@code pco.database.request-connections} (default 10)
 * @param eventDeliveryConcurrency {@code pco.sandbox.event-delivery-concurrency} (default 1)
 */
public record ConnectionPoolSizing(int jobThreads, int requestConnections, int eventDeliveryConcurrency) {

  /** Connections of the sandbox's pool for the admin center (customers accepting, approving). */
  public static final int SANDBOX_CLIENT_CONNECTIONS = 2;
  /** Default of {@code pco.database.request-connections}. */
  public static final int DEFAULT_REQUEST_CONNECTIONS = 10;

  /**
   * @param environment the application's configuration
   * @return the sizing of that configuration
   */
  public static ConnectionPoolSizing of(Environment environment) {
    Binder binder = Binder.get(environment);
    return new ConnectionPoolSizing(
        binder.bind("camunda.bpm.job-execution.max-pool-size", Integer.class)
            .orElse(new JobExecutionProperty().getMaxPoolSize()),
        binder.bind("pco.database.request-connections", Integer.class).orElse(DEFAULT_REQUEST_CONNECTIONS),
        binder.bind("pco.sandbox.event-delivery-concurrency", Integer.class).orElse(1));
  }

  /** @return maximum connections of the application's pool: job threads + request connections */
  public int application() {
    return jobThreads + requestConnections;
  }

  /** @return maximum connections of the sandbox's pool: job threads + event deliveries + admin center */
  public int sandbox() {
    return jobThreads + eventDeliveryConcurrency + SANDBOX_CLIENT_CONNECTIONS;
  }
}
