package io.partnerchannel.orchestrator.bulk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bulk onboarding settings ({@code pco.bulk.*}, docs/bulk-onboarding.md).
 *
 * @param startsPerInterval the most rows started per {@code startInterval}, over all uploads (default 10): the
 *     bounded rate at which a file's rows become process instances
 * @param startInterval how often the starter runs (default {@code PT1S}), so by default at most 10 starts a second
 * @param maxRows the most data rows a file may have (default 1000)
 * @param maxFileSize the largest file accepted (default 1 MB); larger → 413
 * @param maxStartAttempts how often a row whose start failed for a passing reason (not a refusal) is tried
 *     before it is {@code FAILED} (default 3)
 */
@ConfigurationProperties("pco.bulk")
record BulkProperties(
    @DefaultValue("10") int startsPerInterval,
    @DefaultValue("PT1S") Duration startInterval,
    @DefaultValue("1000") int maxRows,
    @DefaultValue("1MB") DataSize maxFileSize,
    @DefaultValue("3") int maxStartAttempts) {}
