package io.partnerchannel.orchestrator.partnercenter.sandbox;

import static io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.support.ProcessTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The sandbox admin center: accepting reseller relationship invitations (R10, R6, idempotence) and approving
 * GDAP relationships, through the pages and the JSON endpoints. Invitations come from Litware CSP, not the
 * operating partner, so the relationships they create do not disturb other tests.
 */
@ProcessTest
class SandboxAdminCenterTest {

  @LocalServerPort int port;
  @Autowired SandboxEventQueue events;
  RestClient http;

  @BeforeEach
  void client() {
    http = http(port);
  }

  @Test
  void globalAdminAcceptsOnceAndTheCustomerAppearsWithOneEvent() {
    int eventsBefore = acceptedEvents(ADATUM);

    ResponseEntity<JsonNode> accepted = accept(LITWARE, ADATUM, "admin@adatum.onmicrosoft.com");
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(accepted.getBody().path("relationshipToPartner").asText()).isEqualTo("reseller");
    assertThat(accepted.getBody().path("allowDelegatedAccess").asBoolean()).isFalse();
    assertThat(customerIds(LITWARE)).contains(ADATUM);
    assertThat(acceptedEvents(ADATUM)).isEqualTo(eventsBefore + 1);
    SandboxEventQueue.Delivery event = last(events.all(SandboxEvent.RESELLER_RELATIONSHIP_ACCEPTED));
    assertThat(event.status()).isEqualTo(SandboxEventQueue.PENDING);
    assertThat(event.body()).contains("\"ResourceName\":\"Customer\"", "\"AuditUri\":null");

    ResponseEntity<JsonNode> again = accept(LITWARE, ADATUM, "admin@adatum.onmicrosoft.com");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(customerIds(LITWARE).stream().filter(ADATUM::equals)).hasSize(1);
    assertThat(acceptedEvents(ADATUM)).isEqualTo(eventsBefore + 1);

    // the operating partner's view is untouched (R7: relationships are per partner)
    assertThat(http.get().uri("/sandbox/v1/customers/" + ADATUM).header("Authorization", "Bearer " + NORTHWIND)
        .retrieve().toEntity(JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void nonGlobalAdminsAndCspTransactionTenantsAreRefusedAndNothingChanges() {
    int eventsBefore = events.all(SandboxEvent.RESELLER_RELATIONSHIP_ACCEPTED).size();

    for (String user : List.of("user@datum.onmicrosoft.com", "useradmin@adatum.onmicrosoft.com")) {
      String tenant = user.endsWith("adatum.onmicrosoft.com") ? ADATUM : DATUM;
      ResponseEntity<JsonNode> refused = accept(NORTHWIND, tenant, user);
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(refused.getBody().path("title").asText()).isEqualTo("Not a Global Administrator");
    }
    ResponseEntity<JsonNode> transactionTenant =
        accept(NORTHWIND, LITWARE_TRANSACTION_TENANT, "admin@litwarecsp.onmicrosoft.com");
    assertThat(transactionTenant.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(transactionTenant.getBody().path("title").asText()).isEqualTo("CSP transaction tenant");

    assertThat(accept(NORTHWIND, DATUM, "nobody@datum.onmicrosoft.com").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(accept(UUID.randomUUID().toString(), DATUM, "admin@datum.onmicrosoft.com").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<JsonNode> missing = http.post().uri("/sandbox/admin-center/partner-invitations/accept")
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("partnerId", NORTHWIND, "customerTenantId", DATUM))
        .retrieve().toEntity(JsonNode.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(missing.getBody().path("detail").asText()).contains("userPrincipalName");

    assertThat(customerIds(NORTHWIND)).doesNotContain(ADATUM, DATUM, LITWARE_TRANSACTION_TENANT);
    assertThat(events.all(SandboxEvent.RESELLER_RELATIONSHIP_ACCEPTED)).hasSize(eventsBefore);
  }

  @Test
  void invitationPageSignsInAndAcceptsOrRefusesWithAClearPage() {
    String link = "/sandbox/admin-center/Adminportal/Home?invType=ResellerRelationship&partnerId=" + LITWARE
        + "&msppId=0&DAP=false";
    ResponseEntity<String> page = http.get().uri(link).retrieve().toEntity(String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("Litware CSP", "No – reseller relationship only", "name=\"password\"");

    assertThat(signIn(LITWARE, "admin@fabrikam.onmicrosoft.com", "wrong").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> refused = signIn(LITWARE, "user@fabrikam.onmicrosoft.com", "Sandbox!User1");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).contains("Only a Global Administrator can accept");
    assertThat(customerIds(LITWARE)).doesNotContain(FABRIKAM);

    ResponseEntity<String> accepted = signIn(LITWARE, "admin@fabrikam.onmicrosoft.com", "Sandbox!Admin1");
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(accepted.getBody()).contains("Fabrikam accepted Litware CSP as its reseller.");
    assertThat(customerIds(LITWARE)).contains(FABRIKAM);

    assertThat(http.get().uri("/sandbox/admin-center/AdminPortal/Home").retrieve().toEntity(String.class).getBody())
        .contains("#\\/partners\\/invitation\\/granularAdminRelationships", "granular-admin-relationships");
  }

  @Test
  void customerGlobalAdminApprovesGdapOnceThroughThePageOrJson() {
    String pageApproved = lockedGdap(COHO);
    ResponseEntity<String> approvalPage = http.get().uri("/sandbox/admin-center/granular-admin-relationships/{id}", pageApproved)
        .retrieve().toEntity(String.class);
    assertThat(approvalPage.getBody()).contains("Northwind Cloud Solutions", "Exchange Administrator", "Approve all");
    ResponseEntity<String> approved = http.post().uri("/sandbox/admin-center/granular-admin-relationships/{id}", pageApproved)
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(form("userPrincipalName", "admin@cohowinery.onmicrosoft.com", "password", "Sandbox!Admin1"))
        .retrieve().toEntity(String.class);
    assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(approved.getBody()).contains("Admin relationship approved");
    assertThat(approvedEvents(pageApproved)).isEqualTo(1);

    String id = lockedGdap(BELLOWS);
    assertThat(approve(id, "user@bellowscollege.onmicrosoft.com").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(approve(id, "admin@cohowinery.onmicrosoft.com").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> ok = approve(id, "admin@bellowscollege.onmicrosoft.com");
    assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ok.getBody().path("status").asText()).isEqualTo("active");
    assertThat(approve(id, "admin@bellowscollege.onmicrosoft.com").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(approvedEvents(id)).isEqualTo(1);
    assertThat(last(events.all(SandboxEvent.GRANULAR_ADMIN_RELATIONSHIP_APPROVED)).body())
        .contains("\"ResourceUri\":\"https://partner.microsoft.com/granularAdminRelationships/" + id + "\"");
  }

  /** A GDAP relationship of the operating partner with the customer, locked for approval. */
  private String lockedGdap(String customerTenantId) {
    JsonNode created = http.post().uri("/sandbox/graph/v1.0/tenantRelationships/delegatedAdminRelationships")
        .header("Authorization", "Bearer " + NORTHWIND)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("displayName", "Approval " + UUID.randomUUID().toString().substring(0, 8), "duration", "P730D",
            "customer", Map.of("tenantId", customerTenantId),
            "accessDetails", Map.of("unifiedRoles", List.of(Map.of("roleDefinitionId", EXCHANGE_ADMINISTRATOR)))))
        .retrieve().body(JsonNode.class);
    String id = created.path("id").asText();
    assertThat(approve(id, "admin@bellowscollege.onmicrosoft.com").getStatusCode())
        .as("not locked for approval yet").isIn(HttpStatus.CONFLICT, HttpStatus.FORBIDDEN);
    http.post().uri("/sandbox/graph/v1.0/tenantRelationships/delegatedAdminRelationships/{id}/requests", id)
        .header("Authorization", "Bearer " + NORTHWIND)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("action", "lockForApproval"))
        .retrieve().toBodilessEntity();
    return id;
  }

  private ResponseEntity<JsonNode> accept(String partnerId, String customerTenantId, String userPrincipalName) {
    return http.post().uri("/sandbox/admin-center/partner-invitations/accept")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("partnerId", partnerId, "customerTenantId", customerTenantId, "userPrincipalName", userPrincipalName))
        .retrieve().toEntity(JsonNode.class);
  }

  private ResponseEntity<JsonNode> approve(String id, String userPrincipalName) {
    return http.post().uri("/sandbox/admin-center/granular-admin-relationships/{id}/approve", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("userPrincipalName", userPrincipalName))
        .retrieve().toEntity(JsonNode.class);
  }

  private ResponseEntity<String> signIn(String partnerId, String userPrincipalName, String password) {
    return http.post().uri("/sandbox/admin-center/partner-invitations")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(form("partnerId", partnerId, "dap", "false", "userPrincipalName", userPrincipalName, "password", password))
        .retrieve().toEntity(String.class);
  }

  private List<String> customerIds(String partnerId) {
    JsonNode page = http.get().uri("/sandbox/v1/customers?size=500").header("Authorization", "Bearer " + partnerId)
        .retrieve().body(JsonNode.class);
    List<String> ids = new java.util.ArrayList<>();
    page.path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  private int acceptedEvents(String customerTenantId) {
    return (int) events.all(SandboxEvent.RESELLER_RELATIONSHIP_ACCEPTED).stream()
        .filter(e -> e.resourceUri().equals(SandboxEvent.customerUri(customerTenantId))).count();
  }

  private int approvedEvents(String relationshipId) {
    return (int) events.all(SandboxEvent.GRANULAR_ADMIN_RELATIONSHIP_APPROVED).stream()
        .filter(e -> e.resourceUri().equals(SandboxEvent.granularAdminRelationshipUri(relationshipId))).count();
  }

  private static <T> T last(List<T> list) {
    return list.get(list.size() - 1);
  }

  private static MultiValueMap<String, String> form(String... keyValues) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      form.add(keyValues[i], keyValues[i + 1]);
    }
    return form;
  }
}
