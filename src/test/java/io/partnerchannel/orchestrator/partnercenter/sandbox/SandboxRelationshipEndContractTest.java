package io.partnerchannel.orchestrator.partnercenter.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.support.ProcessTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerchannel.orchestrator.partnercenter.contract.ContractFixture;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The sandbox answers the documented requests of ending a relationship with the documented shapes (as
 * {@link SandboxContractTest} does for the other calls): entitlements, the removal of a reseller relationship and
 * the activity records, the customer list; and refuses a removal while a subscription is active or a reservation current, in Partner
 * Center's error shape (numeric code 600006), keeping the relationship.
 */
@ProcessTest
class SandboxRelationshipEndContractTest {

  static final String NORTHWIND = SandboxContractTest.NORTHWIND;
  static final String ADATUM = SandboxContractTest.ADATUM;
  static final String PROSEWARE = SandboxContractTest.PROSEWARE;

  @LocalServerPort int port;
  @Autowired SandboxDirectory directory;
  @Autowired SandboxRelationshipEnds ends;
  @Autowired ObjectMapper objectMapper;
  RestClient http;

  @BeforeEach
  void relateAdatum() {
    http = TestUsers.jdkClient("http://localhost:" + port + "/sandbox").build();
    ends.deleteRelationship(ADATUM, NORTHWIND);
    directory.insertRelationship(new CustomerRelationship(ADATUM, NORTHWIND, "reseller", false, null,
        OffsetDateTime.now(ZoneOffset.UTC)));
  }

  @AfterEach
  void unrelateAdatum() {
    ends.deleteEntitlements(ADATUM);
    ends.deleteRelationship(ADATUM, NORTHWIND);
  }

  @Test
  void entitlementsRemovalAndActivityRecordsAnswerTheDocumentedShapes() {
    ends.insertEntitlement(ADATUM, NORTHWIND, ContractFixture.load("partner-center/get-a-collection-of-entitlements")
        .response().body().path("items").get(0));
    JsonNode entitlements = answers("partner-center/get-a-collection-of-entitlements",
        Map.of("18ac2950-8ea9-4dfc-92a4-ff4d4cd57796", ADATUM));
    assertThat(entitlements.path("items").findValuesAsText("entitlementType")).containsExactly("reservedinstance");
    ends.deleteEntitlements(ADATUM);

    JsonNode removed = answers("partner-center/remove-a-reseller-relationship-with-a-customer",
        Map.of("dfd8cc0a-c592-468c-8461-869a38d24738", ADATUM));
    assertThat(removed.path("RelationshipToPartner").asText()).isEqualTo("none");
    assertThat(directory.relationship(ADATUM, NORTHWIND)).isEmpty();

    String today = LocalDate.now(ZoneOffset.UTC).toString();
    JsonNode records = answers("partner-center/get-a-record-of-partner-center-activity-by-user",
        Map.of("2017-06-01", today, "2017-06-15", today, "partner_customer_dap", "partner_customer_relationship"));
    assertThat(records.path("items").findValuesAsText("customerId")).contains(ADATUM);
  }

  @Test
  void theCustomerListAnswersTheDocumentedShapeWithEachRelationship() {
    JsonNode customers = answers("partner-center/get-a-list-of-customers", Map.of());

    assertThat(customers.path("items").findValuesAsText("id")).contains(ADATUM);
    assertThat(customers.path("items").findValuesAsText("relationshipToPartner")).containsOnly("reseller");
  }

  @Test
  void removalIsRefusedWhileASubscriptionIsActiveOrAReservationCurrent() {
    ResponseEntity<JsonNode> refused = patch(PROSEWARE);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().path("code").isNumber()).isTrue();
    assertThat(refused.getBody().path("code").asInt()).isEqualTo(600006);
    assertThat(refused.getBody().path("description").asText()).contains("is active");
    assertThat(directory.relationship(PROSEWARE, NORTHWIND)).isPresent();

    ends.insertEntitlement(ADATUM, NORTHWIND, ContractFixture.load("partner-center/get-a-collection-of-entitlements")
        .response().body().path("items").get(0));
    assertThat(patch(ADATUM).getBody().path("description").asText()).contains("reservedinstance");
    assertThat(directory.relationship(ADATUM, NORTHWIND)).isPresent();

    ends.deleteEntitlements(ADATUM);
    assertThat(patch(ADATUM).getStatusCode().value()).isEqualTo(200);
    assertThat(patch(ADATUM).getStatusCode().value()).as("no relationship any more").isEqualTo(404);
  }

  private ResponseEntity<JsonNode> patch(String customerTenantId) {
    return http.patch().uri("/v1/customers/{id}", customerTenantId)
        .header("Authorization", "Bearer " + NORTHWIND)
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"relationshipToPartner\":\"none\",\"attributes\":{\"objectType\":\"Customer\"}}")
        .retrieve().toEntity(JsonNode.class);
  }

  /** Sends the fixture's documented request as Northwind, ids replaced, and checks the documented answer. */
  private JsonNode answers(String name, Map<String, String> replacements) {
    ContractFixture fixture = ContractFixture.load(name);
    ContractFixture.Request documented = fixture.request();
    UriComponentsBuilder uri = UriComponentsBuilder.fromUriString("http://localhost:" + port + "/sandbox")
        .path(SandboxContractTest.replace(documented.path(), replacements));
    documented.query().forEach((key, value) -> uri.queryParam(key, "{" + key + "}"));
    Map<String, String> query = new java.util.HashMap<>();
    documented.query().forEach((key, value) -> query.put(key, SandboxContractTest.replace(value, replacements)));
    String correlationId = UUID.randomUUID().toString();
    String requestId = UUID.randomUUID().toString();
    RestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(documented.method()))
        .uri(uri.encode().buildAndExpand(query).toUri())
        .header("Authorization", "Bearer " + NORTHWIND)
        .header("MS-CorrelationId", correlationId)
        .header("MS-RequestId", requestId)
        .accept(MediaType.APPLICATION_JSON);
    if (documented.body() != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(SandboxContractTest.replace(documented.body().toString(), replacements));
    }
    ResponseEntity<JsonNode> answer = request.retrieve().toEntity(JsonNode.class);

    assertThat(answer.getStatusCode().value()).as(name + " status, answer " + answer.getBody()).isEqualTo(fixture.response().status());
    assertThat(answer.getHeaders().getFirst("MS-CorrelationId")).as(name + " echoes MS-CorrelationId").isEqualTo(correlationId);
    assertThat(answer.getHeaders().getFirst("MS-RequestId")).as(name + " echoes MS-RequestId").isEqualTo(requestId);
    List<String> differences = new ArrayList<>();
    SandboxContractTest.shape(fixture.response().body(), answer.getBody(), "$", differences);
    assertThat(differences).as(name + ": properties of the documented answer missing or of another type").isEmpty();
    return answer.getBody();
  }
}
