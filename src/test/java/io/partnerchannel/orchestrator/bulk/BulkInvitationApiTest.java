package io.partnerchannel.orchestrator.bulk;

import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.deleteRunningInvitations;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.runDueJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.events.PartnerCenterEventInbox;
import io.partnerchannel.orchestrator.invitation.InvitationTestSupport;
import io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxAdminCenter;
import io.partnerchannel.orchestrator.reconciliation.Reconciler;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * {@code /api/bulk-invitations}: a 500-row file with 10 bad rows is refused naming each bad row and field, with
 * nothing started; "start the valid rows" starts the 490 others as separate invitations at the bounded rate
 * (the starter driven run by run here, no sleeps), all visible in the progress view; the same file again starts
 * nothing twice. A row's subscriptions are checked like an onboarding's and onboarded once its relationship exists.
 * Who may upload and see uploads; a file that is not a bulk onboarding file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BulkInvitationApiTest {

  private static final String HEADER = "companyName,domain,country,language,globalAdminEmail,adminAccess,gdapRoles,gdapDuration,message";
  private static final String GLOBAL_READER = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";

  @Autowired RuntimeService runtimeService;
  @Autowired BulkStarter starter;
  @Autowired BulkProperties properties;
  @Autowired ManagementService managementService;
  @Autowired SandboxAdminCenter adminCenter;
  @Autowired Reconciler reconciler;
  @Autowired PartnerCenterEventInbox inbox;
  @LocalServerPort int port;
  RestClient http;
  String run;

  @BeforeEach
  void setUp() {
    http = TestUsers.http(port);
    run = UUID.randomUUID().toString().substring(0, 8);
    while (starter.startQueued() > 0) {
      // rows another test left queued
    }
    deleteRunningInvitations(runtimeService);
  }

  @AfterEach
  void tearDown() {
    deleteRunningInvitations(runtimeService);
  }

  @Test
  void reportsEachBadRowThenStartsTheValidRowsOnceAtTheBoundedRate() {
    // row number -> the bad cell: (field reported, the line)
    // row 77: German is an ISO language, but the e-mails are written in en, it, pt and sv only
    Map<Integer, String[]> bad = Map.of(
        7, new String[] {"domain", line(7).replaceFirst(java.util.regex.Pattern.quote("," + domain(7)), ",not a domain")},
        42, new String[] {"country", line(42).replace(",IT,", ",XX,")},
        77, new String[] {"language", line(77).replace(",it,", ",de,")},
        100, new String[] {"globalAdminEmail", line(100).replace("admin@", "admin-at-")},
        150, new String[] {"companyName", line(150).replace("Bulk Customer 150", "")},
        200, new String[] {"adminAccess", line(200).replace(",NONE,", ",FULL,")},
        250, new String[] {"gdapRoles", line(250).replace(",NONE,", ",GDAP,")},
        300, new String[] {"gdapDuration", line(300).replace(",NONE,,", ",GDAP," + GLOBAL_READER + ",P999D")},
        350, new String[] {"domain", line(350).replace(domain(350), domain(1))},
        400, new String[] {"gdapRoles[0]", line(400).replace(",NONE,", ",GDAP,not-a-role-id")});
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (int row = 1; row <= 500; row++) {
      csv.append(bad.containsKey(row) ? bad.get(row)[1] : line(row)).append("\r\n");
    }

    ResponseEntity<JsonNode> refused = upload(csv.toString(), false);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(refused.getBody().path("invalidRows").asInt()).isEqualTo(10);
    assertThat(refused.getBody().path("detail").asText()).contains("10 of 500 rows are invalid", "startValidRows=true");
    assertThat(StreamSupport.stream(refused.getBody().path("errors").spliterator(), false)
            .map(error -> tuple(error.path("row").asInt(), error.path("field").asText())).toList())
        .containsExactlyInAnyOrderElementsOf(bad.entrySet().stream()
            .map(entry -> tuple(entry.getKey(), entry.getValue()[0])).toList());
    assertThat(invitations()).isZero();

    ResponseEntity<JsonNode> accepted = upload(csv.toString(), true);

    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String id = accepted.getBody().path("id").asText();
    assertThat(accepted.getHeaders().getLocation()).hasToString("http://localhost:" + port + "/api/bulk-invitations/" + id);
    assertThat(accepted.getBody().path("duplicate").asBoolean()).isFalse();
    assertThat(invitations()).isZero(); // started by the starter, not by the upload

    List<Integer> runs = new ArrayList<>();
    for (int started = starter.startQueued(); started > 0; started = starter.startQueued()) {
      runs.add(started);
    }
    assertThat(runs).allSatisfy(started -> assertThat(started).isLessThanOrEqualTo(properties.startsPerInterval()));
    assertThat(runs.stream().mapToInt(Integer::intValue).sum()).isEqualTo(490);
    assertThat(invitations()).isEqualTo(490);

    JsonNode progress = get(accepted.getHeaders().getLocation().getPath()).getBody();
    assertThat(progress.path("rows").asInt()).isEqualTo(500);
    assertThat(progress.path("counts").path("STARTED").asInt()).isEqualTo(490);
    assertThat(progress.path("counts").path("INVALID").asInt()).isEqualTo(10);
    assertThat(progress.path("counts").path("QUEUED").asInt()).isZero();
    Set<String> invitationIds = new HashSet<>();
    for (JsonNode item : progress.path("items")) {
      if (bad.containsKey(item.path("row").asInt())) {
        assertThat(item.path("status").asText()).isEqualTo("INVALID");
        assertThat(item.path("errors").get(0).path("field").asText()).isEqualTo(bad.get(item.path("row").asInt())[0]);
      } else {
        assertThat(item.path("status").asText()).isEqualTo("STARTED");
        assertThat(item.path("invitationStatus").asText()).isEqualTo("REQUESTED");
        invitationIds.add(item.path("invitationId").asText());
      }
    }
    assertThat(invitationIds).hasSize(490);
    JsonNode one = get("/api/invitations/" + invitationIds.iterator().next()).getBody();
    assertThat(one.path("customerDomain").asText()).startsWith("bulk-" + run + "-");

    ResponseEntity<JsonNode> again = upload(csv.toString(), true);

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().path("duplicate").asBoolean()).isTrue();
    assertThat(again.getHeaders().getLocation()).isEqualTo(accepted.getHeaders().getLocation());
    assertThat(starter.startQueued()).isZero();
    assertThat(invitations()).isEqualTo(490);
  }

  @Test
  void aValidFileStartsWithoutBeingAskedAndARowWhoseInvitationOpenedMeanwhileFails() {
    String csv = HEADER + "\n" + line(1) + "\n" + line(2) + "\n";
    ResponseEntity<JsonNode> accepted = upload(csv, false);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    // someone starts row 2's customer by hand before the starter gets to it
    assertThat(http.post().uri("/api/invitations").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("companyName", "Bulk Customer 2", "domain", domain(2), "country", "IT", "language", "it",
            "globalAdminEmail", "admin@" + domain(2), "adminAccess", "NONE"))
        .retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.CREATED);

    assertThat(starter.startQueued()).isEqualTo(1);

    JsonNode progress = get(accepted.getHeaders().getLocation().getPath()).getBody();
    assertThat(progress.path("counts").path("STARTED").asInt()).isEqualTo(1);
    assertThat(progress.path("counts").path("FAILED").asInt()).isEqualTo(1);
    assertThat(progress.path("items").get(1).path("detail").asText()).contains("already open");
    assertThat(invitations()).isEqualTo(2);
  }

  @Test
  void aRowsSubscriptionsAreCheckedLikeAnOnboardingAndOnboardedOnceItsRelationshipExists() {
    String csv = HEADER + ",subscriptions,ruleSet\n"
        + "Adatum Corporation,adatum.onmicrosoft.com,IT,it,admin@adatum.onmicrosoft.com,NONE,,,run " + run
        + ",5b5c0000-0000-4000-8000-000000000005 USAGE_BASED EA,\n"
        + line(2) + ",x-1 LICENSE BOUGHT_IN_A_SHOP;x-1 USAGE_BASED EA,1999\n";

    ResponseEntity<JsonNode> accepted = upload(csv, true);

    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(StreamSupport.stream(accepted.getBody().path("errors").spliterator(), false)
            .map(error -> tuple(error.path("row").asInt(), error.path("field").asText())).toList())
        .containsExactlyInAnyOrder(tuple(2, "ruleSet"), tuple(2, "subscriptions[0].serviceType"),
            tuple(2, "subscriptions[0].boughtFrom"), tuple(2, "subscriptions[1].id"));
    assertThat(starter.startQueued()).isEqualTo(1);
    JsonNode item = get(accepted.getHeaders().getLocation().getPath()).getBody().path("items").get(0);
    ProcessInstance invitation = runtimeService.createProcessInstanceQuery()
        .processInstanceId(item.path("invitationId").asText()).singleResult();
    runDueJobs(managementService, invitation);
    if (runtimeService.createProcessInstanceQuery().processInstanceId(invitation.getId()).count() > 0) {
      // waits for the customer: Adatum's Global admin accepts, and the event reaches it through the inbox
      adminCenter.acceptResellerInvitation(InvitationTestSupport.NORTHWIND, InvitationTestSupport.ADATUM,
          "admin@adatum.onmicrosoft.com", false);
      reconciler.reconcile();
      inbox.correlatePending();
      runDueJobs(managementService, invitation);
    }
    assertThat(get(accepted.getHeaders().getLocation().getPath()).getBody().path("items").get(0).path("status").asText())
        .isEqualTo("ESTABLISHED");

    assertThat(starter.startQueued()).isEqualTo(1);
    assertThat(starter.startQueued()).isZero();

    String onboardingId = get(accepted.getHeaders().getLocation().getPath()).getBody().path("items").get(0)
        .path("onboardingId").asText();
    JsonNode onboarding = get("/api/onboardings/" + onboardingId).getBody();
    assertThat(onboarding.path("customerTenantId").asText()).isEqualTo(InvitationTestSupport.ADATUM);
    assertThat(onboarding.path("ruleSet").asText()).isEqualTo("NEW_COMMERCE");
    assertThat(onboarding.path("subscriptions").get(0).path("id").asText()).isEqualTo("5b5c0000-0000-4000-8000-000000000005");
  }

  @Test
  void onlyThoseWhoMayStartInvitationsUploadAndSeeUploads() {
    String csv = HEADER + "\n" + line(1) + "\n";
    RestClient staff = TestUsers.http(port, TestUsers.FOURTH_COFFEE_STAFF);

    assertThat(staff.post().uri("/api/bulk-invitations").contentType(MediaType.valueOf("text/csv")).body(csv)
        .retrieve().toEntity(JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(TestUsers.anonymous(port).post().uri("/api/bulk-invitations").contentType(MediaType.valueOf("text/csv"))
        .body(csv).retrieve().toEntity(JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<JsonNode> accepted = upload(csv, false);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(staff.get().uri(accepted.getHeaders().getLocation().getPath()).retrieve().toEntity(JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> list = staff.get().uri("/api/bulk-invitations").retrieve().toEntity(String.class);
    assertThat(list.getStatusCode()).as(list.toString()).isEqualTo(HttpStatus.OK);
    assertThat(list.getBody()).isEqualTo("[]");
    assertThat(TestUsers.http(port, TestUsers.GLOBAL_ADMIN).get().uri(accepted.getHeaders().getLocation().getPath())
        .retrieve().toEntity(JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(starter.startQueued()).isEqualTo(1);
    assertThat(invitations()).isEqualTo(1);
  }

  @Test
  void aFileThatIsNotABulkOnboardingFileIsRefusedNamingTheColumn() {
    ResponseEntity<JsonNode> unknown = upload("companyName,domain,country,language,globalAdminEmail,colour\n", false);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody().path("errors").get(0).path("field").asText()).isEqualTo("colour");

    ResponseEntity<JsonNode> missing = upload("companyName,domain,country,language\nA,a.onmicrosoft.com,IT,it\n", false);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(missing.getBody().path("errors").get(0).path("field").asText()).isEqualTo("globalAdminEmail");

    ResponseEntity<JsonNode> empty = upload(HEADER + "\n", false);
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(empty.getBody().path("detail").asText()).contains("no data row");

    ResponseEntity<JsonNode> json = http.post().uri("/api/bulk-invitations").contentType(MediaType.APPLICATION_JSON)
        .body("{}").retrieve().toEntity(JsonNode.class);
    assertThat(json.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(invitations()).isZero();
  }

  private String domain(int row) {
    return "bulk-" + run + "-" + row + ".onmicrosoft.com";
  }

  private String line(int row) {
    return "Bulk Customer " + row + "," + domain(row) + ",IT,it,admin@" + domain(row) + ",NONE,,,\"Welcome, row " + row + "\"";
  }

  private long invitations() {
    return runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ResellerRelationshipInvitationProcess.PROCESS_KEY).count();
  }

  private ResponseEntity<JsonNode> upload(String csv, boolean startValidRows) {
    return http.post().uri("/api/bulk-invitations?startValidRows={start}", startValidRows)
        .contentType(MediaType.valueOf("text/csv")).body(csv).retrieve().toEntity(JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String path) {
    return http.get().uri(path).retrieve().toEntity(JsonNode.class);
  }
}
