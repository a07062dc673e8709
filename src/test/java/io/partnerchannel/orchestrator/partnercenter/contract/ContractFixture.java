package io.partnerchannel.orchestrator.partnercenter.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One documented Partner Center or Microsoft Graph call, copied from Microsoft's documentation: the example
 * request and the example response of one doc page, in {@code src/test/resources/contract/<api>/<page>.json}.
 *
 * <p>File shape (every fixture names its source page; bodies are copied as the page writes them, casing
 * included):
 * <pre>{@code
 * {
 *   "source": "https://learn.microsoft.com/en-us/partner-center/developer/<page>",
 *   "note": "optional: what we chose where the doc pages differ",
 *   "request":  {"method": "GET", "path": "/v1/customers/{customer-tenant-id}", "query": {"k": "v"},
 *                "headers": {"MS-CorrelationId": "..."}, "body": { ... } },
 *   "response": {"status": 200, "headers": {"MS-RequestId": "..."}, "body": { ... } }
 * }
 * }</pre>
 * {@code path} keeps the page's placeholders or its example ids; {@code query}, {@code headers} and
 * {@code body} may be absent. The client's contract tests serve {@code response} (WireMock) and compare the
 * request the client sends with {@code request}; the sandbox's tests send {@code request} and read the
 * answer with the same expectations.
 *
 * @param name the fixture's name, {@code <api>/<page>} (e.g. {@code partner-center/get-a-customer-by-id})
 * @param source the documentation page the example comes from
 * @param request the documented request
 * @param response the documented response
 */
public record ContractFixture(String name, String source, Request request, Response response) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param method HTTP method
   * @param path path as documented (placeholders or example ids)
   * @param query query parameters (empty when none)
   * @param headers request headers the page shows (empty when none)
   * @param body request body, or {@code null}
   */
  public record Request(String method, String path, Map<String, String> query, Map<String, String> headers,
      JsonNode body) {}

  /**
   * @param status HTTP status
   * @param headers response headers the page shows
   * @param body response body, or {@code null}
   */
  public record Response(int status, Map<String, String> headers, JsonNode body) {}

  /**
   * Reads {@code contract/<name>.json} from the test class path.
   *
   * @param name {@code <api>/<page>}, e.g. {@code partner-center/get-a-customer-by-id}
   * @return the fixture
   * @throws IllegalArgumentException when the file is missing or has no {@code source}, {@code request} or
   *     {@code response}
   */
  public static ContractFixture load(String name) {
    String resource = "/contract/" + name + ".json";
    try (InputStream in = ContractFixture.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No contract fixture " + resource);
      }
      JsonNode root = JSON.readTree(in);
      require(root, "source", resource);
      JsonNode request = require(root, "request", resource);
      JsonNode response = require(root, "response", resource);
      return new ContractFixture(
          name,
          root.get("source").asText(),
          new Request(
              require(request, "method", resource).asText(),
              require(request, "path", resource).asText(),
              strings(request.get("query")),
              strings(request.get("headers")),
              nullIfMissing(request.get("body"))),
          new Response(
              require(response, "status", resource).asInt(),
              strings(response.get("headers")),
              nullIfMissing(response.get("body"))));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read contract fixture " + resource, e);
    }
  }

  /** @return the documented response body as JSON text, or an empty string when it has none */
  public String responseBodyText() {
    return response.body() == null ? "" : response.body().toString();
  }

  private static JsonNode require(JsonNode node, String field, String resource) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException(resource + " has no '" + field + "'");
    }
    return value;
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> values = new LinkedHashMap<>();
    if (node != null) {
      node.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
    }
    return values;
  }

  private static JsonNode nullIfMissing(JsonNode node) {
    return node == null || node.isMissingNode() ? null : node;
  }
}
