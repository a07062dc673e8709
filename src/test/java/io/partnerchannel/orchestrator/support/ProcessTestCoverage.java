package io.partnerchannel.orchestrator.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Process test coverage for every test context (a test auto-configuration, listed in
 * {@code META-INF/spring/...AutoConfiguration.imports}): the engine always carries the coverage listeners, so the
 * coverage extension never warns about an engine configured without them, and coverage is reported per class for
 * the process test classes only ({@code *ProcessTest} and the indirect model's scenario tests), not for REST,
 * security or mail tests that start no process. Reports go to {@code target/process-test-coverage}.
 */
@AutoConfiguration
@Import(ProcessEngineCoverageConfiguration.class)
public class ProcessTestCoverage {

    /**
     * Class coverage of the process test classes; no per-method coverage (many methods start nothing on purpose).
     * Primary over the extension's own default properties bean.
     */
    @Bean
    @Primary
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
        return ProcessEngineCoverageProperties.Companion.builder()
                .handleTestMethodCoverage(false)
                .addInclusionPatternForTestClasses("*ProcessTest")
                .addInclusionPatternForTestClasses("*.indirect.Indirect*Test")
                .build();
    }
}
