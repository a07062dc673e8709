package io.partnerchannel.orchestrator.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The process variables a Camunda Form (form-js JSON, {@code forms/*.form}) may set, read from its
 * components: a keyed field is <em>editable</em> unless it is {@code disabled} or {@code readonly}
 * (a boolean or a FEEL expression, taken as read-only); a read-only field only shows a variable. Components
 * without a key (text, html, image, spacer, separator, button) set nothing. A field with a dotted key
 * ({@code a.b}) or inside a group or dynamic list with a {@code path} sets the top-level variable its path
 * starts with.
 *
 * <p>Form-js submits only keyed fields that are neither disabled nor hidden, so Tasklist never sends a
 * disabled field; a {@code readonly} field it does send, unchanged.
 *
 * @param editable variables the form's user may set
 * @param readOnly variables the form only shows (a submission may repeat their current value, nothing else)
 */
record FormFields(Set<String> editable, Set<String> readOnly) {

  /** A form that sets nothing (a user task without a Camunda Form). */
  public static final FormFields NONE = new FormFields(Set.of(), Set.of());

  /** Copies the sets; a variable both editable and read-only (two fields, one key) counts as editable. */
  public FormFields {
    editable = Collections.unmodifiableSet(new LinkedHashSet<>(editable));
    Set<String> shown = new LinkedHashSet<>(readOnly);
    shown.removeAll(editable);
    readOnly = Collections.unmodifiableSet(shown);
  }

  /**
   * @param json the form's JSON document
   * @param mapper reads it
   * @return its fields
   * @throws IllegalArgumentException when the document is not a Camunda Form (no {@code components} array)
   */
  public static FormFields parse(byte[] json, ObjectMapper mapper) {
    JsonNode form;
    try {
      form = mapper.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a Camunda Form: " + e.getMessage(), e);
    }
    if (form == null || !form.path("components").isArray()) {
      throw new IllegalArgumentException("not a Camunda Form: no components array");
    }
    Set<String> editable = new LinkedHashSet<>();
    Set<String> readOnly = new LinkedHashSet<>();
    collect(form.path("components"), null, false, editable, readOnly);
    return new FormFields(editable, readOnly);
  }

  private static void collect(JsonNode components, String parentPath, boolean parentReadOnly,
      Set<String> editable, Set<String> readOnly) {
    for (JsonNode component : components) {
      boolean locked = parentReadOnly || locked(component);
      String path = text(component, "path");
      if (component.path("components").isArray()) {
        String scope = parentPath != null ? parentPath : path;
        collect(component.path("components"), scope, locked, editable, readOnly);
        continue;
      }
      String key = text(component, "key");
      if (key == null) {
        continue;
      }
      String variable = topLevel(parentPath != null ? parentPath : key);
      (locked ? readOnly : editable).add(variable);
    }
  }

  private static boolean locked(JsonNode component) {
    return truthy(component.get("disabled")) || truthy(component.get("readonly"));
  }

  /** {@code true}, or a FEEL expression ({@code "=..."}) that may evaluate to true: read-only. */
  private static boolean truthy(JsonNode flag) {
    if (flag == null || flag.isNull()) {
      return false;
    }
    return flag.isBoolean() ? flag.booleanValue() : !flag.asText().isBlank() && !"false".equalsIgnoreCase(flag.asText());
  }

  private static String text(JsonNode component, String name) {
    JsonNode value = component.get(name);
    return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText().trim();
  }

  private static String topLevel(String key) {
    int dot = key.indexOf('.');
    return dot < 0 ? key : key.substring(0, dot);
  }
}
