package io.partnerchannel.orchestrator.browser;

import java.util.concurrent.atomic.AtomicReference;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;

/** What Camunda's webapps (Tasklist, Cockpit) share: the login page and the header with the user's name. */
public abstract class CamundaWebapp {

  private static final By USERNAME = By.cssSelector("input[placeholder='Username']");
  private static final By PASSWORD = By.cssSelector("input[placeholder='Password']");
  private static final By NOTIFICATIONS = By.cssSelector(".notifications .alert");
  private static final By HEADER = By.cssSelector("[cam-widget-header]");

  protected final Browser browser;
  private final String entryUrl;
  /** The webapp's page for the process engine, e.g. {@code .../camunda/app/tasklist/default/}, once logged in. */
  protected String appUrl;

  /**
   * @param browser the person's browser
   * @param entryUrl the webapp's root, e.g. {@code http://localhost:8080/camunda/app/tasklist/}; it forwards to the
   *     page of the application's process engine (whose name tests generate)
   */
  protected CamundaWebapp(Browser browser, String entryUrl) {
    this.browser = browser;
    this.entryUrl = entryUrl;
  }

  /**
   * Opens the webapp, which shows its login page, and logs in.
   *
   * @param userId Camunda user id
   * @param password the user's password
   * @param fullName first and last name, which the header shows once logged in
   */
  public void logIn(String userId, String password, String fullName) {
    browser.open(entryUrl);
    browser.type(USERNAME, userId);
    browser.type(PASSWORD, password);
    browser.click(By.xpath("//button[normalize-space(.)='Log in']"));
    browser.until(driver -> driver.findElement(HEADER).getText().contains(fullName));
    String url = browser.currentUrl();
    appUrl = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
  }

  /**
   * Waits for the notifications Camunda shows at the page's edge.
   *
   * @return the text of the notifications shown, once at least one is (Camunda re-renders them, so a
   *     notification that goes stale while being read is read again)
   */
  protected String notification() {
    return browser.until(driver -> {
      String text = notifications();
      return text.isEmpty() ? null : text;
    });
  }

  /**
   * Waits until the notifications Camunda shows at the page's edge say {@code expected}: a page may first show
   * another notification (a previous refusal still on screen, Cockpit's "Not found" before it finds the instance
   * in the history), so this waits for the final one rather than reading the first.
   *
   * @param expected part of the awaited notification, e.g. {@code The process has been started.}
   * @return the text of all notifications shown then
   * @throws AssertionError naming the notifications shown last when none says {@code expected} within
   *     {@link Browser#PAGE_TIMEOUT}
   */
  public String notificationSaying(String expected) {
    AtomicReference<String> shown = new AtomicReference<>("");
    try {
      return browser.until(driver -> {
        shown.set(notifications());
        return shown.get().contains(expected) ? shown.get() : null;
      });
    } catch (TimeoutException e) {
      throw new AssertionError(
          "No notification said '" + expected + "' within " + Browser.PAGE_TIMEOUT + "; shown: '" + shown.get() + "'",
          e);
    }
  }

  private String notifications() {
    return String.join("\n", browser.texts(NOTIFICATIONS).stream().filter(text -> !text.isBlank()).toList());
  }
}
