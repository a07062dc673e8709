package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.*;
import static io.partnerchannel.orchestrator.support.ProcessJobs.runDueJobs;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.*;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.TASK_AWAIT_CUSTOMER_ACCEPTANCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * {@code /api/invitations}: start (201 / 400 naming the field, nothing started / 409), read with the
 * status derived from the engine (404 for unknown ids), withdraw (200 / 409 / 404).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InvitationApiTest {

  private static final String FABRIKAM_TENANT = "c0ffee00-0000-4000-8000-000000000005";

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired ObjectMapper objectMapper;
  @LocalServerPort int port;
  RestClient http;

  @BeforeEach
  void setUp() {
    http = http(port);
    deleteRunningInvitations(runtimeService);
  }

  @AfterEach
  void tearDown() {
    deleteRunningInvitations(runtimeService);
  }

  @Test
  void startsAnInvitationAndShowsItsProgress() {
    ResponseEntity<JsonNode> created = post("/api/invitations", body("Fabrikam", "Fabrikam.onmicrosoft.com", "de", "en"));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = created.getBody().path("id").asText();
    assertThat(created.getHeaders().getLocation()).hasToString("http://localhost:" + port + "/api/invitations/" + id);
    assertThat(created.getBody().path("status").asText()).isEqualTo("REQUESTED");
    assertThat(InvitationVariables.CUSTOMER_DOMAIN.from(runtimeService, id).getOrNull()).isEqualTo("fabrikam.onmicrosoft.com");

    JsonNode requested = get("/api/invitations/" + id).getBody();
    assertThat(requested.path("status").asText()).isEqualTo("REQUESTED");
    assertThat(requested.path("steps").get(0).path("activityId").asText()).isEqualTo(START_EVENT_INVITATION_REQUESTED);

    runDueJobs(managementService, instance(id));

    ResponseEntity<JsonNode> waiting = get("/api/invitations/" + id);
    assertThat(waiting.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(waiting.getBody().path("id").asText()).isEqualTo(id);
    assertThat(waiting.getBody().path("status").asText()).isEqualTo("WAITING_FOR_CUSTOMER");
    assertThat(waiting.getBody().path("customerDomain").asText()).isEqualTo("fabrikam.onmicrosoft.com");
    assertThat(waiting.getBody().path("invitationUrl").asText()).contains("partnerId=" + NORTHWIND, "DAP=false");
    assertThat(waiting.getBody().path("expiresAt").asText()).isNotBlank();
    assertThat(waiting.getBody().path("reason").isNull()).isTrue();
    assertThat(waiting.getBody().path("customerTenantId").asText())
        .as("resolved from the domain through Graph before the invitation is sent").isEqualTo(FABRIKAM_TENANT);
    List<String> steps = new ArrayList<>();
    waiting.getBody().path("steps").forEach(step -> steps.add(step.path("activityId").asText()));
    assertThat(steps).containsSubsequence(
        START_EVENT_INVITATION_REQUESTED, TASK_LOOK_UP_CUSTOMER_TENANT, TASK_DECIDE_ELIGIBILITY,
        TASK_GET_RELATIONSHIP_REQUEST_LINK, TASK_SEND_INVITATION_EMAIL, CALL_ACTIVITY_TRACK_INVITATION,
        TASK_AWAIT_CUSTOMER_ACCEPTANCE);
    JsonNode sendStep = waiting.getBody().path("steps").get(steps.indexOf(TASK_SEND_INVITATION_EMAIL));
    assertThat(sendStep.path("name").asText()).isEqualTo("Send invitation e-mail");
    assertThat(sendStep.path("type").asText()).isEqualTo("serviceTask");
    assertThat(sendStep.path("startTime").asText()).isNotBlank();
    assertThat(sendStep.path("endTime").asText()).isNotBlank();
    JsonNode waitStep = waiting.getBody().path("steps").get(steps.indexOf(TASK_AWAIT_CUSTOMER_ACCEPTANCE));
    assertThat(waitStep.path("endTime").isNull()).isTrue();

    for (String outsider : List.of(TestUsers.WINGTIP_STAFF, TestUsers.BUSINESS_ANALYST)) {
      ResponseEntity<JsonNode> hidden = TestUsers.http(port, outsider).get().uri("/api/invitations/" + id)
          .retrieve().toEntity(JsonNode.class);
      assertThat(hidden.getStatusCode()).as(outsider + " may not read the history of invitations")
          .isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(hidden.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  @Test
  void showsRefusedAndAlreadyRelatedInvitationsWithTheirReason() {
    String refused = post("/api/invitations", body("Relecloud China", "relecloud.partner.onmschina.cn", "CN", "en"))
        .getBody().path("id").asText();
    String related = post("/api/invitations", body("Proseware", "proseware.onmicrosoft.com", "IT", "it"))
        .getBody().path("id").asText();
    runDueJobs(managementService, instance(refused));
    runDueJobs(managementService, instance(related));

    JsonNode refusedView = get("/api/invitations/" + refused).getBody();
    assertThat(refusedView.path("status").asText()).isEqualTo("REFUSED");
    assertThat(refusedView.path("reason").asText()).contains("outside our Cloud Solution Provider region")
        .doesNotContain("R9");
    JsonNode relatedView = get("/api/invitations/" + related).getBody();
    assertThat(relatedView.path("status").asText()).isEqualTo("ALREADY_RELATED");
    assertThat(relatedView.path("customerTenantId").asText()).isEqualTo(PROSEWARE);
    assertThat(relatedView.path("reason").asText()).as("the variables the text names are read with the status")
        .startsWith("Proseware (proseware.onmicrosoft.com) is already a reseller customer of ")
        .doesNotContain("{", "of ;");
  }

  @ParameterizedTest(name = "{0}={1} is refused")
  @CsvSource(delimiter = '|', value = {
    "companyName|  |must not be blank",
    "domain|adatum .onmicrosoft.com|must be a domain name",
    "domain|localhost|must be a domain name",
    "country|XX|ISO 3166",
    "country|ITA|ISO 3166",
    "language|xx|the e-mails are written in: en (English), it (Italian), pt (Portuguese) or sv (Swedish)",
    "language|de|the e-mails are written in: en (English), it (Italian), pt (Portuguese) or sv (Swedish)",
    "globalAdminEmail|not-an-address|well-formed email address",
    "gdapDuration|P731D|between P1D and P730D",
    "gdapDuration|P2Y|between P1D and P730D",
    "message|@2001|size must be between",
  })
  void invalidFieldIsNamedAndNothingIsStarted(String field, String value, String message) {
    ObjectNode body = gdapBody("Adatum Corporation", "adatum.onmicrosoft.com", "IT", "it");
    body.put(field, value == null ? "" : value.startsWith("@") ? "x".repeat(Integer.parseInt(value.substring(1))) : value);
    long before = startedInvitations();

    ResponseEntity<JsonNode> answer = post("/api/invitations", body);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody().path("title").asText()).isEqualTo("Invalid request");
    assertThat(answer.getBody().path("detail").asText()).contains(field);
    assertThat(answer.getBody().path("errors")).singleElement().satisfies(error -> {
      assertThat(error.path("field").asText()).isEqualTo(field);
      assertThat(error.path("message").asText()).contains(message);
    });
    assertThat(startedInvitations()).isEqualTo(before);
  }

  @Test
  void everyMissingFieldIsNamed() {
    long before = startedInvitations();

    ResponseEntity<JsonNode> answer = post("/api/invitations", objectMapper.createObjectNode());

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    List<String> fields = new ArrayList<>();
    answer.getBody().path("errors").forEach(error -> fields.add(error.path("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder(
        "adminAccess", "companyName", "country", "domain", "globalAdminEmail", "language");
    assertThat(answer.getBody().path("detail").asText())
        .startsWith("Invalid fields: adminAccess, companyName, country, domain, globalAdminEmail, language");
    assertThat(startedInvitations()).isEqualTo(before);
  }

  @Test
  void gdapNeedsRolesThatAreRoleDefinitionIds() {
    ObjectNode withoutRoles = gdapBody("Adatum Corporation", "adatum.onmicrosoft.com", "IT", "it");
    withoutRoles.putArray("gdapRoles");
    ObjectNode badRole = gdapBody("Adatum Corporation", "adatum.onmicrosoft.com", "IT", "it");
    badRole.putArray("gdapRoles").add(GLOBAL_READER).add("Global Reader");
    long before = startedInvitations();

    ResponseEntity<JsonNode> noRoles = post("/api/invitations", withoutRoles);
    ResponseEntity<JsonNode> notAGuid = post("/api/invitations", badRole);

    assertThat(noRoles.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noRoles.getBody().path("errors").get(0).path("field").asText()).isEqualTo("gdapRoles");
    assertThat(noRoles.getBody().path("errors").get(0).path("message").asText()).contains("when adminAccess is GDAP");
    assertThat(notAGuid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notAGuid.getBody().path("errors").get(0).path("field").asText()).isEqualTo("gdapRoles[1]");
    assertThat(startedInvitations()).isEqualTo(before);
  }

  @Test
  void aRequestStartedThroughTheApiIsWrittenToTheHistoryOnce() {
    ResponseEntity<JsonNode> created = post("/api/invitations",
        gdapBody("Adatum Corporation", "Adatum.onmicrosoft.com", "it", "IT"));
    String id = created.getBody().path("id").asText();

    for (String name : List.of("companyName", "customerDomain", "customerCountry", "customerLanguage", "globalAdminEmail",
        "adminAccess", "gdapRoles", "gdapDuration", "message")) {
      assertThat(variableUpdates(id, name)).as(name + ": normalised by the API, not written again by the start listener")
          .hasSize(1);
    }
    assertThat(InvitationVariables.CUSTOMER_DOMAIN.from(runtimeService, id).getOrNull()).isEqualTo("adatum.onmicrosoft.com");
    assertThat(InvitationVariables.GDAP_ROLES.from(runtimeService, id)).containsExactly(GLOBAL_READER, USER_ADMINISTRATOR);
  }

  @Test
  void aStartWithUnnormalisedVariablesIsNormalisedByTheStartListener() {
    Map<String, Object> variables = new HashMap<>(Map.of("companyName", "Adatum Corporation",
        "customerDomain", "Adatum.OnMicrosoft.com", "customerCountry", "it", "customerLanguage", "it",
        "globalAdminEmail", "admin@adatum.onmicrosoft.com", "adminAccess", "NONE", "message", "Hello"));
    String id = runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables).getId();

    assertThat(variableUpdates(id, "customerDomain")).extracting(HistoricVariableUpdate::getValue)
        .containsExactlyInAnyOrder("Adatum.OnMicrosoft.com", "adatum.onmicrosoft.com");
    assertThat(variableUpdates(id, "customerCountry")).extracting(HistoricVariableUpdate::getValue)
        .containsExactlyInAnyOrder("it", "IT");
    assertThat(variableUpdates(id, "companyName")).as("already normalised: written once").hasSize(1);
    assertThat(variableUpdates(id, "gdapRoles")).as("absent from the start: written by the listener").hasSize(1);
    assertThat(InvitationVariables.CUSTOMER_DOMAIN.from(runtimeService, id).getOrNull()).isEqualTo("adatum.onmicrosoft.com");
  }

  private List<HistoricVariableUpdate> variableUpdates(String processInstanceId, String name) {
    return historyService.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates().list()
        .stream()
        .map(HistoricVariableUpdate.class::cast)
        .filter(update -> update.getVariableName().equals(name))
        .toList();
  }

  @Test
  void unreadableJsonNamesTheFieldJacksonReports() {
    ObjectNode badEnum = gdapBody("Adatum Corporation", "adatum.onmicrosoft.com", "IT", "it");
    badEnum.put("adminAccess", "EVERYTHING");
    ObjectNode rolesNotAList = gdapBody("Adatum Corporation", "adatum.onmicrosoft.com", "IT", "it");
    rolesNotAList.putObject("gdapRoles").put("role", GLOBAL_READER);
    long before = startedInvitations();

    JsonNode enumAnswer = post("/api/invitations", badEnum).getBody();
    JsonNode listAnswer = post("/api/invitations", rolesNotAList).getBody();
    ResponseEntity<JsonNode> malformed = http.post().uri("/api/invitations").contentType(MediaType.APPLICATION_JSON)
        .body("{\"companyName\": \"Adatum\", \"domain\": }").retrieve().toEntity(JsonNode.class);

    assertThat(enumAnswer.path("status").asInt()).isEqualTo(400);
    assertThat(enumAnswer.path("errors").get(0).path("field").asText()).isEqualTo("adminAccess");
    assertThat(enumAnswer.path("errors").get(0).path("message").asText()).isEqualTo("must be one of [NONE, DAP, GDAP]");
    assertThat(listAnswer.path("errors").get(0).path("field").asText()).isEqualTo("gdapRoles");
    assertThat(listAnswer.path("errors").get(0).path("message").asText()).isEqualTo("must be a JSON array");
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(malformed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(malformed.getBody().path("errors").get(0).path("field").asText()).isEqualTo("domain");
    assertThat(malformed.getBody().path("detail").asText()).contains("domain", "not valid JSON");
    assertThat(startedInvitations()).isEqualTo(before);
  }

  @Test
  void secondOpenInvitationForTheSameDomainIsAConflict() {
    String first = post("/api/invitations", body("Adatum Corporation", "adatum.onmicrosoft.com", "IT", "it"))
        .getBody().path("id").asText();

    ResponseEntity<JsonNode> second = post("/api/invitations", body("Adatum", "ADATUM.onmicrosoft.com", "IT", "en"));

    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(second.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(second.getBody().path("detail").asText()).contains("adatum.onmicrosoft.com", first);
    assertThat(second.getBody().path("openInvitationId").asText()).isEqualTo(first);
  }

  @Test
  void unknownInvitationIsNotFound() {
    for (ResponseEntity<JsonNode> answer : List.of(
        get("/api/invitations/no-such-invitation"),
        post("/api/invitations/no-such-invitation/withdraw", objectMapper.createObjectNode()))) {
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(answer.getBody().path("detail").asText()).contains("no-such-invitation");
    }
  }

  @Test
  void withdrawsAnInvitationWaitingForTheCustomerOnce() {
    String id = post("/api/invitations", body("A. Datum", "datum.onmicrosoft.com", "GB", "en")).getBody().path("id").asText();

    ResponseEntity<JsonNode> tooEarly = post("/api/invitations/" + id + "/withdraw", objectMapper.createObjectNode());
    assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(tooEarly.getBody().path("status").asText()).isEqualTo("REQUESTED");

    runDueJobs(managementService, instance(id));
    ObjectNode reason = objectMapper.createObjectNode().put("reason", "Customer chose another partner");
    ResponseEntity<JsonNode> withdrawn = post("/api/invitations/" + id + "/withdraw", reason);

    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(withdrawn.getBody().path("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(withdrawn.getBody().path("reason").asText()).isEqualTo("Withdrawn by " + TestUsers.SALES_AGENT + ": Customer chose another partner");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getEndActivityId())
        .isEqualTo(END_EVENT_INVITATION_WITHDRAWN);

    ResponseEntity<JsonNode> again = http.post().uri("/api/invitations/" + id + "/withdraw").retrieve().toEntity(JsonNode.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody().path("detail").asText()).contains("already ended as WITHDRAWN");
  }

  private ObjectNode body(String company, String domain, String country, String language) {
    return objectMapper.createObjectNode()
        .put("companyName", company)
        .put("domain", domain)
        .put("country", country)
        .put("language", language)
        .put("globalAdminEmail", "admin@" + domain.toLowerCase())
        .put("adminAccess", "NONE")
        .put("message", "We look forward to working with you.");
  }

  private ObjectNode gdapBody(String company, String domain, String country, String language) {
    ObjectNode body = body(company, domain, country, language).put("adminAccess", "GDAP").put("gdapDuration", "P365D");
    body.putArray("gdapRoles").add(GLOBAL_READER).add(USER_ADMINISTRATOR);
    return body;
  }

  private ResponseEntity<JsonNode> post(String path, JsonNode body) {
    return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String path) {
    return http.get().uri(path).retrieve().toEntity(JsonNode.class);
  }

  private ProcessInstance instance(String id) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private long startedInvitations() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
  }
}
