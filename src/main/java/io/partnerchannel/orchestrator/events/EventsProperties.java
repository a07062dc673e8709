package io.partnerchannel.orchestrator.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pco.events.correlation.*}: where received Partner Center events are correlated (docs/performance.md).
 *
 * @param threads threads that correlate received events after the webhook was answered (default 2); {@code 0}
 *     correlates in the receiving request, before answering
 * @param queue received events that may wait for a thread (default 1000); beyond, an event waits for the retry
 *     ({@code pco.events.retry-interval})
 */
@ConfigurationProperties("pco.events.correlation")
record EventCorrelationProperties(@DefaultValue("2") int threads, @DefaultValue("1000") int queue) {}
