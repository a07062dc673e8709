package io.partnerchannel.orchestrator.partnercenter.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.support.ProcessTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerchannel.orchestrator.partnercenter.contract.ContractFixture;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * The sandbox answers the documented requests of the contract fixtures ({@code src/test/resources/contract})
 * with the documented shapes: each fixture's request is sent (its example ids replaced by sandbox ids), and the
 * answer must have the documented status, every property of the documented response body with the same JSON
 * type (numbers stay numbers, e.g. Partner Center error codes), and echo {@code MS-CorrelationId} /
 * {@code MS-RequestId}. Values differ: the sandbox has its own world.
 */
@ProcessTest
class SandboxContractTest {

  static final String NORTHWIND = "a1b2c3d4-0000-4000-8000-000000000001";
  static final String TAILSPIN = "a1b2c3d4-0000-4000-8000-000000000002";
  static final String FOURTH_COFFEE = "a1b2c3d4-0000-4000-8000-000000000003";
  static final String ADATUM = "c0ffee00-0000-4000-8000-000000000001";
  static final String BELLOWS = "c0ffee00-0000-4000-8000-000000000002";
  static final String PROSEWARE = "c0ffee00-0000-4000-8000-000000000011";
  static final String DOCUMENTED_RELATIONSHIP = "5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836";
  static final String DOCUMENTED_ASSIGNED_RELATIONSHIP = "72a7ae7e-4887-4e34-9755-2e1e9b26b943-63f017cb-9e0d-4f14-94bd-4871902b3409";

  @LocalServerPort int port;
  @Autowired SandboxGdap gdap;
  @Autowired ObjectMapper objectMapper;
  RestClient http;

  @BeforeEach
  void client() {
    http = TestUsers.jdkClient("http://localhost:" + port + "/sandbox").build();
  }

  /** Sends the fixture's documented request as {@code caller}, ids replaced, and checks the documented answer. */
  JsonNode answers(String name, String caller, Map<String, String> replacements) {
    ContractFixture fixture = ContractFixture.load(name);
    ContractFixture.Request documented = fixture.request();
    String path = (name.startsWith("graph/") ? "/graph" : "") + replace(documented.path(), replacements);
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
    documented.query().forEach((key, value) -> uri.queryParam(key, replace(value, replacements)));
    String correlationId = UUID.randomUUID().toString();
    String requestId = UUID.randomUUID().toString();
    RestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(documented.method()))
        .uri(uri.build().toUriString())
        .header("Authorization", "Bearer " + caller)
        .header("MS-CorrelationId", correlationId)
        .header("MS-RequestId", requestId)
        .accept(MediaType.APPLICATION_JSON);
    if (documented.body() != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(replace(documented.body().toString(), replacements));
    }
    ResponseEntity<JsonNode> answer = request.retrieve().toEntity(JsonNode.class);

