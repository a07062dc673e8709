package io.partnerchannel.orchestrator.browser;

import org.openqa.selenium.By;

/**
 * The sandbox's stand-in for the Microsoft 365 admin center ({@code /sandbox/admin-center/...}), where the
 * customer's Global admin signs in and accepts a partner's reseller invitation.
 */
public final class SandboxAdminCenterPage {

  private final Browser browser;

  /** @param browser the browser showing the admin center (e.g. after following an invitation link) */
  public SandboxAdminCenterPage(Browser browser) {
    this.browser = browser;
  }

  /** @return the page's heading */
  public String heading() {
    return browser.text(By.tagName("h1"));
  }

  /** @return the page's main text */
  public String text() {
    return browser.text(By.tagName("main"));
  }

  /**
   * Fills user name and password and clicks the form's button.
   *
   * @param userPrincipalName the sandbox user
   * @param password the user's password
   * @param button the button's text, e.g. {@code Accept and authorize}
   */
  public void signInAnd(String userPrincipalName, String password, String button) {
    browser.type(By.name("userPrincipalName"), userPrincipalName);
    browser.type(By.name("password"), password);
    browser.click(By.xpath("//button[normalize-space(.)='" + button + "']"));
    browser.until(driver -> !driver.findElements(By.cssSelector("h1")).isEmpty()
        && driver.findElements(By.name("password")).isEmpty()
        || !driver.findElements(By.cssSelector(".error")).isEmpty());
  }
}
