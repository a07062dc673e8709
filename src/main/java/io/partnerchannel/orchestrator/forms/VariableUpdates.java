package io.partnerchannel.orchestrator.forms;

import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Writes process variables only where they change. With history level {@code full} every
 * {@code setVariable} writes a variable update to the history ({@code ACT_HI_DETAIL}, and for a Json value a new
 * byte array), and every such row is updated again when the instance ends and gets its removal time; writing a
 * value the variable already holds records nothing but that cost. Start listeners that normalise a request
 * (trimmed, lower-cased) and delegates that re-read a value from Partner Center use this, so a variable is
 * written when the value is new or different, never twice with the same value.
 */
public final class VariableUpdates {

  private VariableUpdates() {}

  /**
   * Sets each variable that is absent from {@code scope} or holds another value.
   *
   * @param scope an execution or task
   * @param variables names and values: Java values (null included) or typed values such as Json
   * @return how many variables were written
   */
  public static int setChanged(VariableScope scope, Map<String, ?> variables) {
    int written = 0;
    for (String name : variables.keySet()) {
      // a VariableMap's entries are untyped; its typed value keeps e.g. the Json type
      Object value = variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
      if (setChanged(scope, name, value)) {
        written++;
      }
    }
    return written;
  }

  /**
   * Sets the variable unless {@code scope} already holds the same value: equal Java values, or a typed value of
   * the same type with an equal value (Json compared as text).
   *
   * @param scope an execution or task
   * @param name the variable name
   * @param value a Java value (null included) or a typed value
   * @return whether the variable was written
   */
  public static boolean setChanged(VariableScope scope, String name, Object value) {
    if (scope.hasVariable(name) && holds(scope, name, value)) {
      return false;
    }
    scope.setVariable(name, value);
    return true;
  }

  private static boolean holds(VariableScope scope, String name, Object value) {
    TypedValue current = scope.getVariableTyped(name);
    if (current == null) {
      return false;
    }
    if (value instanceof TypedValue typed) {
      // an untyped value (as a VariableMap holds plain values) has no type: its value decides
      return (typed.getType() == null || typed.getType().equals(current.getType())) && same(current.getValue(), typed.getValue());
    }
    return same(current.getValue(), value);
  }

  private static boolean same(Object current, Object value) {
    if (current instanceof SpinJsonNode || value instanceof SpinJsonNode) {
      return current instanceof SpinJsonNode && value instanceof SpinJsonNode && current.toString().equals(value.toString());
    }
    return Objects.equals(current, value);
  }
}