    assertThat(answer.getStatusCode().value()).as(name + " status, answer " + answer.getBody()).isEqualTo(fixture.response().status());
    assertThat(answer.getHeaders().getFirst("MS-CorrelationId")).as(name + " echoes MS-CorrelationId").isEqualTo(correlationId);
    assertThat(answer.getHeaders().getFirst("MS-RequestId")).as(name + " echoes MS-RequestId").isEqualTo(requestId);
    List<String> differences = new ArrayList<>();
    shape(fixture.response().body(), answer.getBody(), "$", differences);
    assertThat(differences).as(name + ": properties of the documented answer missing or of another type").isEmpty();
    return answer.getBody();
  }

  static String replace(String text, Map<String, String> replacements) {
    String replaced = text;
    for (Map.Entry<String, String> replacement : replacements.entrySet()) {
      replaced = replaced.replace(replacement.getKey(), replacement.getValue());
    }
    return replaced;
  }

  /** Every property of {@code documented} is in {@code actual}, with the same JSON type, recursively. */
  static void shape(JsonNode documented, JsonNode actual, String at, List<String> differences) {
    if (documented == null || documented.isNull()) {
      return;
    }
    if (actual == null || actual.isMissingNode()) {
      differences.add(at + " missing");
      return;
    }
    if (actual.isNull()) {
      return; // documented example values may be null in other answers (e.g. activatedDateTime)
    }
    if (documented.isObject()) {
      if (!actual.isObject()) {
        differences.add(at + " is no object");
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = documented.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!actual.has(field.getKey())) {
          differences.add(at + "." + field.getKey() + " missing");
        } else {
          shape(field.getValue(), actual.get(field.getKey()), at + "." + field.getKey(), differences);
        }
      }
    } else if (documented.isArray()) {
      if (!actual.isArray()) {
        differences.add(at + " is no array");
      } else if (!documented.isEmpty() && !actual.isEmpty()) {
        shape(documented.get(0), actual.get(0), at + "[0]", differences);
      }
    } else if (documented.getNodeType() != actual.getNodeType()
        && !(documented.isTextual() && documented.asText().isEmpty())) {
      differences.add(at + " is " + actual.getNodeType() + ", documented " + documented.getNodeType());
    }
  }

  @Test
  void relationshipRequestLinks() {
    assertThat(answers("partner-center/request-reseller-relationship", NORTHWIND, Map.of()).path("url").asText())
        .contains("invType=ResellerRelationship", "partnerId=" + NORTHWIND);
    assertThat(answers("partner-center/get-relationship-request-link-indirect-reseller", TAILSPIN,
        Map.of("484e548c-f5f3-4528-93a9-c16c6373cb59", FOURTH_COFFEE)).path("url").asText())
        .contains("invType=IndirectResellerRelationship", "partnerId=" + TAILSPIN, "indirectCSPId=" + FOURTH_COFFEE);
  }

  @Test
  void profilesAndCustomers() {
    answers("partner-center/get-legal-business-profile", NORTHWIND, Map.of());
    answers("partner-center/get-partner-network-profile", NORTHWIND, Map.of());
    assertThat(answers("partner-center/get-a-customer-by-id", NORTHWIND,
        Map.of("eebd1b55-5360-4438-a11d-5c06918c3014", PROSEWARE)).path("id").asText()).isEqualTo(PROSEWARE);
  }

  @Test
  void indirectModel() {
    assertThat(answers("partner-center/retrieve-a-list-of-indirect-resellers", TAILSPIN, Map.of())
        .path("items").findValuesAsText("id")).contains(FOURTH_COFFEE);
    answers("partner-center/verify-indirect-reseller-mpa-status", TAILSPIN,
        Map.of("a2898e3a-06ca-454e-a0d0-c73b0ee36bba", FOURTH_COFFEE));
    assertThat(answers("partner-center/verify-indirect-reseller-mpa-status-no-account", TAILSPIN,
        Map.of("12345678-ACBD-1234-ABCD-123456789ABC", UUID.randomUUID().toString())).path("code").asInt())
        .isEqualTo(2205);
  }

  @Test
  void tenantInformation() {
    assertThat(answers("graph/tenantrelationship-findtenantinformationbydomainname", NORTHWIND,
        Map.of("contoso.com", "adatum.onmicrosoft.com")).path("tenantId").asText()).isEqualTo(ADATUM);
    assertThat(answers("graph/tenantrelationship-findtenantinformationbytenantid", NORTHWIND,
        Map.of("6babcaad-604b-40ac-a9d7-9fd97c0b779f", ADATUM)).path("defaultDomainName").asText())
        .isEqualTo("adatum.onmicrosoft.com");
  }

  @Test
  void gdapRelationshipFromCreationToAccessAssignments() {
    String displayName = "Contract " + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("Contoso admin relationship", displayName);
    ids.put("4b827261-d21f-4aa9-b7db-7fa1f56fb163", BELLOWS);
    ids.put("Contoso subsidiary Inc", "Bellows College");
    // the roles of the documented access assignment (another relationship on its page) must be the relationship's
    ids.put("{\"roleDefinitionId\":\"3a2c62db-5318-420d-8d74-23affee5d9d5\"}",
        "{\"roleDefinitionId\":\"3a2c62db-5318-420d-8d74-23affee5d9d5\"},{\"roleDefinitionId\":\"f2ef992c-3afb-46b9-b7cf-a126ee74c451\"},"
            + "{\"roleDefinitionId\":\"729827e3-9c14-49f7-bb1b-9608f156bbb8\"}");
    JsonNode created = answers("graph/tenantrelationship-post-delegatedadminrelationships", NORTHWIND, ids);
    assertThat(created.path("status").asText()).isEqualTo("created");
    String id = created.path("id").asText();

    answers("graph/delegatedadminrelationship-get", NORTHWIND, Map.of(DOCUMENTED_RELATIONSHIP, id));
    assertThat(answers("graph/tenantrelationship-list-delegatedadminrelationships", NORTHWIND, ids)
        .path("value").findValuesAsText("id")).containsExactly(id);
    assertThat(answers("graph/delegatedadminrelationship-post-requests", NORTHWIND, Map.of(DOCUMENTED_RELATIONSHIP, id))
        .path("action").asText()).isEqualTo("lockForApproval");

    gdap.approve(id, "admin@bellowscollege.onmicrosoft.com");
    JsonNode assignment = answers("graph/delegatedadminrelationship-post-accessassignments", NORTHWIND,
        Map.of(DOCUMENTED_ASSIGNED_RELATIONSHIP, id));
    assertThat(answers("graph/delegatedadminrelationship-list-accessassignments", NORTHWIND,
        Map.of(DOCUMENTED_ASSIGNED_RELATIONSHIP, id)).path("value").findValuesAsText("id"))
        .containsExactly(assignment.path("id").asText());
  }
}
