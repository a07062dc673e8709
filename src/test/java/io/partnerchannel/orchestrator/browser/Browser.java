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
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser window: a headless Chromium with its own profile (so its own sessions and cookies),
 * the waits a person does implicitly (until the page shows something), and a PNG screenshot per step under
 * the test's screenshot directory.
 *
 * <p>Camunda's webapps (AngularJS) and form-js (Preact) re-render parts of a page while it loads, so an element
 * found a moment ago may be gone ({@link StaleElementReferenceException}). Every wait here therefore looks its
 * elements up again on each poll and treats a stale element as "not yet"; nothing holds on to an element across
 * a wait.
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
   * @return the element, once it is displayed (use it at once: a re-render may replace it)
   * @throws org.openqa.selenium.TimeoutException when it is not displayed within {@link #PAGE_TIMEOUT}
   */
  public WebElement visible(By locator) {
    return until(driver -> firstDisplayed(driver, locator));
  }

  /**
   * @param locator what to read
   * @return the text of the first displayed element, read once it is displayed (read again when it went stale)
   * @throws org.openqa.selenium.TimeoutException when it is not displayed within {@link #PAGE_TIMEOUT}
   */
  public String text(By locator) {
    return until(driver -> {
      WebElement element = firstDisplayed(driver, locator);
      return element == null ? null : element.getText();
    });
  }

  /**
   * @param condition a condition on the driver, returning null or false while it does not hold; evaluated again
   *     when it meets a stale element or finds none, so it should look its elements up itself
   * @param <T> the condition's value
   * @return the condition's first non-null, non-false value
   * @throws org.openqa.selenium.TimeoutException when it does not hold within {@link #PAGE_TIMEOUT}
   */
  public <T> T until(Function<WebDriver, T> condition) {
    return await().until(condition);
  }

  /**
   * @param locator what to find
   * @return the displayed elements (possibly none), without waiting for any (looked up again when one goes stale
   *     while being checked)
   */
  public List<WebElement> displayed(By locator) {
    return until(driver -> driver.findElements(locator).stream().filter(WebElement::isDisplayed).toList());
  }

  /**
   * @param locator what to read
   * @return the texts of the displayed elements (possibly none), without waiting for any
   */
  public List<String> texts(By locator) {
    return until(driver -> driver.findElements(locator).stream()
        .filter(WebElement::isDisplayed)
        .map(WebElement::getText)
        .toList());
  }

  /**
   * Clicks an element as a person would: finds it, scrolls it into the middle of the window and clicks it once
   * it is enabled. A lookup that meets a re-rendered (stale) element, or a click that lands on something drawn
   * over the element, is tried again with a fresh lookup.
   *
   * @param element looks the element up, returning null while there is none to click
   */
  public void click(Function<WebDriver, WebElement> element) {
    until(driver -> {
      WebElement target = element.apply(driver);
      if (target == null || !target.isDisplayed() || !target.isEnabled()) {
        return false;
      }
      scrollTo(target);
      target.click();
      return true;
    });
  }

  /** @param locator what to click: the first displayed element it finds, once it is enabled */
  public void click(By locator) {
    click(driver -> firstDisplayed(driver, locator));
  }

  /**
   * Replaces what a text input holds with {@code text}, typing it again until the input holds it (a re-render
   * during typing leaves a fresh input behind).
   *
   * @param locator the input
   * @param text what to type
   */
  public void type(By locator, String text) {
    until(driver -> {
      WebElement input = firstDisplayed(driver, locator);
      if (input == null) {
        return false;
      }
      input.clear();
      input.sendKeys(text);
      return text.equals(input.getDomProperty("value"));
    });
  }

  /** @param element an element to bring into the middle of the window */
  public void scrollTo(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  private static WebElement firstDisplayed(WebDriver driver, By locator) {
    return driver.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
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

  /**
   * A wait that polls again when its condition finds no element (WebDriverWait's default), meets a stale one, or
   * clicks one that something else covers or that cannot take input yet (still animating in).
   */
  private WebDriverWait await() {
    WebDriverWait wait = new WebDriverWait(driver, PAGE_TIMEOUT);
    wait.ignoreAll(List.of(
        StaleElementReferenceException.class,
        ElementClickInterceptedException.class,
        ElementNotInteractableException.class));
    return wait;
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
