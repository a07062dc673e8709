package io.partnerchannel.orchestrator.partnercenter.sandbox;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenterModeCheck;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Profile;

/**
 * Marks the beans of the sandbox Partner Center: present only with the Spring profile {@code sandbox}
 * (which also sets {@code pco.partner-center.mode=sandbox}, {@link PartnerCenterModeCheck}), absent when the
 * application talks to the real Partner Center.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Profile(PartnerCenterModeCheck.SANDBOX_PROFILE)
public @interface SandboxConfiguration {}
