package io.partnerchannel.orchestrator.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Spring Boot test setup the process tests share: the whole application on a random port with the
 * {@code test} profile (in-memory H2, or the embedded PostgreSQL of {@link EmbeddedPostgresInitializer}; the
 * sandbox; no job executor, tests drive jobs), one cached context for every test that uses it unchanged.
 * Fields of type {@link SandboxDriver} and {@link SentMails} are filled in before each test.
 *
 * <pre>{@code
 * @ProcessTest
 * class FooProcessTest {
 *   @Autowired RuntimeService runtimeService;
 *   SandboxDriver sandbox;
 *   SentMails mails;
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(TestSupportExtension.class)
public @interface ProcessTest {

  /**
   * @return extra application properties ({@code key=value}); a test with its own gets its own context
   */
  @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
  String[] properties() default {};
}
