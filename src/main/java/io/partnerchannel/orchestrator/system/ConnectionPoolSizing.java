package io.partnerchannel.orchestrator.system;

import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Connection pool sizes derived from the job executor's threads (docs/operations.md "What to size"), so no pool can be
 * exhausted by the job threads alone: the application's pool ({@code spring.datasource.hikari.maximum-pool-size},
 * when not set) holds one connection per job thread (a job holds one for its whole transaction) plus
 * {@link DatabaseProperties#requestConnections()} for REST requests, the event inbox and the scheduled work.
 * Other pools on the same database (the sandbox's) size themselves from {@link #jobThreads()}.
 *
 * @param jobThreads {@code camunda.bpm.job-execution.max-pool-size} (Camunda's default 10)
 * @param requestConnections {@code pco.database.request-connections}
 */
public record ConnectionPoolSizing(int jobThreads, int requestConnections) {

  /**
   * Read with a {@link Binder}, because pools are sized while the beans are being created (a bean post-processor,
   * the sandbox's pool), before configuration-properties beans may be injected there.
   *
   * @param environment the application's configuration
   * @return the sizing of that configuration
   */
  public static ConnectionPoolSizing of(Environment environment) {
    Binder binder = Binder.get(environment);
    return new ConnectionPoolSizing(
        binder.bind("camunda.bpm.job-execution.max-pool-size", Integer.class)
            .orElse(new JobExecutionProperty().getMaxPoolSize()),
        // as @ConfigurationProperties binds: the documented but empty "pco.database:" of application.yaml is no value
        binder.bindOrCreate("pco.database", Bindable.of(DatabaseProperties.class)
            .withBindRestrictions(Bindable.BindRestriction.NO_DIRECT_PROPERTY)).requestConnections());
  }

  /** @return maximum connections of the application's pool: job threads + request connections */
  public int application() {
    return jobThreads + requestConnections;
  }
}
