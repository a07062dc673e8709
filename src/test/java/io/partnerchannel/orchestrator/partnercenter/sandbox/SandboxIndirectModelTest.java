package io.partnerchannel.orchestrator.partnercenter.sandbox;

import static io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.support.SandboxDriver;
import io.partnerchannel.orchestrator.support.ProcessTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The sandbox's indirect model: the agreement status endpoint ({@code GET /v1/compliance/csp/agreementstatus},
 * A9, R16) with Partner Center's error codes, and the admin center accepting an indirect provider's indirect
 * reseller link, which records the relationship for the provider with the reseller associated (R15) and
 * raises {@code indirect-reseller-relationship-accepted-by-customer}.
 */
@ProcessTest
class SandboxIndirectModelTest {

  private static final String WINGTIP = "a1b2c3d4-0000-4000-8000-000000000004";
  private static final String WIDE_WORLD_IMPORTERS = "c0ffee00-0000-4000-8000-000000000010";
  private static final String AGREEMENT_STATUS = "/sandbox/v1/compliance/csp/agreementstatus";

  @LocalServerPort int port;
  SandboxDriver sandbox;
  @Autowired SandboxEventQueue events;
  RestClient http;

  @BeforeEach
  void client() {
    http = http(port);
  }

  @AfterEach
  void restoreAgreements() {
    sandbox.agreement(WINGTIP, "EUROPE", true);
    sandbox.agreement(WINGTIP, "NORTHAMERICA", null);
  }

  @Test
  void agreementStatusOfAResellerThatSignedForTheProvidersRegion() {
    ResponseEntity<JsonNode> byTenant = get(AGREEMENT_STATUS + "?tenantId=" + FOURTH_COFFEE, TAILSPIN);
    ResponseEntity<JsonNode> byMpnId = get(AGREEMENT_STATUS + "?mpnId=6100004", TAILSPIN);

    assertThat(byTenant.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(byTenant.getBody()).hasToString("{\"isAgreementSigned\":true}");
    assertThat(byMpnId.getBody().path("isAgreementSigned").asBoolean()).isTrue();
  }

  @ParameterizedTest(name = "{0} → {2}")
  @CsvSource(delimiter = '|', textBlock = """
      no identifier                  | ''                                                     | 2001 | Both MPN Id and Tenant Id cannot be empty.
      both identifiers               | ?mpnId=6100003&tenantId=a1b2c3d4-0000-4000-8000-000000000003 | 2000 | Both MPN Id and Tenant Id should not be passed.
      tenant id not a GUID           | ?tenantId=fourthcoffee                                 | 2000 | Tenant Id must be a GUID.
      MPN id not numeric             | ?mpnId=61-00003                                        | 2000 | MPN Id must be numeric.
      unknown MPN id                 | ?mpnId=9999999                                         | 2200 | MPN Id 9999999 is either invalid or not yet migrated to Partner Center.
      unknown tenant id              | ?tenantId=0b0b0b0b-0000-4000-8000-000000000000         | 2205 | Partner Center doesn't find any account associated to the Tenant ID
      a direct-bill partner          | ?tenantId=a1b2c3d4-0000-4000-8000-000000000001         | 2204 | is not associated with a CSP Indirect Reseller account in Partner Center.
      """)
  void agreementStatusErrorsInPartnerCentersErrorBody(String name, String query, String code, String description) {
    ResponseEntity<JsonNode> answer = get(AGREEMENT_STATUS + query, TAILSPIN);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().path("code").asText()).isEqualTo(code);
    assertThat(answer.getBody().path("description").asText()).contains(description);
    assertThat(answer.getBody().path("source").asText()).isEqualTo("PartnerFD");
    assertThat(answer.getBody().path("data").isArray()).isTrue();
  }

  @Test
  void agreementNotSignedForTheRegion() {
    sandbox.agreement(WINGTIP, "EUROPE", false);
    ResponseEntity<JsonNode> notSigned = get(AGREEMENT_STATUS + "?tenantId=" + WINGTIP, TAILSPIN);
    assertThat(notSigned.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notSigned.getBody().path("code").asText()).isEqualTo("2203");
    assertThat(notSigned.getBody().path("description").asText())
        .isEqualTo("Tenant Id " + WINGTIP + " has not signed Microsoft Partner Agreement (MPA) for the CSP region where the"
            + " order is being placed. Please advise your reseller to sign MPA to continue with the order.");
    assertThat(notSigned.getBody().path("data").get(0).asText()).contains("mpa-indirect-provider-faq");
  }

  @Test
  void agreementSignedForAnotherRegionOnly() {
    sandbox.agreement(WINGTIP, "EUROPE", null);
    sandbox.agreement(WINGTIP, "NORTHAMERICA", true);
    ResponseEntity<JsonNode> otherRegion = get(AGREEMENT_STATUS + "?mpnId=6100004", TAILSPIN);
    assertThat(otherRegion.getBody().path("code").asText()).isEqualTo("2201");
    assertThat(otherRegion.getBody().path("description").asText()).startsWith("The CSP region of the MPN Id 6100004 doesn’t match");
  }

