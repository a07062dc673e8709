package io.partnerchannel.orchestrator.indirect;

import io.partnerchannel.orchestrator.support.ProcessJobs;
import static io.partnerchannel.orchestrator.indirect.IndirectTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnerchannel.orchestrator.invitation.ResellerRelationshipAcceptedCorrelator;
import io.partnerchannel.orchestrator.partnercenter.sandbox.EventSharedSecret;
import io.partnerchannel.orchestrator.support.TestUsers;
import io.partnerchannel.orchestrator.invitation.InvitationTestSupport;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxEventDelivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import org.springframework.web.client.RestClient;

/**
 * {@code /api/indirect-invitations} run by the indirect provider Tailspin Distribution: start (201 / 400
 * naming the fields, nothing started / 409), read with reseller and status, withdraw, delegated admin granted
 * to another reseller (R13), the provider's resellers; and the customer's acceptance events reaching the
 * process through {@code POST /api/partner-center/events}.
 */
@IndirectProviderTest
class IndirectInvitationApiTest {

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired EventSharedSecret eventSecret;
  @Autowired IdentityService identityService;
  @Autowired PartnerCenter partnerCenter;
  @Autowired SandboxEventDelivery sandboxEvents;
  @Autowired ObjectMapper objectMapper;
  @LocalServerPort int port;
  RestClient http;

  @BeforeEach
  void setUp() {
    http = InvitationTestSupport.http(port);
    InvitationTestSupport.deleteRunningInvitations(runtimeService);
    createUsers(identityService);
  }

  @AfterEach
  void tearDown() {
    InvitationTestSupport.deleteRunningInvitations(runtimeService);
  }

