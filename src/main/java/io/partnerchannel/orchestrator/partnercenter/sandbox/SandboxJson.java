package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's own JSON for the commerce and transfer resources: it reads request bodies as trees, whatever the
 * casing of their property names (the documented examples write {@code LineItems}, {@code Status} as well as
 * {@code lineItems}, {@code status}), and writes answers as trees, never through the client's data classes.
 */
final class SandboxJson {

  private SandboxJson() {}

  /**
   * @param node an object (or anything else)
   * @param name a property name, compared ignoring case
   * @return the property's value, {@link MissingNode} when absent
   */
  static JsonNode field(JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      return MissingNode.getInstance();
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equalsIgnoreCase(name)) {
        return field.getValue();
      }
    }
    return MissingNode.getInstance();
  }

  /**
   * @param node an object
   * @param name a property name, compared ignoring case
   * @return the property's text, null when absent, null or blank
   */
  static String text(JsonNode node, String name) {
    JsonNode value = field(node, name);
    return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }

  /** @return a new empty object */
  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * A Partner Center collection of one page: {@code {totalCount, items, links: {self}, attributes: {objectType:
   * Collection}}}.
   *
   * @param items the items
   * @param self the collection's URI relative to {@code /v1}
   * @return the collection
   */
  static ObjectNode collection(List<? extends JsonNode> items, String self) {
    ObjectNode collection = object();
    collection.put("totalCount", items.size());
    ArrayNode array = collection.putArray("items");
    items.forEach(array::add);
    collection.putObject("links").set("self", link(self));
    collection.putObject("attributes").put("objectType", "Collection");
    return collection;
  }

  /**
   * @param uri a URI relative to {@code /v1}
   * @return {@code {uri, method: GET, headers: []}}
   */
  static ObjectNode link(String uri) {
    ObjectNode link = object();
    link.put("uri", uri).put("method", "GET").putArray("headers");
    return link;
  }
}
