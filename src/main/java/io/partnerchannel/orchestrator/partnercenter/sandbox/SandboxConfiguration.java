package io.partnerchannel.orchestrator.partnercenter.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Marks the beans of the sandbox Partner Center: present when {@code pco.partner-center.mode} is
 * {@code sandbox} (the default), absent when the application talks to the real Partner Center.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnProperty(name = "pco.partner-center.mode", havingValue = "sandbox", matchIfMissing = true)
public @interface SandboxConfiguration {}
