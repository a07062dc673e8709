package io.partnerchannel.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.support.ProcessTest;
import io.partnerchannel.orchestrator.support.CamundaWebappSession;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.net.http.HttpResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** Every endpoint needs authentication, except the few that are public on purpose; engine authorization applies. */
@ProcessTest
class SecurityEndpointsTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;

  String engineRest(String path) {
    return "/engine-rest/engine/" + processEngine.getName() + path;
  }

  @Test
  void anonymousCallsToTheRestApisAndTheTasklistApiAre401() {
    RestClient anonymous = TestUsers.anonymous(port);

    for (String path : new String[] {
        "/engine-rest/process-definition", engineRest("/process-definition"), engineRest("/task"), "/engine-rest/engine",
        "/api/invitations/anything", "/api/outbox",
        "/camunda/api/engine/engine/default/task", "/camunda/api/engine/engine/" + processEngine.getName() + "/task"}) {
      ResponseEntity<String> answer = anonymous.get().uri(path).retrieve().toEntity(String.class);
      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    ResponseEntity<JsonNode> start = anonymous.post().uri("/api/invitations").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("companyName", "Fabrikam")).retrieve().toEntity(JsonNode.class);
    assertThat(start.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(start.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic realm=");
    assertThat(start.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(start.getBody().path("status").asInt()).isEqualTo(401);
  }

  /**
   * A sales agent of its own: wrong passwords count against that user ({@link LoginThrottle}), which must not
   * slow down the shared demo users.
   */
  String newSalesAgent() {
    String userId = "agent-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(userId);
    user.setPassword(TestUsers.PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(userId, PartnerRoles.SALES_AGENTS);
    return userId;
  }

  @Test
  void aWrongPasswordIsRefusedLikeNoPassword() {
    String agent = newSalesAgent();
    RestClient wrong = TestUsers.anonymous(port).mutate()
        .defaultHeaders(headers -> headers.setBasicAuth(agent, "not-the-password")).build();

    assertThat(wrong.get().uri(engineRest("/process-definition")).retrieve().toBodilessEntity().getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(wrong.get().uri("/api/outbox").retrieve().toBodilessEntity().getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void pagesNeedALoginAndHealthAndTheSandboxEmulatorArePublic() {
    RestClient anonymous = TestUsers.anonymous(port);

    ResponseEntity<String> outbox = anonymous.get().uri("/outbox").header(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE)
        .retrieve().toEntity(String.class);
    assertThat(outbox.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(outbox.getHeaders().getLocation()).hasPath("/login");
    assertThat(TestUsers.http(port).get().uri("/outbox").header(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE)
        .retrieve().toEntity(String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(anonymous.get().uri("/actuator/health").retrieve().toEntity(String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(anonymous.get().uri("/actuator/info").retrieve().toEntity(String.class).getStatusCode())
        .isNotEqualTo(HttpStatus.OK);
    assertThat(anonymous.get().uri("/sandbox/admin-center/AdminPortal/Home").retrieve().toEntity(String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(anonymous.get().uri("/sandbox/tenants?domain=adatum.onmicrosoft.com").retrieve().toEntity(String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> partnerApi = anonymous.get().uri("/sandbox/v1/customers").retrieve().toEntity(JsonNode.class);
    assertThat(partnerApi.getStatusCode()).as("the emulator still wants its bearer token").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(partnerApi.getBody().path("code").asInt()).as("Partner Center's error body, not ours").isPositive();
  }

  @Test
  void aSalesAgentReadsDefinitionsButCannotManageUsers() throws Exception {
    String userId = "created-" + UUID.randomUUID().toString().substring(0, 8);
    String user = new ObjectMapper().writeValueAsString(Map.of(
        "profile", Map.of("id", userId, "firstName", "New", "lastName", "User", "email", userId + "@partner.example"),
        "credentials", Map.of("password", "Some!Password1")));
    String api = "/camunda/api/engine/engine/" + processEngine.getName();

    assertThat(TestUsers.http(port).get().uri(engineRest("/process-definition")).retrieve().toBodilessEntity()
        .getStatusCode()).as("/engine-rest is for operations and deployment").isEqualTo(HttpStatus.FORBIDDEN);
    CamundaWebappSession salesAgent = new CamundaWebappSession(port, processEngine.getName());
    assertThat(salesAgent.login(TestUsers.SALES_AGENT, TestUsers.PASSWORD)).isEqualTo(200);
    HttpResponse<String> definitions = salesAgent.get(api + "/process-definition?latestVersion=true");
    assertThat(definitions.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(definitions.body()).findValuesAsText("key")).contains("ResellerRelationshipInvitation");

    HttpResponse<String> bySalesAgent = salesAgent.post(api + "/user/create", user);
    assertThat(bySalesAgent.statusCode()).isEqualTo(403);
    assertThat(new ObjectMapper().readTree(bySalesAgent.body()).path("type").asText()).isEqualTo("AuthorizationException");
    assertThat(identityService.createUserQuery().userId(userId).count()).isZero();

    CamundaWebappSession userAdmin = new CamundaWebappSession(port, processEngine.getName());
    assertThat(userAdmin.login(TestUsers.USER_ADMIN, TestUsers.PASSWORD)).isEqualTo(200);
    assertThat(userAdmin.post(api + "/user/create", user).statusCode()).isEqualTo(204);
    assertThat(identityService.createUserQuery().userId(userId).count()).isOne();
  }

  @Test
  void resellerStaffMayNotStartTheInvitation() {
    ResponseEntity<JsonNode> answer = TestUsers.http(port, TestUsers.WINGTIP_STAFF).post().uri("/api/invitations")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("companyName", "Fabrikam", "domain", "fabrikam.onmicrosoft.com", "country", "DE", "language", "en",
            "globalAdminEmail", "admin@fabrikam.onmicrosoft.com", "adminAccess", "NONE"))
        .retrieve().toEntity(JsonNode.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody().path("detail").asText()).contains(TestUsers.WINGTIP_STAFF).contains("CREATE");
  }

  @Test
  void anInvitationIsVisibleToThePartnersRolesOnly() {
    ResponseEntity<JsonNode> created = TestUsers.http(port).post().uri("/api/invitations")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("companyName", "Wide World Importers", "domain", "wideworldimporters.onmicrosoft.com",
            "country", "US", "language", "en", "globalAdminEmail", "admin@wideworldimporters.onmicrosoft.com",
            "adminAccess", "NONE"))
        .retrieve().toEntity(JsonNode.class);
    String id = created.getBody().path("id").asText();

    assertThat(TestUsers.http(port, TestUsers.USER_ADMIN).get().uri("/api/invitations/" + id).retrieve()
        .toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(TestUsers.http(port, TestUsers.WINGTIP_STAFF).get().uri("/api/invitations/" + id).retrieve()
        .toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(TestUsers.http(port, TestUsers.WINGTIP_STAFF).post().uri("/api/invitations/" + id + "/withdraw")
        .contentType(MediaType.APPLICATION_JSON).body(Map.of()).retrieve().toBodilessEntity().getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    runtimeService.deleteProcessInstance(id, "test clean-up");
  }

  @Test
  void webappsKeepCamundasLoginWithApplicationAccessPerRoleAndTheirCsrfProtection() {
    CamundaWebappSession intruder = new CamundaWebappSession(port, processEngine.getName());
    assertThat(intruder.login(newSalesAgent(), "wrong")).isEqualTo(401);
    CamundaWebappSession agent = new CamundaWebappSession(port, processEngine.getName());
    assertThat(agent.login(TestUsers.SALES_AGENT, TestUsers.PASSWORD)).isEqualTo(200);
    assertThat(agent.get("/camunda/api/engine/engine/" + processEngine.getName() + "/task").statusCode()).isEqualTo(200);
    assertThat(agent.postWithoutCsrfToken("/camunda/api/engine/engine/" + processEngine.getName() + "/task", "{}")
        .statusCode()).as("Camunda's CSRF filter").isEqualTo(403);

    CamundaWebappSession userAdmin = new CamundaWebappSession(port, processEngine.getName());
    assertThat(userAdmin.login(TestUsers.USER_ADMIN, TestUsers.PASSWORD)).isEqualTo(200);
    assertThat(userAdmin.get("/camunda/api/engine/engine/" + processEngine.getName() + "/filter").body())
        .contains("All tasks");
    CamundaWebappSession reseller = new CamundaWebappSession(port, processEngine.getName());
    assertThat(reseller.login(TestUsers.FOURTH_COFFEE_STAFF, TestUsers.PASSWORD)).isEqualTo(200);
  }

  @Test
  void theOutboxOpensForAUserLoggedInToTheWebappsUntilTheyLogOut() {
    CamundaWebappSession agent = new CamundaWebappSession(port, processEngine.getName());
    assertThat(agent.get("/outbox").statusCode()).as("login required").isIn(302, 401);
    assertThat(agent.login(TestUsers.SALES_AGENT, TestUsers.PASSWORD)).isEqualTo(200);

    assertThat(agent.get("/outbox").statusCode()).isEqualTo(200);

    assertThat(agent.post("/camunda/api/admin/auth/user/" + processEngine.getName() + "/logout", "").statusCode())
        .isLessThan(300);
    assertThat(agent.get("/outbox").statusCode()).as("login required again").isIn(302, 401);
  }

  @Test
  void aUserWhoSignsInWithTheLoginFormKeepsReadingTheOutbox() {
    CamundaWebappSession reader = new CamundaWebappSession(port, processEngine.getName());
    assertThat(reader.formLogin(TestUsers.SALES_AGENT, TestUsers.PASSWORD)).doesNotContain("error");

    assertThat(reader.get("/outbox").statusCode()).isEqualTo(200);
    assertThat(reader.get("/outbox").statusCode()).as("still signed in").isEqualTo(200);
  }

  @Test
  void responsesCarrySecurityHeaders() {
    for (String path : new String[] {"/api/outbox", "/camunda/app/tasklist/", "/actuator/health"}) {
      HttpHeaders headers = TestUsers.http(port).get().uri(path).retrieve().toBodilessEntity().getHeaders();
      assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(headers.getFirst("X-Frame-Options")).as(path).isIn("DENY", "SAMEORIGIN");
      assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL)).as(path).isNotNull();
    }
    assertThat(TestUsers.anonymous(port).get().uri("/camunda/app/tasklist/").retrieve().toBodilessEntity().getHeaders()
        .getFirst("Content-Security-Policy")).as("Camunda's own headers").isNotBlank();
  }
}
