package io.partnerchannel.orchestrator.events;

import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Where received events are correlated. The {@link EventCorrelator}s themselves are published by the feature
 * whose process waits for the event (e.g. {@code invitation.InvitationEventCorrelatorConfiguration},
 * {@code gdap.GdapEventCorrelatorConfiguration}), together with the {@link EventMessages} they raise.
 */
@Configuration(proxyBeanMethods = false)
class EventCorrelatorConfiguration {

  /** Name of the executor received events are correlated on. */
  static final String EXECUTOR = "eventCorrelationExecutor";

  /**
   * @param events {@code pco.events.*}, of which {@code correlation.*}
   * @return where received events are correlated: {@code threads} threads and a queue of {@code queue} events
   *     (a full queue leaves the event to the retry); {@code threads = 0}: in the receiving thread, before the
   *     webhook is answered
   */
  @Bean(name = EXECUTOR)
  Executor eventCorrelationExecutor(EventsProperties events) {
    EventsProperties.Correlation properties = events.correlation();
    if (properties.threads() == 0) {
      return new SyncTaskExecutor();
    }
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(properties.threads());
    executor.setMaxPoolSize(properties.threads());
    executor.setQueueCapacity(properties.queue());
    executor.setThreadNamePrefix("event-correlation-");
    executor.setRejectedExecutionHandler(new ThreadPoolExecutor.AbortPolicy());
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(10);
    executor.initialize();
    return executor;
  }
}
