package io.partnerchannel.orchestrator.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.pagefactory.ByChained;

/**
 * Camunda Tasklist ({@code /camunda/app/tasklist/}) as a sales agent uses it: log in, start a process from its
 * start form, pick a task from the list and complete its form.
 */
public final class Tasklist extends CamundaWebapp {

  private static final By START_MODAL = By.cssSelector(".modal-dialog");
  private static final By FILTERS = By.cssSelector("[cam-tasklist-filters]");
  private static final By TASK_FILTERS = By.cssSelector("[cam-tasklist-filters] .task-filter");
  private static final By TASKS = By.cssSelector("[cam-tasks]");
  private static final By TASK_LINKS = By.cssSelector("ol.tasks-list h4.task a");
  private static final By READ_ONLY_FORM = By.cssSelector("[cam-tasklist-task] .disabled-form");
  private static final By START_BUTTON =
      By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='Start']");
  private static final By ERROR = By.cssSelector(".notifications .alert-danger");
  private static final By NO_TASK_SELECTED = By.xpath("//*[normalize-space(.)='Select a task in the list.']");

  /**
   * @param browser the agent's browser
   * @param baseUrl the application, e.g. {@code http://localhost:8080}
   * @param engineName the application's process engine: named explicitly, because the webapps' root forwards
   *     to the first engine registered in this JVM, which is another test context's when contexts are cached
   */
  public Tasklist(Browser browser, String baseUrl, String engineName) {
    super(browser, baseUrl + "/camunda/app/tasklist/" + engineName + "/");
  }

  /**
   * Clicks "Start process", then the process by its name, and waits for its start form.
   *
   * @param processName the process definition's name, e.g. {@code Reseller relationship invitation}
   * @return the start form, rendered
   */
  public CamundaForm startProcess(String processName) {
    browser.click(By.linkText("Start process"));
    By processLink = new ByChained(START_MODAL, By.linkText(processName));
    browser.click(processLink);
    // Tasklist's dialog can swallow a click that lands while its process list is still being rendered: click
    // the process again while the dialog still lists it, until the dialog shows that process's start form.
    browser.until(driver -> {
      if (driver.findElement(START_MODAL).getText().contains("Start process: " + processName)) {
        return true;
      }
      driver.findElements(processLink).stream().filter(WebElement::isDisplayed).findFirst().ifPresent(link -> {
        try {
          link.click();
        } catch (WebDriverException rerendered) {
          // the dialog re-rendered under the click; the next poll looks again
        }
      });
      return null;
    });
    return CamundaForm.rendered(browser, By.cssSelector(".modal-dialog"));
  }

  /**
   * Clicks "Start" under the start form.
   *
   * @return the notification Tasklist shows, {@code The process has been started.} when it worked; after an
   *     earlier refusal that may still be the refusal's: then wait with {@link #notificationSaying(String)}
   */
  public String submitStartForm() {
    browser.click(START_BUTTON);
    return notification();
  }

  /**
   * Shows the tasks of the first filter. Tasklist has no filter until someone creates one; then a person
   * clicks "Add a simple filter" (which creates "All Tasks") and that is what this does too.
   *
   * @return the names of the tasks listed
   */
  public List<String> showTasks() {
    browser.open(appUrl);
    browser.until(driver -> !browser.displayed(TASK_FILTERS).isEmpty()
        || driver.findElement(FILTERS).getText().contains("No filter available."));
    if (browser.displayed(TASK_FILTERS).isEmpty()) {
      browser.click(By.partialLinkText("Add a simple filter"));
    }
    browser.click(TASK_FILTERS);
    browser.until(driver -> !browser.displayed(TASK_LINKS).isEmpty()
        || driver.findElement(TASKS).getText().contains("No task matching filters found."));
    return taskNames();
  }

  /** @return the names of the tasks now in the list, without waiting */
  public List<String> taskNames() {
    return browser.texts(TASK_LINKS);
  }

  /**
   * Clicks the task in the list and waits for its form. The form of a task that is not assigned to the user
   * (a candidate group's task) is read-only until the user claims it: {@link #claimTask()}.
   *
   * @param taskName the task's name
   * @return the task's form, rendered
   */
  public CamundaForm openTask(String taskName) {
    browser.click(driver -> driver.findElements(TASK_LINKS).stream()
        .filter(link -> link.isDisplayed() && link.getText().equals(taskName))
        .findFirst()
        .orElse(null));
    browser.until(driver -> driver.getCurrentUrl().contains("task="));
    return CamundaForm.rendered(browser, By.cssSelector("[cam-tasklist-task]"));
  }

  /**
   * Clicks "Claim" in the open task's header, which assigns the task to the user, and waits until its form
   * can be filled.
   */
  public void claimTask() {
    browser.click(By.xpath("//*[@cam-tasklist-task]//button[normalize-space(.)='Claim']"));
    browser.until(driver -> browser.displayed(READ_ONLY_FORM).isEmpty()
        && !browser.displayed(By.cssSelector("[cam-tasklist-task] .fjs-form")).isEmpty());
  }

  /**
   * Clicks "Complete" under the task's form and waits until Tasklist shows no task.
   *
   * @throws AssertionError with Tasklist's message when the engine refused the completion
   */
  public void completeTask() {
    browser.click(By.xpath("//button[normalize-space(.)='Complete']"));
    browser.until(driver -> !browser.displayed(NO_TASK_SELECTED).isEmpty() || !browser.displayed(ERROR).isEmpty());
    List<String> errors = browser.texts(ERROR);
    if (!errors.isEmpty()) {
      throw new AssertionError("Tasklist did not complete the task: " + errors.get(0));
    }
  }
}
