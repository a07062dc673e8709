package io.partnerchannel.orchestrator.browser;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.pagefactory.ByChained;

/**
 * A Camunda Form as Tasklist renders it with form-js (1.8.7 in Tasklist 7.24). Fields are found the way a
 * person finds them, by their label; form-js ties a label to its input with {@code for}/{@code id}, where the
 * id ends with the component's id. What the form submits is keyed by the components' {@code key}s, which the
 * tests check in the engine: a renamed key fails there, a renamed label or a form that does not render fails
 * here. form-js re-renders the form on every change (a typed character, a shown or hidden field), so every step
 * looks its field up again by label and retries it when the element it holds went stale.
 */
public final class CamundaForm {

  private static final By RENDERED_FORM = By.cssSelector(".fjs-form");
  private static final By TASKLIST_FORM_FAILURE = By.cssSelector(".alert-danger");
  private static final By FIELD_OF_LABEL = By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]");
  private static final By SELECT_DISPLAY = By.cssSelector(".fjs-select-display");
  private static final By DROPDOWN_ITEMS = By.cssSelector(".fjs-dropdownlist-item");

  private final Browser browser;
  private final By scope;

  private CamundaForm(Browser browser, By scope) {
    this.browser = browser;
    this.scope = scope;
  }

  /**
   * Waits until form-js rendered the form inside {@code scope}.
   *
   * @param browser the browser showing it
   * @param scope the part of the page holding the form (start dialog, task view)
   * @return the form
   * @throws AssertionError when Tasklist reports a form failure or no form appears in time
   */
  static CamundaForm rendered(Browser browser, By scope) {
    By form = new ByChained(scope, RENDERED_FORM);
    By failure = new ByChained(scope, TASKLIST_FORM_FAILURE);
    try {
      browser.until(driver -> !browser.displayed(form).isEmpty() || !browser.displayed(failure).isEmpty());
    } catch (TimeoutException e) {
      throw new AssertionError("No Camunda Form rendered within " + Browser.PAGE_TIMEOUT, e);
    }
    List<String> failures = browser.texts(failure);
    if (!failures.isEmpty()) {
      throw new AssertionError("Tasklist could not show the form: " + failures.get(0));
    }
    return new CamundaForm(browser, scope);
  }

  /** @return the text the form shows (headings, labels, descriptions) */
  public String text() {
    return browser.text(new ByChained(scope, RENDERED_FORM));
  }

  /**
   * @param label a field's label
   * @return whether the form shows that field now (conditional fields may be hidden)
   */
  public boolean shows(String label) {
    return browser.until(driver -> Optional.of(
        form().findElements(labelLocator(label)).stream().anyMatch(WebElement::isDisplayed))).get();
  }

  /**
   * Types into a text field, number field or text area, replacing what it held.
   *
   * @param label the field's label
   * @param text what to type
   */
  public void fill(String label, String text) {
    replace(() -> input(label), text);
  }

  /**
   * @param label the field's label
   * @return what the text, number or read-only field shows
   */
  public String value(String label) {
    return browser.until(driver -> input(label).getDomProperty("value"));
  }

  /**
   * Opens a select field's drop-down and clicks an option.
   *
   * @param label the field's label
   * @param option the option's label
   */
  public void select(String label, String option) {
    choose(() -> field(label), option);
  }

  /**
   * Types into a text field of a group (form-js {@code group}), for forms whose groups repeat the same labels.
   *
   * @param group the group's label
   * @param label the field's label within the group
   * @param text what to type
   */
  public void fillIn(String group, String label, String text) {
    replace(() -> form().findElement(By.id(labelIn(group, label).getDomAttribute("for"))), text);
  }

  /**
   * Picks an option of a select field of a group.
   *
   * @param group the group's label
   * @param label the field's label within the group
   * @param option the option's label
   */
  public void selectIn(String group, String label, String option) {
    choose(() -> labelIn(group, label).findElement(FIELD_OF_LABEL), option);
  }

  /**
   * Clicks into the input, selects what it holds and types over it, again from the lookup when the input went
   * stale, until the input holds {@code text}.
   */
  private void replace(Supplier<WebElement> input, String text) {
    browser.until(driver -> {
      WebElement field = input.get();
      browser.scrollTo(field);
      field.click();
      field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      field.sendKeys(text);
      return text.equals(input.get().getDomProperty("value"));
    });
  }

  /**
   * Opens the select field's drop-down (unless it is open), clicks the option and waits until the field displays
   * it.
   *
   * @param field looks the select field's wrapper up
   */
  private void choose(Supplier<WebElement> field, String option) {
    if (field.get().findElements(DROPDOWN_ITEMS).isEmpty()) {
      browser.click(driver -> field.get().findElement(SELECT_DISPLAY));
    }
    browser.until(driver -> {
      WebElement item = field.get().findElements(DROPDOWN_ITEMS).stream()
          .filter(candidate -> candidate.getText().equals(option))
          .findFirst()
          .orElse(null);
      if (item == null) {
        return false;
      }
      browser.scrollTo(item);
      item.click();
      return true;
    });
    browser.until(driver -> field.get().findElement(SELECT_DISPLAY).getText().equals(option));
  }

  /** A field's label inside the visible group ({@code role="group"}) labelled {@code group}. */
  private WebElement labelIn(String group, String label) {
    return browser.until(driver -> form().findElements(By.xpath(
            ".//div[@role='group'][label[normalize-space(text()[1])=" + xpathLiteral(group) + "]]")).stream()
        .filter(WebElement::isDisplayed)
        .flatMap(element -> element.findElements(labelLocator(label)).stream())
        .filter(WebElement::isDisplayed)
        .findFirst()
        .orElse(null));
  }

  /**
   * Opens a select field's drop-down, reads its options and closes it again.
   *
   * @param label the field's label
   * @return the options' labels, in the order shown
   */
  public List<String> options(String label) {
    browser.click(driver -> field(label).findElement(SELECT_DISPLAY));
    List<String> options = browser.until(driver -> {
      List<String> shown = texts(field(label).findElements(DROPDOWN_ITEMS));
      return shown.isEmpty() ? null : shown;
    });
    browser.click(driver -> field(label).findElement(SELECT_DISPLAY));
    return options;
  }

  /**
   * Clicks one option of a radio group.
   *
   * @param label the group's label
   * @param option the option's label
   */
  public void choose(String label, String option) {
    tick(label, option);
  }

  /**
   * Ticks one option of a checklist.
   *
   * @param label the checklist's label
   * @param option the option's label
   */
  public void check(String label, String option) {
    tick(label, option);
  }

  /** Clicks the option's label and waits until its input (radio or checkbox) is selected. */
  private void tick(String label, String option) {
    browser.click(driver -> option(label, option));
    browser.until(driver -> option(label, option).findElement(By.tagName("input")).isSelected());
  }

  /**
   * @param label a field's label
   * @return the field's error messages shown by form-js validation, empty when valid
   */
  public List<String> errors(String label) {
    return browser.until(driver -> texts(field(label).findElements(By.cssSelector(".fjs-form-field-error"))).stream()
        .filter(text -> !text.isBlank())
        .toList());
  }

  private WebElement form() {
    return browser.visible(new ByChained(scope, RENDERED_FORM));
  }

  /** The field's input: the element the label's {@code for} names. */
  private WebElement input(String label) {
    WebElement labelElement = visibleLabel(label);
    String id = labelElement.getDomAttribute("for");
    if (id == null) {
      throw new AssertionError("Label '" + label + "' names no input; is it a group (radio, checklist)?");
    }
    return form().findElement(By.id(id));
  }

  /** The field's wrapper ({@code .fjs-form-field}) whose own label is {@code label}. */
  private WebElement field(String label) {
    return visibleLabel(label).findElement(FIELD_OF_LABEL);
  }

  private WebElement option(String label, String option) {
    return field(label).findElements(By.cssSelector("label.fjs-form-field-label")).stream()
        .filter(candidate -> candidate.getText().trim().equals(option))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("No option '" + option + "' in field '" + label + "'"));
  }

  private WebElement visibleLabel(String label) {
    try {
      return browser.until(driver -> form().findElements(labelLocator(label)).stream()
          .filter(WebElement::isDisplayed)
          .findFirst()
          .orElse(null));
    } catch (TimeoutException e) {
      throw new AssertionError("The form shows no field labelled '" + label + "':\n" + text(), e);
    }
  }

  /** A field label's first text node is the label; a required field's asterisk follows in its own span. */
  private static List<String> texts(List<WebElement> elements) {
    return elements.stream().map(WebElement::getText).toList();
  }

  private static By labelLocator(String label) {
    return By.xpath(
        ".//label[contains(@class,'fjs-form-field-label')][normalize-space(text()[1])=" + xpathLiteral(label) + "]");
  }

  private static String xpathLiteral(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
