package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerchannel.orchestrator.partnercenter.ResourceCollection;
import io.partnerchannel.orchestrator.partnercenter.ResourceLinks;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads and writes the Partner Center resources the sandbox's commerce tables keep as JSON, and builds the
 * collections its commerce and transfer endpoints answer with.
 */
@Component
@SandboxConfiguration
class SandboxDocuments {

  private final ObjectMapper objectMapper;

  /** @param objectMapper JSON mapper */
  public SandboxDocuments(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  /**
   * @param json a stored document
   * @return its tree
   * @throws IllegalStateException when the document is not JSON
   */
  public JsonNode read(String json) {
    try {
      return objectMapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable sandbox document", e);
    }
  }

  /**
   * @param json a stored document
   * @param type the resource type
   * @param <T> the resource type
   * @return the resource
   * @throws IllegalStateException when the document does not fit the type
   */
  public <T> T read(String json, Class<T> type) {
    try {
      return objectMapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable sandbox " + type.getSimpleName(), e);
    }
  }

  /**
   * @param value a resource
   * @return its JSON document
   */
  public String write(Object value) {
    try {
      return objectMapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + value, e);
    }
  }

  /**
   * @param items the items
   * @param self the collection's URI relative to {@code /v1}
   * @param <T> the resource type
   * @return a Partner Center collection of one page
   */
  public static <T> ResourceCollection<T> collection(List<T> items, String self) {
    return new ResourceCollection<>(items.size(), items, new ResourceLinks(ResourceLinks.Link.get(self), null),
        ResourceCollection.COLLECTION_ATTRIBUTES);
  }

  /** @return the current UTC time in milliseconds, as the sandbox stamps its resources */
  public static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
  }
}
