package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A Partner Center collection ({@code ResourceCollection} / {@code SeekBasedResourceCollection}), e.g. the
 * answer of {@code GET /v1/customers?size=40}:
 * {@code {"totalCount": 2, "items": [...], "links": {"self": {...}, "next": {...}}, "attributes": {"objectType": "Collection"}}}.
 *
 * @param totalCount number of items matching the request
 * @param items the items of this page
 * @param links {@code self} and, when more items follow, {@code next}
 * @param attributes {@code {"objectType": "Collection"}}
 * @param <T> the resource type
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceCollection<T>(
    Integer totalCount, List<T> items, ResourceLinks links, Map<String, String> attributes) {

  /** {@code attributes} of every collection. */
  public static final Map<String, String> COLLECTION_ATTRIBUTES = Map.of("objectType", "Collection");

  /** @return the items, never null */
  public List<T> itemsOrEmpty() {
    return items == null ? List.of() : items;
  }
}