  @Test
  void startsAnInvitationThroughAResellerAndShowsTheReseller() {
    ResponseEntity<JsonNode> created =
        post("/api/indirect-invitations", body("Adatum Corporation", "Adatum.onmicrosoft.com", "VIA_RESELLER", WINGTIP));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = created.getBody().path("id").asText();
    assertThat(created.getHeaders().getLocation()).hasToString("http://localhost:" + port + "/api/indirect-invitations/" + id);
    assertThat(created.getBody().path("status").asText()).isEqualTo("REQUESTED");
    runDueJobs(id);

    JsonNode view = get("/api/indirect-invitations/" + id).getBody();
    assertThat(view.path("status").asText()).isEqualTo("WITH_RESELLER");
    assertThat(view.path("route").asText()).isEqualTo("VIA_RESELLER");
    assertThat(view.path("reseller").path("tenantId").asText()).isEqualTo(WINGTIP);
    assertThat(view.path("reseller").path("name").asText()).isEqualTo("Wingtip Solutions");
    assertThat(view.path("customerDomain").asText()).isEqualTo("adatum.onmicrosoft.com");
    assertThat(view.path("invitationUrl").asText()).contains("indirectCSPId=" + WINGTIP);
    assertThat(view.path("associatedPartnerId").isNull()).isTrue();
    assertThat(view.path("delegatedAdminGrants").isArray()).isTrue();
    assertThat(steps(view)).containsSubsequence(IndirectResellerInvitationProcess.START_EVENT_INDIRECT_INVITATION_REQUESTED,
        IndirectResellerInvitationProcess.TASK_CHECK_INDIRECT_RESELLER, IndirectResellerInvitationProcess.TASK_FORWARD_INVITATION);

    assertThat(get("/api/invitations/" + id).getStatusCode()).as("not a reseller relationship invitation")
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("/api/indirect-invitations/" + UUID.randomUUID()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    for (String outsider : List.of(TestUsers.WINGTIP_STAFF, TestUsers.BUSINESS_ANALYST)) {
      ResponseEntity<JsonNode> hidden = TestUsers.http(port, outsider).get().uri("/api/indirect-invitations/" + id)
          .retrieve().toEntity(JsonNode.class);
      assertThat(hidden.getStatusCode()).as(outsider + " may not read the provider's invitation, not even the reseller's staff")
          .isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(hidden.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      route missing                 | route            |              |              | must not be null
      reseller missing              | resellerTenantId | VIA_RESELLER |              | must name one of the provider's indirect resellers when route is VIA_RESELLER
      reseller on the direct route  | resellerTenantId | DIRECT       | %s           | must be empty when route is DIRECT
      reseller not a tenant id      | resellerTenantId | VIA_RESELLER | fourthcoffee | must be a tenant id (GUID)
      """)
  void refusesARouteWithoutItsResellerNamingTheFieldAndStartsNothing(
      String name, String field, String route, String reseller, String message) {
    long before = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(IndirectResellerInvitationProcess.PROCESS_KEY).count();

    ResponseEntity<JsonNode> refused = post("/api/indirect-invitations",
        body("Adatum Corporation", "adatum.onmicrosoft.com", route, reseller == null ? null : reseller.formatted(WINGTIP)));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactly(field);
    assertThat(refused.getBody().path("errors").get(0).path("message").asText()).isEqualTo(message);
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(IndirectResellerInvitationProcess.PROCESS_KEY).count()).isEqualTo(before);
  }

  @Test
  void refusesTheInvitationFieldsAsTheInvitationsApiDoesAndGdap() {
    ObjectNode body = body("", "adatum .onmicrosoft", "DIRECT", null)
        .put("country", "Italy").put("adminAccess", "GDAP");

    ResponseEntity<JsonNode> refused = post("/api/indirect-invitations", body);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("adminAccess", "companyName", "country", "domain", "gdapRoles");
    assertThat(refused.getBody().path("detail").asText()).contains("adminAccess must be NONE or DAP");
    ResponseEntity<JsonNode> badRoute = post("/api/indirect-invitations",
        body("Adatum Corporation", "adatum.onmicrosoft.com", "SOMEHOW", null));
    assertThat(badRoute.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badRoute.getBody().path("errors").get(0).path("field").asText()).isEqualTo("route");
    assertThat(badRoute.getBody().path("errors").get(0).path("message").asText()).isEqualTo("must be one of [DIRECT, VIA_RESELLER]");
  }

  @Test
  void refusesASecondOpenInvitationForTheSameDomainInEitherProcess() {
    String first = post("/api/indirect-invitations", body("Adatum Corporation", "adatum.onmicrosoft.com", "DIRECT", null))
        .getBody().path("id").asText();

    ResponseEntity<JsonNode> indirect = post("/api/indirect-invitations",
        body("Adatum Corporation", "ADATUM.onmicrosoft.com", "VIA_RESELLER", FOURTH_COFFEE));
    ResponseEntity<JsonNode> direct = post("/api/invitations", body("Adatum Corporation", "adatum.onmicrosoft.com", null, null));

    assertThat(indirect.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(indirect.getBody().path("openInvitationId").asText()).isEqualTo(first);
    assertThat(direct.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(direct.getBody().path("openInvitationId").asText()).isEqualTo(first);
  }

  @Test
  void withdrawsAnInvitationWhileTheResellerHasItAndNotTwice() {
    String id = post("/api/indirect-invitations", body("Adatum Corporation", "adatum.onmicrosoft.com", "VIA_RESELLER", FOURTH_COFFEE))
        .getBody().path("id").asText();
    runDueJobs(id);

    ResponseEntity<JsonNode> withdrawn = http.post().uri("/api/indirect-invitations/{id}/withdraw", id)
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", "Duplicate request")).retrieve().toEntity(JsonNode.class);

    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(withdrawn.getBody().path("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(withdrawn.getBody().path("reason").asText()).isEqualTo("Withdrawn by " + TestUsers.SALES_AGENT + ": Duplicate request");
    ResponseEntity<JsonNode> again = http.post().uri("/api/indirect-invitations/{id}/withdraw", id).retrieve().toEntity(JsonNode.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody().path("status").asText()).isEqualTo("WITHDRAWN");
  }

  @Test
  void acceptanceEventOfTheIndirectResellerLinkEstablishesTheRelationshipAndDelegatedAdminToAnotherResellerIsRecorded() {
    String id = post("/api/indirect-invitations", body("Coho Winery", "cohowinery.onmicrosoft.com", "VIA_RESELLER", FOURTH_COFFEE)
        .put("country", "SE").put("language", "sv")).getBody().path("id").asText();
    runDueJobs(id);
    String grantUri = "/api/indirect-invitations/" + id + "/delegated-admin";
    ResponseEntity<JsonNode> tooEarly = post(grantUri, objectMapper.createObjectNode().put("resellerTenantId", WINGTIP));
    assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(tooEarly.getBody().path("status").asText()).isEqualTo("WITH_RESELLER");

    InvitationTestSupport.authenticate(identityService, FOURTH_COFFEE_AGENT);
    taskService.complete(taskService.createTaskQuery().processInstanceId(id).singleResult().getId(),
        Map.of(IndirectInvitationVariables.FORWARD_DECISION.getName(), "FORWARD"));
    identityService.clearAuthentication();
    runDueJobs(id);
    InvitationTestSupport.acceptInSandbox(http, TAILSPIN, FOURTH_COFFEE, InvitationTestSupport.COHO, "admin@cohowinery.onmicrosoft.com");
    // the event as Partner Center's webhook delivers it, straight to the event inbox
    ResponseEntity<JsonNode> delivered = postEvent(objectMapper.createObjectNode()
        .put("EventName", ResellerRelationshipAcceptedCorrelator.INDIRECT_EVENT_NAME)
        .put("ResourceUri", "https://api.partnercenter.microsoft.com/v1/customers/" + InvitationTestSupport.COHO)
        .put("ResourceName", "customer")
        .put("ResourceChangeUtcDate", Instant.now().toString()));
    assertThat(delivered.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(delivered.getBody().path("status").asText()).isEqualTo("CORRELATED");
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(id)
        .variableName(InvitationVariables.CUSTOMER_TENANT_ID.getName()).singleResult().getValue()).isEqualTo(InvitationTestSupport.COHO);
    runDueJobs(id);

    JsonNode established = get("/api/indirect-invitations/" + id).getBody();
    assertThat(established.path("status").asText()).isEqualTo("ESTABLISHED");
    assertThat(established.path("associatedPartnerId").asText()).isEqualTo(FOURTH_COFFEE);
    assertThat(established.path("customerTenantId").asText()).isEqualTo(InvitationTestSupport.COHO);

    assertThat(post(grantUri, objectMapper.createObjectNode().put("resellerTenantId", FOURTH_COFFEE)).getBody()
        .path("errors").get(0).path("message").asText()).isEqualTo("is already the customer's associated reseller; name another reseller");
    ResponseEntity<JsonNode> notAReseller = post(grantUri, objectMapper.createObjectNode().put("resellerTenantId", InvitationTestSupport.LITWARE));
    assertThat(notAReseller.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notAReseller.getBody().path("errors").get(0).path("field").asText()).isEqualTo("resellerTenantId");
    assertThat(post(grantUri, objectMapper.createObjectNode().put("resellerTenantId", "wingtip")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    ResponseEntity<JsonNode> granted = post(grantUri, objectMapper.createObjectNode().put("resellerTenantId", WINGTIP.toUpperCase()));
    assertThat(granted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(granted.getBody().path("resellerTenantId").asText()).isEqualTo(WINGTIP);
    assertThat(granted.getBody().path("resellerName").asText()).isEqualTo("Wingtip Solutions");
    assertThat(granted.getBody().path("customerTenantId").asText()).isEqualTo(InvitationTestSupport.COHO);
    ResponseEntity<JsonNode> repeated = post(grantUri, objectMapper.createObjectNode().put("resellerTenantId", WINGTIP));
    assertThat(repeated.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(repeated.getBody().path("recordedAt").asText()).isEqualTo(granted.getBody().path("recordedAt").asText());

    JsonNode afterGrant = get("/api/indirect-invitations/" + id).getBody();
    assertThat(afterGrant.path("delegatedAdminGrants").findValuesAsText("resellerTenantId")).containsExactly(WINGTIP);
    assertThat(afterGrant.path("associatedPartnerId").asText()).as("the associated reseller stays").isEqualTo(FOURTH_COFFEE);
    assertThat(partnerCenter.getCustomer(InvitationTestSupport.COHO)).get()
        .satisfies(customer -> {
          assertThat(customer.isReseller()).as("the provider still owns the relationship").isTrue();
          assertThat(customer.associatedPartnerId()).isEqualTo(FOURTH_COFFEE);
        });
    sandboxEvents.deliverDue();
  }

  @Test
  void resellerRelationshipAcceptedEventReachesADirectIndirectInvitationAndAnUnknownCustomerIsIgnored() {
    String id = post("/api/indirect-invitations", body("Lamna Healthcare", "lamna.onmicrosoft.com", "DIRECT", null)
        .put("country", "FR")).getBody().path("id").asText();
    runDueJobs(id);
    InvitationTestSupport.acceptInSandbox(http, TAILSPIN, null, InvitationTestSupport.LAMNA, "admin@lamna.onmicrosoft.com");

    ResponseEntity<JsonNode> delivered = postEvent(event(ResellerRelationshipAcceptedCorrelator.EVENT_NAME,
        "/v1/customers/" + InvitationTestSupport.LAMNA));
    ResponseEntity<JsonNode> unknown = postEvent(event(ResellerRelationshipAcceptedCorrelator.INDIRECT_EVENT_NAME,
        "/v1/customers/" + InvitationTestSupport.PROSEWARE));

    assertThat(delivered.getBody().path("status").asText()).isEqualTo("CORRELATED");
    assertThat(unknown.getBody().path("status").asText()).as("Proseware is not Tailspin's customer").isEqualTo("IGNORED");
    runDueJobs(id);
    assertThat(get("/api/indirect-invitations/" + id).getBody().path("status").asText()).isEqualTo("ESTABLISHED");
    sandboxEvents.deliverDue();
  }

  @Test
  void listsTheProvidersIndirectResellers() {
    JsonNode resellers = get("/api/indirect-invitations/resellers").getBody();

    assertThat(resellers.findValuesAsText("id")).containsExactly(FOURTH_COFFEE, WINGTIP);
    assertThat(resellers.findValuesAsText("state")).containsOnly("Active");
  }

  private ObjectNode body(String company, String domain, String route, String resellerTenantId) {
    ObjectNode body = objectMapper.createObjectNode()
        .put("companyName", company)
        .put("domain", domain)
        .put("country", "IT")
        .put("language", "it")
        .put("globalAdminEmail", "admin@" + domain.toLowerCase().replace(" ", ""))
        .put("adminAccess", "NONE")
        .put("message", "Benvenuti");
    if (route != null) {
      body.put("route", route);
    }
    if (resellerTenantId != null) {
      body.put("resellerTenantId", resellerTenantId);
    }
    return body;
  }

  private ObjectNode event(String name, String resourceUri) {
    return objectMapper.createObjectNode().put("EventName", name).put("ResourceUri", resourceUri)
        .put("ResourceName", "customer").put("ResourceChangeUtcDate", Instant.now().toString());
  }

  private ResponseEntity<JsonNode> post(String uri, JsonNode body) {
    return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
  }

  /** Posts a Partner Center event the way the sandbox delivers it: with the shared secret. */
  private ResponseEntity<JsonNode> postEvent(JsonNode event) {
    return TestUsers.anonymous(port).post().uri("/api/partner-center/events").contentType(MediaType.APPLICATION_JSON)
        .header(EventSharedSecret.HEADER, eventSecret.value()).body(event).retrieve().toEntity(JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String uri) {
    return http.get().uri(uri).retrieve().toEntity(JsonNode.class);
  }

  private void runDueJobs(String id) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    if (instance != null) {
      ProcessJobs.runDueJobs(managementService, instance);
    }
  }

  private static List<String> steps(JsonNode view) {
    List<String> steps = new ArrayList<>();
    view.path("steps").forEach(step -> steps.add(step.path("activityId").asText()));
    return steps;
  }
}
