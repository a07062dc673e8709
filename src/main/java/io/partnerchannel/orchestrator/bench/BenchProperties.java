package io.partnerchannel.orchestrator.bench;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The benchmark profile's settings ({@code pco.bench.*}, docs/benchmark.md).
 *
 * @param partnerCenterLatency added to every sandbox Partner Center call, as a remote Partner Center would answer
 *     later (default none; the benchmark's {@code -Dbench.partner-center-latency})
 */
@ConfigurationProperties("pco.bench")
record BenchProperties(@DefaultValue("PT0S") Duration partnerCenterLatency) {}
