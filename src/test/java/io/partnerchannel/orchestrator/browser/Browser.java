package io.partnerchannel.orchestrator.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser window: a headless Chromium with its own profile (so its own sessions and cookies),
 * the waits a person does implicitly (until the page shows something), and a PNG screenshot per step under
 * the test's screenshot directory.
 */
public final class Browser implements AutoCloseable {

  /**
   * How long a page may take to show what a step waits for: generous, because Tasklist's first load in a cold
   * browser on a busy 2-core machine took over 30 s (a wait, not a timing assertion).
   */
  static final Duration PAGE_TIMEOUT = Duration.ofSeconds(90);

  private final String person;
  private final Path screenshots;
  private final IntSupplier stepNumbers;
  private final Path userDataDir;
  private final ChromeDriver driver;

  /**
   * @param person who uses this browser, e.g. {@code agent}; part of the screenshot names
   * @param screenshots directory of the test's screenshots
   * @param stepNumbers numbers the screenshots of all browsers of a test in the order they were taken
   */
  Browser(String person, Path screenshots, IntSupplier stepNumbers) {
    this.person = person;
    this.screenshots = screenshots;
    this.stepNumbers = stepNumbers;
    this.userDataDir = Chromium.newUserDataDir();
    this.driver = Chromium.start(userDataDir);
  }

  /** @return the underlying WebDriver, for what the helpers here do not cover */
  public WebDriver driver() {
    return driver;
  }

  /** @param url an absolute URL to load */
  public void open(String url) {
    driver.get(url);
  }

  /** @return the URL of the current page */
  public String currentUrl() {
    return driver.getCurrentUrl();
  }

  /**
   * @param locator what to find
   * @return the element, once it is displayed
   * @throws org.openqa.selenium.TimeoutException when it is not displayed within {@link #PAGE_TIMEOUT}
   */
  public WebElement visible(By locator) {
    return await().until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /**
   * @param condition a condition on the driver, returning null or false while it does not hold
   * @param <T> the condition's value
   * @return the condition's first non-null, non-false value
   * @throws org.openqa.selenium.TimeoutException when it does not hold within {@link #PAGE_TIMEOUT}
   */
  public <T> T until(Function<WebDriver, T> condition) {
    return await().until(condition);
  }

  /**
   * @param locator what to find
   * @return the displayed elements (possibly none), without waiting
   */
  public List<WebElement> displayed(By locator) {
    return driver.findElements(locator).stream().filter(WebElement::isDisplayed).toList();
  }

  /**
   * Scrolls the element into the middle of the window, then clicks it as a person would.
   *
   * @param element a displayed element
   */
  public void click(WebElement element) {
    scrollTo(element);
    await().until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  /** @param locator what to click, once it is displayed */
  public void click(By locator) {
    click(visible(locator));
  }

  /** @param element an element to bring into the middle of the window */
  public void scrollTo(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  /**
   * Switches to the tab a click just opened ({@code target="_blank"}).
   *
   * @param before the window handles before the click
   */
  public void switchToTabOpenedAfter(Set<String> before) {
    String opened =
        await().until(driver -> driver.getWindowHandles().stream()
            .filter(handle -> !before.contains(handle))
            .findFirst()
            .orElse(null));
    driver.switchTo().window(opened);
  }

  /** @return the handles of the open tabs */
  public Set<String> tabs() {
    return driver.getWindowHandles();
  }

  /**
   * Saves a PNG of the window as {@code NN-<person>-<step>.png} in the test's screenshot directory.
   *
   * @param step what the picture shows, e.g. {@code start-form-filled}
   * @return the file written
   */
  public Path screenshot(String step) {
    Path file = screenshots.resolve(String.format("%02d-%s-%s.png", stepNumbers.getAsInt(), person, step));
    try {
      Files.createDirectories(screenshots);
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save screenshot " + file, e);
    }
    return file;
  }

  /**
   * Saves a screenshot and the HTML of the current page, named {@code failure-<person>}, to explain a failed test.
   */
  void saveFailure() {
    try {
      screenshot("failure");
      Files.writeString(
          screenshots.resolve("failure-" + person + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    } catch (RuntimeException | IOException e) {
      // The browser itself may be what failed; the test's own error says more.
    }
  }

  private WebDriverWait await() {
    return new WebDriverWait(driver, PAGE_TIMEOUT);
  }

  /** Quits the browser and deletes its profile. */
  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(userDataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // a temporary directory; the operating system cleans it up eventually
      }
    }
  }

  @Override
  public String toString() {
    return person + "'s browser";
  }
}
