package io.partnerchannel.orchestrator.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import io.partnerchannel.orchestrator.support.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The browsers of one test, one per person taking part ({@code agent}, {@code customer}, {@code operator}), and
 * what every browser test sets up around them. Register it as an instance field with {@code @RegisterExtension} in
 * a {@link BrowserTest}; it knows the application's URL ({@link #baseUrl()}) and signs demo users in to Tasklist
 * ({@link #tasklist}). Screenshots go to {@code target/screenshots/<test class>/<test method>/}, numbered across
 * all browsers in the order taken; when the test fails each browser also saves a {@code failure} screenshot and the
 * page's HTML. After the test every browser is closed and every process instance still running is deleted, so the
 * next test of the class starts from the data set alone (the job executor runs in browser tests).
 */
public final class Browsers implements BeforeEachCallback, AfterEachCallback {

  /** Root of all screenshots. */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final List<Browser> open = new ArrayList<>();
  private final AtomicInteger steps = new AtomicInteger();
  private Path directory;
  private String baseUrl;
  private ApplicationContext application;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    directory =
        SCREENSHOTS
            .resolve(context.getRequiredTestClass().getSimpleName())
            .resolve(context.getRequiredTestMethod().getName());
    steps.set(0);
    application = SpringExtension.getApplicationContext(context);
    baseUrl = "http://localhost:" + application.getEnvironment().getRequiredProperty("local.server.port");
    try (Stream<Path> old = Files.exists(directory) ? Files.walk(directory) : Stream.empty()) {
      old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** @return the application under test, e.g. {@code http://localhost:43117} (its random port) */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * @param person who uses the browser, e.g. {@code agent}
   * @return a new headless Chromium with a fresh profile
   */
  public Browser open(String person) {
    Browser browser = new Browser(person, directory, steps::incrementAndGet);
    open.add(browser);
    return browser;
  }

  /**
   * Opens Tasklist in the browser and signs a sandbox demo user in (password {@link TestUsers#PASSWORD}).
   *
   * @param browser the person's browser
   * @param userId a demo user, e.g. {@link TestUsers#SALES_AGENT}; Tasklist's header shows its first and last name
   * @return Tasklist, signed in, on the page of the application's process engine
   */
  public Tasklist tasklist(Browser browser, String userId) {
    User user = application.getBean(IdentityService.class).createUserQuery().userId(userId).singleResult();
    if (user == null) {
      throw new IllegalArgumentException("No demo user " + userId);
    }
    Tasklist tasklist = new Tasklist(browser, baseUrl, application.getBean(ProcessEngine.class).getName());
    tasklist.logIn(userId, TestUsers.PASSWORD, user.getFirstName() + " " + user.getLastName());
    return tasklist;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      if (context.getExecutionException().isPresent()) {
        open.forEach(Browser::saveFailure);
      }
    } finally {
      for (Browser browser : open) {
        try {
          browser.close();
        } catch (RuntimeException e) {
          // a browser that already died; close the others
        }
      }
      open.clear();
      deleteRunningInstances();
    }
  }

  private void deleteRunningInstances() {
    RuntimeService runtimeService = application.getBean(RuntimeService.class);
    List<String> running = runtimeService.createProcessInstanceQuery().rootProcessInstances().list().stream()
        .map(ProcessInstance::getId)
        .toList();
    if (!running.isEmpty()) {
      runtimeService.deleteProcessInstances(running, "test clean-up", true, true);
    }
  }
}
