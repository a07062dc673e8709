package io.partnerchannel.orchestrator.invitation;

import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * A process variable holding a Json array (what a form-js checklist or select submits, and what Tasklist forms
 * read back): the one typed accessor for Json lists. The value is stored as Spin Json ({@code json} type) and its
 * elements are mapped to {@code T} by Spin's Jackson data format; nothing parses Json by hand.
 *
 * @param <T> the element type, e.g. {@code String} for role definition ids or {@code Map} for select options
 */
public final class JsonArrayVariable<T> {

  private final VariableFactory<SpinJsonNode> json;
  private final Class<T> elementType;

  private JsonArrayVariable(String name, Class<T> elementType) {
    this.json = customVariable(name, SpinJsonNode.class);
    this.elementType = elementType;
  }

  /**
   * @param name the variable name
   * @param elementType the class each element is mapped to
   * @param <T> the element type
   * @return the accessor
   */
  public static <T> JsonArrayVariable<T> jsonArrayVariable(String name, Class<T> elementType) {
    return new JsonArrayVariable<>(name, elementType);
  }

  /** @return the variable name, as forms, expressions and the REST API know it */
  public String getName() {
    return json.getName();
  }

  /**
   * @param scope an execution or task
   * @return the elements, empty when the variable is absent or null
   * @throws IllegalArgumentException when the variable is not a Json array of {@code T}
   */
  public List<T> from(VariableScope scope) {
    return elements(read(() -> json.from(scope).getOrNull()));
  }

  /**
   * @param variables start or completion variables
   * @return the elements, empty when absent
   * @throws IllegalArgumentException when the variable is not a Json array of {@code T}
   */
  public List<T> from(VariableMap variables) {
    return elements(read(() -> json.from(variables).getOrNull()));
  }

  /**
   * @param runtimeService the engine's runtime service
   * @param executionId a process instance or execution id
   * @return the elements, empty when absent
   * @throws IllegalArgumentException when the variable is not a Json array of {@code T}
   */
  public List<T> from(RuntimeService runtimeService, String executionId) {
    return elements(read(() -> json.from(runtimeService, executionId).getOrNull()));
  }

  /**
   * Stores {@code values} as a Json array.
   *
   * @param scope an execution or task
   * @param values the elements
   */
  public void set(VariableScope scope, List<T> values) {
    scope.setVariable(getName(), value(values));
  }

  /**
   * @param values the elements
   * @return the typed value to store under {@link #getName()} (e.g. in start variables)
   */
  public JsonValue value(List<T> values) {
    return SpinValues.jsonValue(Spin.JSON(values)).create();
  }

  private SpinJsonNode read(java.util.function.Supplier<SpinJsonNode> reader) {
    try {
      return reader.get();
    } catch (RuntimeException e) { // WrongVariableTypeException: a string, number or Java object
      throw new IllegalArgumentException(getName() + " must be a JSON array", e);
    }
  }

  private List<T> elements(SpinJsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(getName() + " must be a JSON array");
    }
    try {
      return node.elements().stream().map(element -> element.mapTo(elementType)).toList();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(getName() + " must be a JSON array of " + elementType.getSimpleName(), e);
    }
  }
}
