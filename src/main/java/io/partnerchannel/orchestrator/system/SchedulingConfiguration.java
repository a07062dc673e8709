package io.partnerchannel.orchestrator.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on the application's own background work (outbox dispatch, sandbox event delivery, event inbox
 * retries). Off with {@code pco.scheduling.enabled=false}, which tests use to drive that work themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "pco.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {}
