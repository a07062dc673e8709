package io.partnerchannel.orchestrator.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The browsers of one test, one per person taking part ({@code agent}, {@code customer}, {@code operator}).
 * Register it as an instance field with {@code @RegisterExtension} in a {@link BrowserTest}; it knows the
 * application's URL ({@link #baseUrl()}). Screenshots go to
 * {@code target/screenshots/<test class>/<test method>/}, numbered across all browsers in the order taken;
 * when the test fails each browser also saves a {@code failure} screenshot and the page's HTML. Every browser
 * is closed after the test.
 */
public final class Browsers implements BeforeEachCallback, AfterEachCallback {

  /** Root of all screenshots. */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final List<Browser> open = new ArrayList<>();
  private final AtomicInteger steps = new AtomicInteger();
  private Path directory;
  private String baseUrl;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    directory =
        SCREENSHOTS
            .resolve(context.getRequiredTestClass().getSimpleName())
            .resolve(context.getRequiredTestMethod().getName());
    steps.set(0);
    baseUrl = "http://localhost:"
        + SpringExtension.getApplicationContext(context).getEnvironment().getRequiredProperty("local.server.port");
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
    }
  }
}
