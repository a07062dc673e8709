package io.partnerchannel.orchestrator.indirect;

import io.partnerchannel.orchestrator.support.ProcessTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.context.annotation.Import;

/**
 * A {@link ProcessTest} of the application run by the sandbox's indirect provider Tailspin Distribution
 * ({@code a1b2c3d4-0000-4000-8000-000000000002}, resellers Fourth Coffee IT and Wingtip Solutions) in the
 * global cloud, with process test coverage. Every test class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ProcessTest(properties = {"pco.partner.tenant-id=" + IndirectTestSupport.TAILSPIN, "pco.partner.cloud=GLOBAL"})
@Import(ProcessEngineCoverageConfiguration.class)
@interface IndirectProviderTest {}
