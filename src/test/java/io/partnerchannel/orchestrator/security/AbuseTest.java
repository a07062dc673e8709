package io.partnerchannel.orchestrator.security;

import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.deleteRunningInvitations;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.runDueJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.partnerchannel.orchestrator.invitation.TrackInvitationProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerchannel.orchestrator.invitation.InvitationMessages;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess;
import io.partnerchannel.orchestrator.support.CamundaWebappSession;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The attacks of issue 12 that must fail (README, "Security"), each asserting that nothing was written:
 * escalation through group membership, another user's password, deployment of an expression that reaches
 * {@code getClass()}, lockout by anonymous wrong passwords, {@code identity/verify} of another user, and a
 * forged Partner Center event message. Each went through on the version before these tests.
 */
@Tag("security")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AbuseTest {

  static final String ANALYST = "abuse.analyst";
  static final String OPERATOR = "abuse.operator";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired ProcessEngine processEngine;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired ObjectMapper objectMapper;
  final List<String> createdUsers = new ArrayList<>();

  @BeforeEach
  void setUp() {
    newUser(ANALYST, PartnerRoles.BUSINESS_ANALYSTS);
    newUser(OPERATOR, Groups.CAMUNDA_ADMIN);
    deleteRunningInvitations(runtimeService);
  }

  @AfterEach
  void tearDown() {
    createdUsers.forEach(identityService::deleteUser);
    deleteRunningInvitations(runtimeService);
  }

  String newUser(String userId, String group) {
    User user = identityService.newUser(userId);
    user.setPassword(TestUsers.PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(userId, group);
    createdUsers.add(userId);
    return userId;
  }

  String webappApi(String path) {
    return "/camunda/api/engine/engine/" + processEngine.getName() + path;
  }

  String engineRest(String path) {
    return "/engine-rest/engine/" + processEngine.getName() + path;
  }

  CamundaWebappSession webapp(String userId) {
    CamundaWebappSession session = new CamundaWebappSession(port, processEngine.getName());
    assertThat(session.login(userId, TestUsers.PASSWORD)).as(userId + " logs in").isEqualTo(200);
    return session;
  }

  List<String> membersOf(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList();
  }

  HttpStatus put(RestClient client, String path) {
    return HttpStatus.valueOf(client.put().uri(path).retrieve().toBodilessEntity().getStatusCode().value());
  }

  @Test
  void noPartnerRoleJoinsCamundaAdminOrAGroupItDoesNotAdminister() {
    List<String> admins = membersOf(Groups.CAMUNDA_ADMIN);
    List<String> globalAdmins = membersOf(PartnerRoles.GLOBAL_ADMINS);

    for (String role : List.of(TestUsers.USER_ADMIN, TestUsers.GLOBAL_ADMIN, TestUsers.SALES_AGENT)) {
      assertThat(put(TestUsers.http(port, role), engineRest("/group/camunda-admin/members/" + role)))
          .as(role + " on /engine-rest").isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(webapp(role).put(webappApi("/group/camunda-admin/members/" + role), "").statusCode())
          .as(role + " through Camunda Admin's API").isEqualTo(403);
    }
    assertThat(webapp(TestUsers.USER_ADMIN).put(webappApi("/group/global-admins/members/" + TestUsers.USER_ADMIN), "")
        .statusCode()).as("user admins do not administer global admins").isEqualTo(403);
    assertThat(webapp(TestUsers.USER_ADMIN).post(webappApi("/authorization/create"), """
        {"type": 1, "permissions": ["ALL"], "userId": "user.admin", "groupId": null, "resourceType": 3, "resourceId": "*"}
        """).statusCode()).as("no role grants authorizations").isEqualTo(403);

    CamundaWebappSession stranger = new CamundaWebappSession(port, processEngine.getName());
    stranger.get("/camunda/app/admin/" + processEngine.getName() + "/");
    assertThat(stranger.post("/camunda/api/admin/setup/" + processEngine.getName() + "/user/create", """
        {"profile": {"id": "abuse-setup", "firstName": "A", "lastName": "B"}, "credentials": {"password": "Setup!123"}}
        """).statusCode()).as("Camunda Admin's initial setup is closed").isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("abuse-setup").count()).isZero();

    assertThat(membersOf(Groups.CAMUNDA_ADMIN)).as("nothing written").containsExactlyInAnyOrderElementsOf(admins);
    assertThat(membersOf(PartnerRoles.GLOBAL_ADMINS)).containsExactlyInAnyOrderElementsOf(globalAdmins);

    String agent = newUser("abuse-agent-" + UUID.randomUUID().toString().substring(0, 8), PartnerRoles.SALES_AGENTS);
    assertThat(webapp(TestUsers.USER_ADMIN).put(webappApi("/group/" + PartnerRoles.BUSINESS_ANALYSTS + "/members/" + agent), "")
        .statusCode()).as("a user admin still manages the groups it administers").isEqualTo(204);
    assertThat(membersOf(PartnerRoles.BUSINESS_ANALYSTS)).contains(agent);
  }

  @Test
  void noPartnerRoleSetsAnotherUsersPasswordButEachSetsItsOwn() {
    String victim = newUser("abuse-victim-" + UUID.randomUUID().toString().substring(0, 8), PartnerRoles.SALES_AGENTS);
    String adminHash = passwordHash(AdminUserInitializer.ADMIN_USER_ID);
    String victimHash = passwordHash(victim);
    String credentials = """
        {"password": "Taken!Over1", "authenticatedUserPassword": "%s"}""".formatted(TestUsers.PASSWORD);

    for (String role : List.of(TestUsers.USER_ADMIN, TestUsers.GLOBAL_ADMIN)) {
      CamundaWebappSession session = webapp(role);
      for (String target : List.of(AdminUserInitializer.ADMIN_USER_ID, victim)) {
        assertThat(session.put(webappApi("/user/" + target + "/credentials"), credentials).statusCode())
            .as(role + " sets the password of " + target).isEqualTo(403);
      }
      assertThat(session.put(webappApi("/user/" + victim + "/profile"), """
          {"id": "%s", "firstName": "Taken", "lastName": "Over", "email": "attacker@example.com"}""".formatted(victim))
          .statusCode()).as(role + " rewrites another user's e-mail").isEqualTo(403);
    }
    assertThat(TestUsers.http(port, TestUsers.USER_ADMIN).put().uri(engineRest("/user/admin/credentials"))
        .contentType(MediaType.APPLICATION_JSON).body(credentials).retrieve().toBodilessEntity().getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(passwordHash(AdminUserInitializer.ADMIN_USER_ID)).as("nothing written").isEqualTo(adminHash);
    assertThat(passwordHash(victim)).isEqualTo(victimHash);
    assertThat(identityService.createUserQuery().userId(AdminUserInitializer.ADMIN_USER_ID).count()).isOne();
    assertThat(identityService.createUserQuery().userId(victim).singleResult().getEmail()).isNull();

    assertThat(webapp(victim).put(webappApi("/user/" + victim + "/credentials"), """
        {"password": "Own!Password2", "authenticatedUserPassword": "%s"}""".formatted(TestUsers.PASSWORD))
        .statusCode()).as("a user sets its own password").isEqualTo(204);
    assertThat(identityService.checkPassword(victim, "Own!Password2")).isTrue();
  }

  String passwordHash(String userId) {
    return ((UserEntity) identityService.createUserQuery().userId(userId).singleResult()).getPassword();
  }

  @Test
  void deployingAnExpressionThatCallsGetClassIsRefusedNamingElementAndExpression() {
    long deployments = repositoryService.createDeploymentQuery().count();

    ResponseEntity<JsonNode> refused = deploy(TestUsers.http(port, ANALYST), "GetClassExpression.bpmn", GET_CLASS_MODEL);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody().path("message").asText())
        .contains("GetClassExpression.bpmn", "Task_RunCommand", "getClass", "''.getClass().forName('java.lang.Runtime')");
    assertThat(repositoryService.createDeploymentQuery().count()).as("nothing written").isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("AbuseGetClassExpression").count())
        .isZero();
    assertThat(deploy(TestUsers.http(port, TestUsers.SALES_AGENT), "GetClassExpression.bpmn", GET_CLASS_MODEL)
        .getStatusCode()).as("partner roles do not deploy").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);

    ResponseEntity<JsonNode> allowed = deploy(TestUsers.http(port, ANALYST), "AnalystModel.bpmn", ANALYST_MODEL);
    assertThat(allowed.getStatusCode()).as("an analyst deploys what the allow-list holds").isEqualTo(HttpStatus.OK);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("AbuseAnalystModel").count()).isOne();
    repositoryService.deleteDeployment(allowed.getBody().path("id").asText(), true);
  }

  ResponseEntity<JsonNode> deploy(RestClient client, String fileName, String model) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", fileName);
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("data", new ByteArrayResource(model.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    return client.post().uri(engineRest("/deployment/create")).contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
        .retrieve().toEntity(JsonNode.class);
  }

  @Test
  void tenAnonymousWrongPasswordsNeitherLockNorDelayTheRealUser() throws Exception {
    String victim = newUser("abuse-locked-" + UUID.randomUUID().toString().substring(0, 8), PartnerRoles.SALES_AGENTS);

    for (int i = 0; i < 10; i++) {
      assertThat(outbox(victim, "guess-" + i, "203.0.113.7").getStatus()).isEqualTo(401);
    }

    assertThat(outbox(victim, TestUsers.PASSWORD, "198.51.100.23").getStatus()).as("the real user signs in").isEqualTo(200);
    UserEntity stored = (UserEntity) identityService.createUserQuery().userId(victim).singleResult();
    assertThat(stored.getAttempts()).as("nothing written: no failed attempts recorded").isZero();
    assertThat(stored.getLockExpirationTime()).isNull();

    MockHttpServletResponse throttled = outbox(victim, TestUsers.PASSWORD, "203.0.113.7");
    assertThat(throttled.getStatus()).as("the guessing address waits, even with the right password").isEqualTo(429);
    assertThat(throttled.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(Long.parseLong(throttled.getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
    assertThat(objectMapper.readTree(throttled.getContentAsString()).path("status").asInt()).isEqualTo(429);
  }

  @Test
  void manyAddressesDelayOneUserForMinutesNeverForGood() throws Exception {
    String victim = newUser("abuse-targeted-" + UUID.randomUUID().toString().substring(0, 8), PartnerRoles.SALES_AGENTS);
    for (int i = 0; i < 30; i++) {
      assertThat(outbox(victim, "guess-" + i, "192.0.2." + (i + 1)).getStatus()).isEqualTo(401);
    }

    MockHttpServletResponse throttled = outbox(victim, TestUsers.PASSWORD, "198.51.100.99");
    assertThat(throttled.getStatus()).isEqualTo(429);
    assertThat(Long.parseLong(throttled.getHeader(HttpHeaders.RETRY_AFTER))).as("minutes at most").isBetween(1L, 300L);
    assertThat(outbox(TestUsers.SALES_AGENT, TestUsers.PASSWORD, "198.51.100.99").getStatus())
        .as("other users from that address are not delayed").isEqualTo(200);
    UserEntity stored = (UserEntity) identityService.createUserQuery().userId(victim).singleResult();
    assertThat(stored.getAttempts()).as("nothing written").isZero();
    assertThat(stored.getLockExpirationTime()).isNull();
  }

  MockHttpServletResponse outbox(String userId, String password, String address) throws Exception {
    return mvc.perform(get("/api/outbox").with(httpBasic(userId, password)).with(request -> {
      request.setRemoteAddr(address);
      return request;
    })).andReturn().getResponse();
  }

  @Test
  void identityVerifyAnswersNobodyAboutAnotherUsersPassword() {
    String body = """
        {"username": "%s", "password": "%s"}""".formatted(TestUsers.GLOBAL_ADMIN, TestUsers.PASSWORD);

    HttpResponse<String> webapp = webapp(TestUsers.SALES_AGENT).post(webappApi("/identity/verify"), body);
    assertThat(webapp.statusCode()).isEqualTo(403);
    assertThat(webapp.body()).doesNotContain("\"authenticated\"");
    for (String user : List.of(TestUsers.SALES_AGENT, OPERATOR)) {
      ResponseEntity<String> rest = TestUsers.http(port, user).post().uri(engineRest("/identity/verify"))
          .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
      assertThat(rest.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(rest.getBody()).doesNotContain("\"authenticated\"");
    }
  }

  @Test
  void nobodyButTheEventInboxCorrelatesAPartnerCenterEventMessage() {
    ResponseEntity<JsonNode> started = TestUsers.http(port).post().uri("/api/invitations")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("companyName", "Fabrikam", "domain", "fabrikam.onmicrosoft.com", "country", "DE",
            "language", "en", "globalAdminEmail", "admin@fabrikam.onmicrosoft.com", "adminAccess", "NONE"))
        .retrieve().toEntity(JsonNode.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = started.getBody().path("id").asText();
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    runDueJobs(managementService, instance);
    String tracking = runtimeService.createProcessInstanceQuery().superProcessInstanceId(id).singleResult().getId();
    assertThat(runtimeService.getActiveActivityIds(tracking))
        .contains(TrackInvitationProcess.TASK_AWAIT_CUSTOMER_ACCEPTANCE);
    Object tenantBefore = runtimeService.getVariable(id, InvitationVariables.CUSTOMER_TENANT_ID.getName());
    String forged = """
        {"messageName": "%s", "processInstanceId": "%s",
         "processVariables": {"customerTenantId": {"value": "c0ffee00-0000-4000-8000-00000000dead"}}}"""
        .formatted(InvitationMessages.INVITATION_ACCEPTED, id);

    assertThat(webapp(TestUsers.SALES_AGENT).post(webappApi("/message"), forged).statusCode())
        .as("a sales agent through Tasklist's API").isEqualTo(403);
    assertThat(webapp(TestUsers.GLOBAL_ADMIN).post(webappApi("/message"), forged).statusCode())
        .as("a global admin through Cockpit's API").isEqualTo(403);
    assertThat(TestUsers.http(port, TestUsers.SALES_AGENT).post().uri(engineRest("/message"))
        .contentType(MediaType.APPLICATION_JSON).body(forged).retrieve().toBodilessEntity().getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> byOperator = TestUsers.http(port, OPERATOR).post().uri(engineRest("/message"))
        .contentType(MediaType.APPLICATION_JSON).body(forged).retrieve().toEntity(JsonNode.class);
    assertThat(byOperator.getStatusCode()).as("camunda-admin included").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(byOperator.getBody().path("message").asText()).contains("event inbox");
    assertThat(TestUsers.http(port, OPERATOR).post()
        .uri(engineRest("/execution/" + id + "/messages/" + InvitationMessages.INVITATION_ACCEPTED + "/trigger"))
        .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().toBodilessEntity().getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(runtimeService.getActiveActivityIds(tracking)).as("nothing written")
        .contains(TrackInvitationProcess.TASK_AWAIT_CUSTOMER_ACCEPTANCE);
    assertThat(runtimeService.getVariable(id, InvitationVariables.CUSTOMER_TENANT_ID.getName())).isEqualTo(tenantBefore)
        .isNotEqualTo("c0ffee00-0000-4000-8000-00000000dead");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(tracking)
        .activityId(TrackInvitationProcess.TASK_AWAIT_CUSTOMER_ACCEPTANCE).finished().count()).isZero();
    assertThat(TestUsers.http(port).get().uri("/api/invitations/" + id).retrieve().body(JsonNode.class)
        .path("status").asText()).isEqualTo("WAITING_FOR_CUSTOMER");
  }

  static final String GET_CLASS_MODEL = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
      xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_GetClass" targetNamespace="http://bpmn.io/schema/bpmn">
        <bpmn:process id="AbuseGetClassExpression" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="StartEvent_Started" />
          <bpmn:sequenceFlow id="Flow_ToRun" sourceRef="StartEvent_Started" targetRef="Task_RunCommand" />
          <bpmn:serviceTask id="Task_RunCommand" name="Run command" \
      camunda:expression="${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch /tmp/pco-pwned')}" />
          <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_RunCommand" targetRef="EndEvent_Done" />
          <bpmn:endEvent id="EndEvent_Done" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  static final String ANALYST_MODEL = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
      xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
      id="Definitions_Analyst" targetNamespace="http://bpmn.io/schema/bpmn">
        <bpmn:process id="AbuseAnalystModel" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="StartEvent_Started" />
          <bpmn:sequenceFlow id="Flow_ToGateway" sourceRef="StartEvent_Started" targetRef="Gateway_Eligible" />
          <bpmn:exclusiveGateway id="Gateway_Eligible" name="Eligible?" />
          <bpmn:sequenceFlow id="Flow_Yes" sourceRef="Gateway_Eligible" targetRef="Task_Notify">
            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${eligible &amp;&amp; route != 'NOT_SUPPORTED'}</bpmn:conditionExpression>
          </bpmn:sequenceFlow>
          <bpmn:sequenceFlow id="Flow_No" sourceRef="Gateway_Eligible" targetRef="EndEvent_Done">
            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${!eligible || route == 'NOT_SUPPORTED'}</bpmn:conditionExpression>
          </bpmn:sequenceFlow>
          <bpmn:serviceTask id="Task_Notify" name="Notify requester" camunda:delegateExpression="${notifyRequester}">
            <bpmn:extensionElements>
              <camunda:executionListener event="start" expression="${execution.setVariable('reason', 'Checked: '.concat(route))}" />
            </bpmn:extensionElements>
          </bpmn:serviceTask>
          <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Notify" targetRef="EndEvent_Done" />
          <bpmn:endEvent id="EndEvent_Done" />
        </bpmn:process>
      </bpmn:definitions>
      """;
}
