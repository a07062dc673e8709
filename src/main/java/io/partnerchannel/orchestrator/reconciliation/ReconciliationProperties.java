package io.partnerchannel.orchestrator.reconciliation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reconciliation settings ({@code pco.reconciliation.*}, docs/reconciliation.md).
 *
 * @param interval time between the end of one run and the start of the next on a node (default {@code PT1H})
 * @param initialDelay time from a node's start to its first run (default {@code PT5M})
 * @param lockAtMostFor how long a run's cluster lock is held at most, should the node die during it (default
 *     {@code PT30M}; longer than a run takes)
 * @param lockAtLeastFor how long a run's lock is held at least, so that another node whose schedule comes due just
 *     after does not run it again (default {@code PT5M}; shorter than {@code interval})
 */
@ConfigurationProperties("pco.reconciliation")
record ReconciliationProperties(
    @DefaultValue("PT1H") Duration interval,
    @DefaultValue("PT5M") Duration initialDelay,
    @DefaultValue("PT30M") Duration lockAtMostFor,
    @DefaultValue("PT5M") Duration lockAtLeastFor) {}