  @Test
  void agreementStatusNeedsThePartnerTokenAndTheCspProgram() {
    ResponseEntity<JsonNode> anonymous = http.get().uri(AGREEMENT_STATUS + "?tenantId=" + FOURTH_COFFEE).retrieve()
        .toEntity(JsonNode.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getBody().path("code").asText()).isEqualTo("800001");
    assertThat(get("/sandbox/v1/compliance/other/agreementstatus?tenantId=" + FOURTH_COFFEE, TAILSPIN).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void indirectResellerLinkMakesTheResellerTheAssociatedPartnerOfTheProvidersCustomer() {
    String page = http.get()
        .uri("/sandbox/admin-center/Adminportal/Home?invType=IndirectResellerRelationship&partnerId={p}&msppId=0"
            + "&indirectCSPId={r}&DAP=false", TAILSPIN, FOURTH_COFFEE)
        .retrieve().body(String.class);
    assertThat(page).contains("Tailspin Distribution", "The invitation comes through", "Fourth Coffee IT (Lisboa, PT)",
        "name=\"indirectResellerId\"", FOURTH_COFFEE);
    int before = events.all(SandboxEvent.INDIRECT_RESELLER_RELATIONSHIP_ACCEPTED).size();

    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("partnerId", TAILSPIN);
    form.add("indirectResellerId", FOURTH_COFFEE);
    form.add("dap", "false");
    form.add("userPrincipalName", "admin@wideworldimporters.onmicrosoft.com");
    form.add("password", "Sandbox!Admin1");
    ResponseEntity<String> done = http.post().uri("/sandbox/admin-center/partner-invitations")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().toEntity(String.class);

    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(done.getBody()).contains("accepted Tailspin Distribution as its reseller, through its indirect reseller Fourth Coffee IT");
    JsonNode customer = get("/sandbox/v1/customers/" + WIDE_WORLD_IMPORTERS, TAILSPIN).getBody();
    assertThat(customer.path("relationshipToPartner").asText()).isEqualTo("reseller");
    assertThat(customer.path("associatedPartnerId").asText()).isEqualTo(FOURTH_COFFEE);
    String filter = "{\"Field\":\"IndirectReseller\",\"Value\":\"" + FOURTH_COFFEE + "\",\"Operator\":\"starts_with\"}";
    assertThat(get("/sandbox/v1/customers?filter={f}", TAILSPIN, filter).getBody().path("items").findValuesAsText("id"))
        .contains(WIDE_WORLD_IMPORTERS);
    assertThat(get("/sandbox/v1/customers/" + WIDE_WORLD_IMPORTERS, FOURTH_COFFEE).getStatusCode())
        .as("the reseller does not own the relationship").isEqualTo(HttpStatus.NOT_FOUND);
    List<SandboxEventQueue.Delivery> raised = events.all(SandboxEvent.INDIRECT_RESELLER_RELATIONSHIP_ACCEPTED);
    assertThat(raised).hasSize(before + 1);
    assertThat(raised.get(raised.size() - 1).body())
        .contains("\"EventName\":\"indirect-reseller-relationship-accepted-by-customer\"",
            "\"ResourceUri\":\"https://api.partnercenter.microsoft.com/v1/customers/" + WIDE_WORLD_IMPORTERS + "\"");
  }

  @Test
  void indirectResellerLinkOfAPartnerWithoutThatResellerIsRefused() {
    Map<String, Object> body = new HashMap<>(Map.of("partnerId", TAILSPIN, "customerTenantId", DATUM,
        "userPrincipalName", "admin@datum.onmicrosoft.com", "indirectResellerId", LITWARE));
    ResponseEntity<JsonNode> refused = http.post().uri("/sandbox/admin-center/partner-invitations/accept")
        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody().path("detail").asText()).contains("Litware CSP is not in an active partnership");
    assertThat(get("/sandbox/v1/customers/" + DATUM, TAILSPIN).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<String> incomplete = http.get()
        .uri("/sandbox/admin-center/Adminportal/Home?invType=IndirectResellerRelationship&partnerId={p}", TAILSPIN)
        .retrieve().toEntity(String.class);
    assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(incomplete.getBody()).contains("indirectCSPId");
    ResponseEntity<String> unknown = http.get()
        .uri("/sandbox/admin-center/Adminportal/Home?invType=Nonsense&partnerId={p}&r={r}", TAILSPIN, UUID.randomUUID())
        .retrieve().toEntity(String.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private ResponseEntity<JsonNode> get(String uri, String partnerId, Object... variables) {
    return http.get().uri(uri, variables).header("Authorization", "Bearer " + partnerId).retrieve().toEntity(JsonNode.class);
  }
}
