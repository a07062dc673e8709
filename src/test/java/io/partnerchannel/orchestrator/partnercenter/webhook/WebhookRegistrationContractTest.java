package io.partnerchannel.orchestrator.partnercenter.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.partnerchannel.orchestrator.events.PartnerCenterEvent;
import io.partnerchannel.orchestrator.events.PartnerCenterEventInbox;
import io.partnerchannel.orchestrator.partnercenter.contract.ContractFixture;
import io.partnerchannel.orchestrator.partnercenter.contract.SignedInWireMockTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The webhook registration against Microsoft's documented examples (partner-center-webhooks: view, register,
 * update, test event), served by WireMock: none registered → the documented POST; another URL → the documented
 * PUT; the same → no write; the test event's correlation id is read as documented. The health component shows the
 * registration and the last event received.
 */
@SpringBootTest
class WebhookRegistrationContractTest extends SignedInWireMockTest {

  static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired WebhookRegistration registration;
  @Autowired WebhookHealthIndicator health;
  @Autowired PartnerCenterEventInbox inbox;

  @Test
  void withoutARegistrationTheDocumentedPostRegistersOurUrlAndTheEventsTheProcessesWaitFor() throws Exception {
    MICROSOFT.stubFor(get(urlPathEqualTo("/webhooks/v1/registration")).willReturn(aResponse().withStatus(404)));
    ContractFixture register = serve("partner-center/partner-center-webhooks-register-to-receive-events");

    assertThat(registration.register()).isEqualTo(WebhookRegistration.Outcome.CREATED);

    JsonNode sent = documentedRequest(register);
    assertThat(sent.get("WebhookUrl").asText()).isEqualTo("https://orchestrator.example.test/api/partner-center/events");
    assertThat(JSON.convertValue(sent.get("WebhookEvents"), List.class)).containsExactlyInAnyOrder(
        "reseller-relationship-accepted-by-customer", "indirect-reseller-relationship-accepted-by-customer",
        "granular-admin-relationship-approved", "subscription-updated", "test-created");
    assertThat(registration.state().registered()).isTrue();
    assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
  }

  @Test
  void aRegistrationOfAnotherUrlIsUpdatedWithTheDocumentedPut() throws Exception {
    serve("partner-center/partner-center-webhooks-view-a-registration");
    ContractFixture update = serve("partner-center/partner-center-webhooks-update-an-event-registration");

    assertThat(registration.register()).isEqualTo(WebhookRegistration.Outcome.UPDATED);

    assertThat(documentedRequest(update).get("WebhookUrl").asText()).isEqualTo(registration.callbackUrl());
    MICROSOFT.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void theSameRegistrationIsLeftAlone() throws Exception {
    MICROSOFT.stubFor(get(urlPathEqualTo("/webhooks/v1/registration")).willReturn(okJson("""
        {"WebhookUrl": "https://orchestrator.example.test/api/partner-center/events",
         "WebhookEvents": ["test-created", "subscription-updated", "granular-admin-relationship-approved",
           "indirect-reseller-relationship-accepted-by-customer", "reseller-relationship-accepted-by-customer"]}""")));

    assertThat(registration.register()).isEqualTo(WebhookRegistration.Outcome.UNCHANGED);

    MICROSOFT.verify(0, postRequestedFor(anyUrl()));
    MICROSOFT.verify(0, putRequestedFor(anyUrl()));
  }

  @Test
  void theTestEventIsRequestedAsDocumentedAndTheLastEventReceivedShows() {
    ContractFixture test = serve("partner-center/partner-center-webhooks-send-a-test-event");

    assertThat(registration.sendTestEvent()).isEqualTo("04af2aea-d413-42db-824e-f328001484d1");

    List<LoggedRequest> sent = MICROSOFT.findAll(requestedFor(test.request().method(), urlPathEqualTo(test.request().path())));
    assertThat(sent).singleElement().satisfies(request -> {
      assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-for-PARTNER_CENTER");
      assertThat(request.getHeader("MS-CorrelationId")).matches(UUID);
      assertThat(request.getBodyAsString()).isEmpty();
    });

    // The test event as Partner Center delivers it (partner-center-webhook-events, Test Event), into the inbox.
    inbox.receive(new PartnerCenterEvent("test-created",
        "https://api.partnercenter.microsoft.com/webhooks/v1/registration/validationEvents/04af2aea-d413-42db-824e-f328001484d1",
        "test", null, "2017-11-16T16:19:06.3520276+00:00"));
    assertThat(health.health().getDetails().get("lastEventReceived").toString()).startsWith("test-created at ");
  }

  /** Serves the fixture's documented response for its documented method and path. */
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

  /**
   * The one request the client sent for the fixture: our standard headers, JSON, and a body with exactly the
   * documented fields (names as the page writes them, same JSON types).
   */
  static JsonNode documentedRequest(ContractFixture fixture) throws Exception {
    List<LoggedRequest> sent = MICROSOFT.findAll(requestedFor(fixture.request().method(), urlPathEqualTo(fixture.request().path()))
        .withHeader("Authorization", matching("Bearer .+"))
        .withHeader("Content-Type", matching("application/json.*"))
        .withHeader("MS-CorrelationId", matching(UUID))
        .withHeader("MS-RequestId", matching(UUID)));
    assertThat(sent).hasSize(1);
    JsonNode body = JSON.readTree(sent.get(0).getBodyAsString());
    JsonNode documented = fixture.request().body();
    assertThat(fieldNames(body)).containsExactlyInAnyOrderElementsOf(fieldNames(documented));
    documented.fields().forEachRemaining(field ->
        assertThat(body.get(field.getKey()).getNodeType()).as(field.getKey()).isEqualTo(field.getValue().getNodeType()));
    assertThat(MICROSOFT.findAll(anyRequestedFor(anyUrl()))).allSatisfy(request ->
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-for-PARTNER_CENTER"));
    return body;
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
