package io.partnerchannel.orchestrator.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pco.events.*} of the event inbox: when received Partner Center events are retried and where they are
 * correlated (docs/performance.md). The signature keys under {@code pco.events} belong to {@code security}.
 *
 * @param retryInterval how long the inbox waits between two retries of the events not yet correlated (default 30 s)
 * @param correlation {@code pco.events.correlation.*}
 */
@ConfigurationProperties("pco.events")
record EventsProperties(@DefaultValue("PT30S") Duration retryInterval, @DefaultValue Correlation correlation) {

  /**
   * @param threads threads that correlate received events after the webhook was answered (default 4: a correlation
   *     mostly waits for the database, and two threads were busy 85 % of the time at 17 events per second on the
   *     2-core benchmark machine, docs/performance.md); {@code 0} correlates in the receiving request, before answering
   * @param queue received events that may wait for a thread (default 1000); beyond, an event waits for the retry
   *     ({@code pco.events.retry-interval})
   */
  record Correlation(@DefaultValue("4") int threads, @DefaultValue("1000") int queue) {}
}
