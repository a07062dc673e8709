package io.partnerchannel.orchestrator.partnercenter.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.contract.ContractFixture;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@link RestPartnerCenter} client against Microsoft's documented examples: WireMock answers each
 * fixture's documented response, and the test checks that the client sent the documented request (method,
 * path, query, body, {@code Authorization}, {@code Accept}, {@code MS-CorrelationId}, {@code MS-RequestId}).
 * The client is pointed at WireMock with {@code pco.partner-center.api-base-url} / {@code graph-base-url}.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class ContractTestSupport {

  static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  static final WireMockServer MICROSOFT = new WireMockServer(wireMockConfig().dynamicPort());

  static {
    MICROSOFT.start();
  }

  @Autowired PartnerCenter partnerCenter;

  @DynamicPropertySource
  static void pointTheClientAtWireMock(DynamicPropertyRegistry registry) {
    registry.add(RestPartnerCenter.API_BASE_URL, MICROSOFT::baseUrl);
    registry.add(RestPartnerCenter.GRAPH_BASE_URL, () -> MICROSOFT.baseUrl() + "/v1.0");
  }

  @BeforeEach
  void resetWireMock() {
    MICROSOFT.resetAll();
  }

  /** Serves the fixture's documented response for its documented request path (any query). */
  static ContractFixture serve(String name) {
    ContractFixture fixture = ContractFixture.load(name);
    ResponseDefinitionBuilder response = aResponse().withStatus(fixture.response().status());
    fixture.response().headers().forEach(response::withHeader);
    if (fixture.response().body() != null) {
      response.withBody(fixture.responseBodyText());
    }
    MICROSOFT.stubFor(request(fixture.request().method(), urlPathEqualTo(fixture.request().path())).willReturn(response));
    return fixture;
  }

  /** Checks that exactly one request matched the fixture's documented request, with our standard headers. */
  static void verifyDocumentedRequest(ContractFixture fixture) {
    ContractFixture.Request documented = fixture.request();
    RequestPatternBuilder pattern = requestedFor(documented.method(), urlPathEqualTo(documented.path()))
        .withHeader("Authorization", matching("Bearer .+"))
        .withHeader("Accept", containing("application/json"))
        .withHeader("MS-CorrelationId", matching(UUID))
        .withHeader("MS-RequestId", matching(UUID));
    for (Map.Entry<String, String> parameter : documented.query().entrySet()) {
      pattern.withQueryParam(parameter.getKey(), equalTo(parameter.getValue()));
    }
    if (documented.body() != null) {
      pattern.withHeader("Content-Type", containing("application/json"))
          .withRequestBody(equalToJson(documented.body().toString(), false, false));
    }
    MICROSOFT.verify(1, pattern);
  }
}
