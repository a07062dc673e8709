package io.partnerchannel.orchestrator.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test that drives Camunda Tasklist, Cockpit and the application's own pages in headless Chromium,
 * against the whole application on a random port, as people would use it.
 *
 * <p>Unlike the other Spring Boot tests, the job executor and the application's scheduled work (mail outbox,
 * sandbox event delivery, event inbox retries) run by themselves, with short intervals, so a process moves on
 * after a click exactly as in production. The context is closed after the class, so that job executor does not
 * keep running beside later tests. Tagged {@value #TAG}: Maven runs these tests once, in the H2 execution.
 * Skipped when no Chromium is installed, except under {@code CI=true}, where that fails (see
 * {@link ChromiumAvailable}).
 *
 * <p>No BPMN coverage is recorded here: the coverage plugin reads process definitions as the user whose
 * action moves the instance, which engine authorization refuses to users without READ on the definition
 * (reseller staff), so it would break what it watches.
 *
 * <p>The webapp administrator {@code admin} gets the password {@link #ADMIN_PASSWORD}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(BrowserTest.TAG)
@ExtendWith(ChromiumAvailable.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      "camunda.bpm.job-execution.wait-time-in-millis=500",
      "camunda.bpm.job-execution.max-wait=2000",
      "pco.scheduling.enabled=true",
      "pco.mail.dispatch-interval=PT1S",
      "pco.events.retry-interval=PT2S",
      "PCO_ADMIN_PASSWORD=" + BrowserTest.ADMIN_PASSWORD,
      // Selenium's DevTools lookup warns that Chromium is newer than its CDP bindings; the tests use WebDriver only.
      "logging.level.org.openqa.selenium=ERROR"
    })
@ActiveProfiles("test")
@DirtiesContext
public @interface BrowserTest {

  /** JUnit tag of the browser tests; the PostgreSQL Surefire execution excludes it. */
  String TAG = "browser";

  /** How long the engine may take (job executor, scheduled event delivery) to move an instance on. */
  Duration ENGINE_TIMEOUT = Duration.ofSeconds(60);

  /** Password of the webapp administrator {@code admin} in browser tests. */
  String ADMIN_PASSWORD = "Browser!Admin1";
}
