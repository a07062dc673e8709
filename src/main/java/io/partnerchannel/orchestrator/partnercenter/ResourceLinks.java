package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Partner Center {@code links} of a resource or collection. A paged collection carries {@code next}, whose
 * {@code uri} is relative to the API base (e.g. {@code /v1/customers?size=40&seekOperation=next}) and whose
 * {@code headers} (e.g. {@code MS-ContinuationToken}) must be sent with the next request.
 *
 * @param self the link to this resource
 * @param next the link to the next page, or null on the last page
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceLinks(Link self, Link next) {

  /**
   * @param uri path relative to the API base, e.g. {@code /v1/customers/{id}}
   * @param method HTTP method, e.g. {@code GET}
   * @param headers headers to send along
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Link(String uri, String method, List<Header> headers) {

    /** @return a {@code GET} link without headers */
    public static Link get(String uri) {
      return new Link(uri, "GET", List.of());
    }
  }

  /**
   * @param key header name
   * @param value header value
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Header(String key, String value) {}
}
