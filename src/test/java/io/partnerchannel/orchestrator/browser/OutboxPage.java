package io.partnerchannel.orchestrator.browser;

import java.util.Set;
import org.openqa.selenium.By;

/**
 * The application's mail outbox ({@code /outbox}): the e-mails the processes queued, where a recipient reads
 * one and follows its link as from their mailbox.
 */
public final class OutboxPage {

  private static final By RECIPIENT = By.id("recipient");
  private static final By SIGN_IN_FORM = By.cssSelector("form[action$='/login']");

  private final Browser browser;

  private OutboxPage(Browser browser) {
    this.browser = browser;
  }

  /**
   * Opens {@code /outbox} and filters it by recipient, as a person types it into the filter box. When the
   * application asks for a sign-in first (its login form), signs in with the given orchestrator user.
   *
   * @param browser the reader's browser
   * @param baseUrl the application
   * @param recipient an e-mail address
   * @param userId an orchestrator user allowed to read the outbox
   * @param password the user's password
   * @return the outbox showing that recipient's e-mails
   */
  public static OutboxPage openFor(Browser browser, String baseUrl, String recipient, String userId, String password) {
    browser.open(baseUrl + "/outbox");
    browser.until(driver -> !browser.displayed(RECIPIENT).isEmpty() || !browser.displayed(SIGN_IN_FORM).isEmpty());
    if (browser.displayed(RECIPIENT).isEmpty()) {
      browser.type(By.id("username"), userId);
      browser.type(By.id("password"), password);
      browser.click(By.cssSelector("form[action$='/login'] button[type=submit]"));
    }
    browser.type(RECIPIENT, recipient);
    browser.click(By.xpath("//button[normalize-space(.)='Filter']"));
    browser.until(driver -> driver.getCurrentUrl().contains("recipient="));
    return new OutboxPage(browser);
  }

  /**
   * @param subject the e-mail's subject
   * @return whether the list shows an e-mail with that subject
   */
  public boolean lists(String subject) {
    return !browser.displayed(By.linkText(subject)).isEmpty();
  }

  /**
   * Clicks the e-mail's subject.
   *
   * @param subject the e-mail's subject
   * @return the e-mail
   */
  public Mail open(String subject) {
    browser.click(By.linkText(subject));
    browser.visible(By.tagName("iframe"));
    return new Mail();
  }

  /** One e-mail: its header as the outbox shows it and its body in a frame. */
  public final class Mail {

    /**
     * @param name a header row, e.g. {@code To}, {@code Language}, {@code Process instance}
     * @return its value
     */
    public String header(String name) {
      return browser.text(By.xpath("//dl/dt[normalize-space(.)='" + name + "']/following-sibling::dd[1]"));
    }

    /** @return the body's text */
    public String body() {
      browser.driver().switchTo().frame(browser.visible(By.tagName("iframe")));
      try {
        return browser.text(By.tagName("body"));
      } finally {
        browser.driver().switchTo().defaultContent();
      }
    }

    /**
     * Clicks the link in the body with that text; the e-mail's links open a new tab, which becomes current.
     *
     * @param linkText the link's text
     */
    public void click(String linkText) {
      Set<String> before = browser.tabs();
      browser.driver().switchTo().frame(browser.visible(By.tagName("iframe")));
      try {
        browser.click(By.linkText(linkText));
      } finally {
        browser.driver().switchTo().defaultContent();
      }
      browser.switchToTabOpenedAfter(before);
    }
  }
}
