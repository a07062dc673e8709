package io.partnerchannel.orchestrator.browser;

import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

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
    browser.visible(USERNAME).sendKeys(userId);
    browser.visible(PASSWORD).sendKeys(password);
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
      try {
        String text = browser.displayed(NOTIFICATIONS).stream()
            .map(WebElement::getText)
            .filter(shown -> !shown.isBlank())
            .collect(Collectors.joining("\n"));
        return text.isEmpty() ? null : text;
      } catch (StaleElementReferenceException rerendered) {
        return null;
      }
    });
  }
}
