package io.partnerchannel.orchestrator.browser;

import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.support.pagefactory.ByChained;

/**
 * Camunda Cockpit ({@code /camunda/app/cockpit/}) as operations use it. Cockpit Community Edition 7.24 shows
 * running instances only: the Processes page counts them per definition, the definition page lists them and
 * shows their tokens on the diagram. A finished instance is not listed; opening it by id makes Cockpit look
 * it up in the history and say "Process instance with ID ... has been completed" (the EE history view does
 * not exist in CE).
 */
public final class Cockpit extends CamundaWebapp {

  private static final By RUNNING_INSTANCES_CURRENT_VERSION =
      By.cssSelector("dd.running-instances strong.current-version");

  /**
   * @param browser the operator's browser
   * @param baseUrl the application, e.g. {@code http://localhost:8080}
   * @param engineName the application's process engine: named explicitly, because the webapps' root forwards
   *     to the first engine registered in this JVM, which is another test context's when contexts are cached
   */
  public Cockpit(Browser browser, String baseUrl, String engineName) {
    super(browser, baseUrl + "/camunda/app/cockpit/" + engineName + "/");
  }

  /**
   * Opens "Processes" from the header and reads the definition's row.
   *
   * @param processName the process definition's name
   * @return the "Running Instances" the row shows
   */
  public int runningInstancesOnProcessesPage(String processName) {
    browser.open(appUrl + "#/dashboard");
    browser.click(By.linkText("Processes"));
    return Integer.parseInt(
        browser.text(new ByChained(processRow(processName), By.cssSelector("td.instances"))).trim());
  }

  /**
   * Clicks the process definition's name on the Processes page (open it first with
   * {@link #runningInstancesOnProcessesPage}) and waits for its diagram and instance counts.
   *
   * @param processName the process definition's name
   * @return "Instances Running – current version" from the definition's side panel
   */
  public int openProcessDefinition(String processName) {
    browser.click(new ByChained(processRow(processName), By.cssSelector("td.name a")));
    browser.visible(By.cssSelector(".djs-container svg"));
    return Integer.parseInt(browser.text(RUNNING_INSTANCES_CURRENT_VERSION).trim());
  }

  /**
   * Reads the badge Cockpit puts on an activity of the definition's diagram (activity instance statistics).
   *
   * @param activityId the BPMN element id, e.g. {@code Task_AwaitCustomerAcceptance}
   * @return the number of running instances the badge shows at that activity
   */
  public int runningInstancesAt(String activityId) {
    return Integer.parseInt(
        browser.text(By.cssSelector(".djs-overlays[data-container-id='" + activityId + "'] .badge")).trim());
  }

  /**
   * @param processInstanceId an instance id
   * @return whether the definition page's "Process Instances" tab lists it
   */
  public boolean listsProcessInstance(String processInstanceId) {
    By table = By.cssSelector(".ctn-tabbed-content");
    // The tab shows the id, or says it matched none, once it has loaded; read both from the same rendering.
    return browser.until(driver -> {
      String shown = driver.findElement(table).getText();
      if (shown.contains(processInstanceId)) {
        return Optional.of(true);
      }
      return shown.contains("No process instances matched") ? Optional.of(false) : null;
    }).get();
  }

  /**
   * Opens the instance's runtime view by its id, as an operator does with an id from a log or an e-mail.
   *
   * @param processInstanceId the instance
   * @return the notifications Cockpit shows once one says the instance "has been completed" (Cockpit first looks
   *     for a running instance and may say "Not found" before it finds the finished one in the history)
   * @throws AssertionError naming what Cockpit showed when it does not say so within {@link Browser#PAGE_TIMEOUT}
   */
  public String openFinishedProcessInstance(String processInstanceId) {
    browser.open(appUrl + "#/process-instance/" + processInstanceId + "/runtime");
    return notificationSaying("has been completed");
  }

  private static By processRow(String processName) {
    return By.xpath("//tr[td[contains(@class,'name')]//a[normalize-space(.)='" + processName + "']]");
  }
}
