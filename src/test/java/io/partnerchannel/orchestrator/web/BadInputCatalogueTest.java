package io.partnerchannel.orchestrator.web;

import io.partnerchannel.orchestrator.support.ProcessJobs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.support.ProcessTest;
import java.util.Optional;
import io.partnerchannel.orchestrator.support.SentMails;
import io.partnerchannel.orchestrator.events.EventInboxRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnerchannel.orchestrator.invitation.InvitationTestSupport;
import io.partnerchannel.orchestrator.partnercenter.sandbox.EventSharedSecret;
import io.partnerchannel.orchestrator.support.CamundaWebappSession;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The bad-input catalogue (issue 12, item 8): malformed requests to every way input enters — the {@code /api}
 * starts ({@code /api/invitations}, {@code /api/indirect-invitations}, {@code /api/onboardings}), a start form and
 * a task's form submitted through Tasklist's API ({@code submit-form}, {@code complete}; as the reseller's staff)
 * and {@code /engine-rest} (as an operator, the only one allowed there), and the
 * Partner Center event webhook. Each must answer 4xx {@code application/problem+json} naming the field, and
 * write nothing: no new process instance, no e-mail, no event row, the task still open with its variables.
 *
 * <p>Runs as the indirect provider Tailspin Distribution (the same application context as the indirect
 * invitation tests), whose "Forward invitation to customer" task Fourth Coffee IT's staff submit.
 */
@ProcessTest(properties = {"pco.partner.tenant-id=" + InvitationTestSupport.TAILSPIN, "pco.partner.cloud=GLOBAL"})
@Import(ProcessEngineCoverageConfiguration.class)
class BadInputCatalogueTest {

  enum Target {
    INVITATION, INDIRECT_INVITATION, ONBOARDING, EVENT, START_FORM, TASK_SUBMIT_FORM, TASK_COMPLETE, TASKLIST_SUBMIT_FORM,
    TASKLIST_COMPLETE
  }

  /** An operator: {@code /engine-rest} is for {@code camunda-admin} (and deployment), not for partner roles or staff. */
  static final String OPERATOR = "catalogue.operator";

  static final ObjectMapper JSON = new ObjectMapper();
  static final String GUID = "9a1f0c2e-6b3d-4e8f-a1b2-c3d4e5f60718";
  static final String NUL = "\\u0000";
  static final String TOO_LARGE = "x".repeat(70 * 1024);

  /** The Forward task all form cases submit to; started once, never completed by them. */
  static String forwardInstanceId;

  @Autowired HistoryService historyService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired ProcessEngine processEngine;
  @Autowired IdentityService identityService;
  @Autowired EventInboxRepository inbox;
  SentMails mails;
  @Autowired EventSharedSecret eventSecret;
  @LocalServerPort int port;

  Task forward;

  static ObjectNode invitation() {
    return JSON.createObjectNode().put("companyName", "Adatum Corporation").put("domain", "adatum.onmicrosoft.com")
        .put("country", "IT").put("language", "it").put("globalAdminEmail", "admin@adatum.onmicrosoft.com")
        .put("adminAccess", "NONE").put("message", "Benvenuti");
  }

  static ObjectNode indirectInvitation() {
    return invitation().put("route", "VIA_RESELLER").put("resellerTenantId", InvitationTestSupport.FOURTH_COFFEE);
  }

  static ObjectNode onboarding() {
    ObjectNode body = JSON.createObjectNode().put("customerTenantId", GUID).put("cloud", "GLOBAL").put("ruleSet", "NEW_COMMERCE");
    body.putArray("subscriptions").addObject().put("id", "sub-1").put("serviceType", "LICENSE_BASED")
        .put("boughtFrom", "MICROSOFT_DIRECT");
    return body;
  }

  static ObjectNode event() {
    return JSON.createObjectNode().put("EventName", "reseller-relationship-accepted-by-customer")
        .put("ResourceUri", "/v1/customers/" + GUID).put("ResourceName", "customer")
        .put("ResourceChangeUtcDate", "2025-06-02T10:15:30Z");
  }

  /** A form submission: each variable typed as Camunda's REST API takes it ({@code {value, type}}). */
  static String variables(Object... nameTypeValue) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < nameTypeValue.length; i += 3) {
      Map<String, Object> typed = new LinkedHashMap<>();
      typed.put("value", nameTypeValue[i + 2]);
      typed.put("type", nameTypeValue[i + 1]);
      variables.put((String) nameTypeValue[i], typed);
    }
    try {
      return JSON.writeValueAsString(Map.of("variables", variables));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Arguments json(String name, Target target, ObjectNode valid, UnaryOperator<ObjectNode> change, String field) {
    return Arguments.of(name, target, change.apply(valid).toString(), field);
  }

  /** A raw body: the valid one with {@code "key": <value>} replaced by a text of one's own. */
  static Arguments raw(String name, Target target, ObjectNode valid, String key, String rawValue, String field) {
    String body = valid.toString();
    String original = "\"" + key + "\":" + valid.get(key).toString();
    assertThat(body).contains(original);
    return Arguments.of(name, target, body.replace(original, rawValue), field);
  }

  static Stream<Arguments> catalogue() {
    List<Arguments> cases = new ArrayList<>();
    for (Target target : List.of(Target.INVITATION, Target.INDIRECT_INVITATION)) {
      ObjectNode valid = target == Target.INVITATION ? invitation() : indirectInvitation();
      String t = target + ": ";
      cases.add(json(t + "companyName missing", target, valid.deepCopy(), b -> (ObjectNode) b.remove(List.of("companyName")), "companyName"));
      cases.add(json(t + "companyName a number", target, valid.deepCopy(), b -> b.put("companyName", 42), "companyName"));
      cases.add(json(t + "companyName true", target, valid.deepCopy(), b -> b.put("companyName", true), "companyName"));
      cases.add(raw(t + "companyName with NUL", target, valid, "companyName", "\"companyName\":\"Adatum" + NUL + "\"", "companyName"));
      cases.add(raw(t + "companyName with BEL", target, valid, "companyName", "\"companyName\":\"Ada\\u0007tum\"", "companyName"));
      cases.add(json(t + "companyName too long", target, valid.deepCopy(), b -> b.put("companyName", "A".repeat(256)), "companyName"));
      cases.add(raw(t + "companyName twice", target, valid, "companyName",
          "\"companyName\":\"Adatum Corporation\",\"companyName\":\"Evil Corp\"", "companyName"));
      cases.add(raw(t + "companyName unquoted", target, valid, "companyName", "\"companyName\":Adatum", "companyName"));
      cases.add(json(t + "domain not a domain", target, valid.deepCopy(), b -> b.put("domain", "adatum"), "domain"));
      cases.add(json(t + "domain a number", target, valid.deepCopy(), b -> b.put("domain", 12345), "domain"));
      cases.add(raw(t + "domain twice", target, valid, "domain",
          "\"domain\":\"adatum.onmicrosoft.com\",\"domain\":\"attacker.example\"", "domain"));
      cases.add(json(t + "country unknown", target, valid.deepCopy(), b -> b.put("country", "XX"), "country"));
      cases.add(json(t + "language unknown", target, valid.deepCopy(), b -> b.put("language", "xx"), "language"));
      cases.add(json(t + "language without e-mails", target, valid.deepCopy(), b -> b.put("language", "de"), "language"));
      cases.add(json(t + "globalAdminEmail no address", target, valid.deepCopy(), b -> b.put("globalAdminEmail", "admin"), "globalAdminEmail"));
      cases.add(raw(t + "globalAdminEmail with NUL", target, valid, "globalAdminEmail",
          "\"globalAdminEmail\":\"admin@adatum.onmicrosoft.com" + NUL + "\"", "globalAdminEmail"));
      cases.add(json(t + "adminAccess 1 (not DAP)", target, valid.deepCopy(), b -> b.put("adminAccess", 1), "adminAccess"));
      cases.add(json(t + "adminAccess unknown", target, valid.deepCopy(), b -> b.put("adminAccess", "ROOT"), "adminAccess"));
      cases.add(json(t + "message too long", target, valid.deepCopy(), b -> b.put("message", "m".repeat(2001)), "message"));
      cases.add(raw(t + "message with ESC", target, valid, "message", "\"message\":\"Hi \\u001b[31m\"", "message"));
      if (target == Target.INVITATION) {
        cases.add(json(t + "gdapRoles not a list", target, valid.deepCopy(),
            b -> b.put("adminAccess", "GDAP").put("gdapRoles", "helpdesk"), "gdapRoles"));
        cases.add(json(t + "gdapRoles with a number", target, valid.deepCopy(),
            b -> { b.put("adminAccess", "GDAP").putArray("gdapRoles").add(729827); return b; }, "gdapRoles[0]"));
        cases.add(json(t + "gdapRoles not role ids", target, valid.deepCopy(),
            b -> { b.put("adminAccess", "GDAP").putArray("gdapRoles").add("helpdesk"); return b; }, "gdapRoles[0]"));
        cases.add(json(t + "gdapDuration too long", target, valid.deepCopy(),
            b -> { b.put("adminAccess", "GDAP").put("gdapDuration", "P731D").putArray("gdapRoles")
                .add("729827e3-9c14-49f7-bb1b-9608f156bbb8"); return b; }, "gdapDuration"));
      } else {
        cases.add(json(t + "route missing", target, valid.deepCopy(), b -> (ObjectNode) b.remove(List.of("route")), "route"));
        cases.add(json(t + "route a number", target, valid.deepCopy(), b -> b.put("route", 0), "route"));
        cases.add(json(t + "route unknown", target, valid.deepCopy(), b -> b.put("route", "SIDEWAYS"), "route"));
        cases.add(json(t + "resellerTenantId not a GUID", target, valid.deepCopy(), b -> b.put("resellerTenantId", "fourthcoffee"),
            "resellerTenantId"));
        cases.add(json(t + "resellerTenantId a number", target, valid.deepCopy(), b -> b.put("resellerTenantId", 3), "resellerTenantId"));
      }
    }
    ObjectNode onboarding = onboarding();
    String o = "ONBOARDING: ";
    cases.add(json(o + "customerTenantId not a GUID", Target.ONBOARDING, onboarding.deepCopy(), b -> b.put("customerTenantId", "adatum"),
        "customerTenantId"));
    cases.add(json(o + "customerTenantId a number", Target.ONBOARDING, onboarding.deepCopy(), b -> b.put("customerTenantId", 7),
        "customerTenantId"));
    cases.add(json(o + "cloud unknown", Target.ONBOARDING, onboarding.deepCopy(), b -> b.put("cloud", "MARS"), "cloud"));
    cases.add(json(o + "cloud a number", Target.ONBOARDING, onboarding.deepCopy(), b -> b.put("cloud", 21), "cloud"));
    cases.add(json(o + "ruleSet unknown", Target.ONBOARDING, onboarding.deepCopy(), b -> b.put("ruleSet", "2019"), "ruleSet"));
    cases.add(json(o + "ruleSet a number", Target.ONBOARDING, onboarding.deepCopy(), b -> b.put("ruleSet", 2020), "ruleSet"));
    cases.add(json(o + "subscriptions empty", Target.ONBOARDING, onboarding.deepCopy(),
        b -> { b.putArray("subscriptions"); return b; }, "subscriptions"));
    cases.add(json(o + "subscription id with NUL", Target.ONBOARDING, onboarding.deepCopy(),
        b -> { ((ObjectNode) b.get("subscriptions").get(0)).put("id", "sub\u0000"); return b; }, "subscriptions[0].id"));
    cases.add(json(o + "subscription serviceType unknown", Target.ONBOARDING, onboarding.deepCopy(),
        b -> { ((ObjectNode) b.get("subscriptions").get(0)).put("serviceType", "FREE"); return b; }, "subscriptions[0].serviceType"));
    cases.add(raw(o + "ruleSet twice", Target.ONBOARDING, onboarding, "ruleSet",
        "\"ruleSet\":\"NEW_COMMERCE\",\"ruleSet\":\"2020\"", "ruleSet"));

    ObjectNode event = event();
    String e = "EVENT: ";
    cases.add(json(e + "EventName missing", Target.EVENT, event.deepCopy(), b -> (ObjectNode) b.remove(List.of("EventName")), "EventName"));
    cases.add(json(e + "EventName a number", Target.EVENT, event.deepCopy(), b -> b.put("EventName", 1), "EventName"));
    cases.add(json(e + "EventName with NUL", Target.EVENT, event.deepCopy(),
        b -> b.put("EventName", "reseller-relationship-accepted-by-customer\u0000"), "EventName"));
    cases.add(json(e + "EventName too long", Target.EVENT, event.deepCopy(), b -> b.put("EventName", "e".repeat(101)), "EventName"));
    // (no "ResourceUri missing": Partner Center's DAP events carry none)
    cases.add(json(e + "ResourceUri a number", Target.EVENT, event.deepCopy(), b -> b.put("ResourceUri", 42), "ResourceUri"));
    cases.add(json(e + "ResourceUri not a URI", Target.EVENT, event.deepCopy(), b -> b.put("ResourceUri", "http://[::1/v1 customers"),
        "ResourceUri"));
    cases.add(json(e + "ResourceChangeUtcDate not a date", Target.EVENT, event.deepCopy(),
        b -> b.put("ResourceChangeUtcDate", "yesterday"), "ResourceChangeUtcDate"));
    cases.add(json(e + "ResourceChangeUtcDate a number", Target.EVENT, event.deepCopy(),
        b -> b.put("ResourceChangeUtcDate", 1717323330), "ResourceChangeUtcDate"));
    cases.add(raw(e + "EventName twice", Target.EVENT, event, "EventName",
        "\"EventName\":\"reseller-relationship-accepted-by-customer\",\"EventName\":\"granular-admin-relationship-approved\"",
        "EventName"));
    cases.add(json(e + "body over 64 KiB", Target.EVENT, event.deepCopy(), b -> b.put("AuditUri", TOO_LARGE), "request body"));
    cases.add(json(INVITATION_PREFIX + "body over 64 KiB", Target.INVITATION, invitation(), b -> b.put("message", TOO_LARGE),
        "request body"));

    Object[] validStart = {"companyName", "String", "Adatum Corporation", "customerDomain", "String", "adatum.onmicrosoft.com",
        "customerCountry", "String", "IT", "customerLanguage", "String", "it", "globalAdminEmail", "String",
        "admin@adatum.onmicrosoft.com", "adminAccess", "String", "NONE", "message", "String", "Benvenuti"};
    for (String[] invalid : List.of(
        new String[] {"customerDomain", "adatum"}, new String[] {"customerCountry", "XX"},
        new String[] {"customerLanguage", "de"},
        new String[] {"globalAdminEmail", "admin"}, new String[] {"adminAccess", "ROOT"},
        new String[] {"companyName", ""})) {
      Object[] start = validStart.clone();
      for (int i = 0; i < start.length; i += 3) {
        if (start[i].equals(invalid[0])) {
          start[i + 2] = invalid[1];
        }
      }
      cases.add(Arguments.of(Target.START_FORM + ": " + invalid[0] + " " + invalid[1], Target.START_FORM, variables(start),
          invalid[0]));
    }

    for (Target target : List.of(Target.TASK_SUBMIT_FORM, Target.TASK_COMPLETE, Target.TASKLIST_SUBMIT_FORM,
        Target.TASKLIST_COMPLETE)) {
      String f = target + ": ";
      cases.add(Arguments.of(f + "forwardDecision unknown", target, variables("forwardDecision", "String", "MAYBE"), "forwardDecision"));
      cases.add(Arguments.of(f + "forwardDecision an integer", target, variables("forwardDecision", "Integer", 1), "forwardDecision"));
      cases.add(Arguments.of(f + "decline without reason", target, variables("forwardDecision", "String", "DECLINE"), "declineReason"));
      cases.add(Arguments.of(f + "globalAdminEmail read-only", target,
          variables("forwardDecision", "String", "FORWARD", "globalAdminEmail", "String", "admin@attacker.example"), "globalAdminEmail"));
      cases.add(Arguments.of(f + "invitationUrl read-only", target,
          variables("forwardDecision", "String", "FORWARD", "invitationUrl", "String", "https://attacker.example/"), "invitationUrl"));
      cases.add(Arguments.of(f + "owningResellerTenantId not in the form", target,
          variables("forwardDecision", "String", "FORWARD", "owningResellerTenantId", "String", InvitationTestSupport.WINGTIP),
          "owningResellerTenantId"));
    }
    String f = Target.TASK_SUBMIT_FORM + ": ";
    cases.add(Arguments.of(f + "decline reason too long", Target.TASK_SUBMIT_FORM,
        variables("forwardDecision", "String", "DECLINE", "declineReason", "String", "r".repeat(1001)), "declineReason"));
    for (String readOnly : List.of("companyName", "customerDomain", "customerCountry", "partnerName", "message")) {
      cases.add(Arguments.of(f + readOnly + " read-only", Target.TASK_SUBMIT_FORM,
          variables("forwardDecision", "String", "FORWARD", readOnly, "String", "changed"), readOnly));
    }
    for (String hidden : List.of("resellerTenantId", "requester", "route", "expiresAt", "forwardedBy")) {
      cases.add(Arguments.of(f + hidden + " not in the form", Target.TASK_SUBMIT_FORM,
          variables("forwardDecision", "String", "FORWARD", hidden, "String", "x"), hidden));
    }
    return cases.stream();
  }

  static final String INVITATION_PREFIX = Target.INVITATION + ": ";

  @BeforeEach
  void forwardTaskOfFourthCoffee() {
    if (identityService.createUserQuery().userId(OPERATOR).count() == 0) {
      User operator = identityService.newUser(OPERATOR);
      operator.setPassword(TestUsers.PASSWORD);
      identityService.saveUser(operator);
      identityService.createMembership(OPERATOR, Groups.CAMUNDA_ADMIN);
    }
    if (forwardInstanceId == null
        || taskService.createTaskQuery().processInstanceId(forwardInstanceId).taskDefinitionKey("Task_ForwardInvitation").count() == 0) {
      String domain = "wideworldimporters.onmicrosoft.com"; // a customer no other test of the provider relates to it
      ResponseEntity<JsonNode> created = TestUsers.http(port).post().uri("/api/indirect-invitations")
          .contentType(MediaType.APPLICATION_JSON)
          .body(indirectInvitation().put("companyName", "Wide World Importers").put("domain", domain)
              .put("globalAdminEmail", "admin@" + domain))
          .retrieve().toEntity(JsonNode.class);
      assertThat(created.getStatusCode().value()).isEqualTo(201);
      forwardInstanceId = created.getBody().path("id").asText();
      ProcessJobs.runDueJobs(managementService,
          runtimeService.createProcessInstanceQuery().processInstanceId(forwardInstanceId).singleResult());
    }
    forward = taskService.createTaskQuery().processInstanceId(forwardInstanceId).taskDefinitionKey("Task_ForwardInvitation")
        .singleResult();
  }

  record Answer(int status, String contentType, String body) {}

  Answer send(Target target, String body) throws Exception {
    String engine = "/engine/" + processEngine.getName() + "/task/" + forward.getId();
    return switch (target) {
      case INVITATION -> post(TestUsers.SALES_AGENT, "/api/invitations", body, Map.of());
      case INDIRECT_INVITATION -> post(TestUsers.SALES_AGENT, "/api/indirect-invitations", body, Map.of());
      case ONBOARDING -> post(TestUsers.SALES_AGENT, "/api/onboardings", body, Map.of());
      case EVENT -> post(null, "/api/partner-center/events", body, Map.of(EventSharedSecret.HEADER, eventSecret.value()));
      case START_FORM -> tasklist(TestUsers.SALES_AGENT,
          "/camunda/api/engine/engine/" + processEngine.getName() + "/process-definition/key/ResellerRelationshipInvitation/submit-form",
          body);
      case TASK_SUBMIT_FORM -> post(OPERATOR, "/engine-rest" + engine + "/submit-form", body, Map.of());
      case TASK_COMPLETE -> post(OPERATOR, "/engine-rest" + engine + "/complete", body, Map.of());
      case TASKLIST_SUBMIT_FORM -> tasklist(TestUsers.FOURTH_COFFEE_STAFF, "/camunda/api/engine" + engine + "/submit-form", body);
      case TASKLIST_COMPLETE -> tasklist(TestUsers.FOURTH_COFFEE_STAFF, "/camunda/api/engine" + engine + "/complete", body);
    };
  }

  /** As Tasklist calls the webapps' engine API: signed in, with the CSRF token. */
  Answer tasklist(String userId, String path, String body) {
    CamundaWebappSession tasklist = new CamundaWebappSession(port, processEngine.getName());
    assertThat(tasklist.login(userId, TestUsers.PASSWORD)).isEqualTo(200);
    HttpResponse<String> answer = tasklist.post(path, body);
    return new Answer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""), answer.body());
  }

  Answer post(String userId, String path, String body, Map<String, String> headers) {
    ResponseEntity<String> answer = (userId == null ? TestUsers.anonymous(port) : TestUsers.http(port, userId)).post().uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .headers(h -> headers.forEach(h::add))
        .body(body)
        .retrieve().toEntity(String.class);
    return new Answer(answer.getStatusCode().value(), String.valueOf(answer.getHeaders().getContentType()), answer.getBody());
  }

  record Written(long instances, Optional<String> newestMail, long events, String forwardVariables, long forwardTasks) {}

  Written written() {
    return new Written(
        historyService.createHistoricProcessInstanceQuery().count(),
        mails.newestId(),
        inbox.count(),
        runtimeService.getVariables(forwardInstanceId).toString(),
        taskService.createTaskQuery().taskId(forward.getId()).count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void refusedAs4xxProblemNamingTheFieldAndNothingWritten(String name, Target target, String body, String field)
      throws Exception {
    Written before = written();

    Answer answer = send(target, body);

    assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
    assertThat(answer.contentType()).as(answer.body()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("status").asInt()).isEqualTo(answer.status());
    List<String> fields = problem.path("errors").findValuesAsText("field");
    assertThat(fields.contains(field) || problem.path("detail").asText().contains(field))
        .as("names %s: %s", field, answer.body()).isTrue();
    assertThat(written()).as("nothing written").isEqualTo(before);
  }
}
