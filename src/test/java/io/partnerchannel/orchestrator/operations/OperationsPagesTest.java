package io.partnerchannel.orchestrator.operations;

import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.acceptInSandbox;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.deleteRunningInvitations;
import static io.partnerchannel.orchestrator.support.ProcessJobs.runDueJobs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxEventDelivery;
import io.partnerchannel.orchestrator.security.ResellerTenantIdProvider;
import io.partnerchannel.orchestrator.support.TestUsers;
import io.partnerchannel.orchestrator.web.OwnPages;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.HtmlUtils;

/**
 * The operations pages on the whole application: the case history ({@code /cases}, {@code /cases.csv},
 * {@code /cases/{id}}) lists a refused and an already-related invitation with their outcome and reason, filters
 * and exports them, and shows each reader only the cases they need to know; {@code /actuator/prometheus} is for
 * {@code camunda-admin} only and counts those cases by outcome, besides tasks, jobs, incidents and the Partner
 * Center calls. A context of its own: it accepts an invitation in the sandbox, which other tests' customers must
 * not see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pco.test.context=operations")
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false)
class OperationsPagesTest {

  static final String OPERATOR = "cases.operator";
  static final String LAMNA = "c0ffee00-0000-4000-8000-000000000006";

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired SandboxEventDelivery sandboxEvents;
  @Autowired ObjectMapper objectMapper;
  @LocalServerPort int port;

  @BeforeEach
  void operator() {
    deleteRunningInvitations(runtimeService);
    if (identityService.createUserQuery().userId(OPERATOR).count() == 0) {
      User operator = identityService.newUser(OPERATOR);
      operator.setPassword(TestUsers.PASSWORD);
      identityService.saveUser(operator);
      identityService.createMembership(OPERATOR, Groups.CAMUNDA_ADMIN);
    }
  }

  @AfterEach
  void cleanUp() {
    deleteRunningInvitations(runtimeService);
  }

  @Test
  void listsRefusedAndAlreadyRelatedInvitationsWithTheirReasonsFiltersAndExportsThem() throws Exception {
    String refused = invitation("Relecloud China", "relecloud.partner.onmschina.cn", "CN");
    String related = invitation("Proseware", "proseware.onmicrosoft.com", "IT");
    String refusedOutcome = endEventName(ResellerRelationshipInvitationProcess.END_EVENT_INVITATION_REFUSED);
    String relatedOutcome = endEventName(ResellerRelationshipInvitationProcess.END_EVENT_ALREADY_RELATED);
    String refusedReason = reason(refused);
    String relatedReason = reason(related);
    assertThat(refusedReason).isNotBlank();
    assertThat(relatedReason).isNotBlank();

    String page = page(TestUsers.SALES_AGENT, "/cases");
    assertThat(row(page, refused)).contains("Relecloud China (relecloud.partner.onmschina.cn)", refusedOutcome,
        html(refusedReason), TestUsers.SALES_AGENT);
    assertThat(row(page, related)).contains("Proseware (proseware.onmicrosoft.com)", relatedOutcome, html(relatedReason));

    String onlyRefused = page(TestUsers.SALES_AGENT, "/cases?outcome=" + refusedOutcome.replace(' ', '+'));
    assertThat(onlyRefused).contains(refused).doesNotContain(related);
    assertThat(page(TestUsers.SALES_AGENT, "/cases?customer=PROSEWARE")).contains(related).doesNotContain(refused);
    assertThat(page(TestUsers.SALES_AGENT, "/cases?process=CustomerSubscriptionOnboarding"))
        .doesNotContain(related, refused);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertThat(page(TestUsers.SALES_AGENT, "/cases?from=" + today + "&to=" + today)).contains(related, refused);
    assertThat(page(TestUsers.SALES_AGENT, "/cases?to=" + today.minusDays(1))).doesNotContain(related, refused);
    assertThat(client(TestUsers.SALES_AGENT).get().uri("/cases?from=yesterday").retrieve().toBodilessEntity()
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    ResponseEntity<String> csv = client(TestUsers.SALES_AGENT).get().uri("/cases.csv?process=ResellerRelationshipInvitation")
        .retrieve().toEntity(String.class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
    List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.getBody())).getRecords();
    assertThat(records).filteredOn(record -> record.get("id").equals(refused)).singleElement().satisfies(record -> {
      assertThat(record.get("outcome")).isEqualTo(refusedOutcome);
      assertThat(record.get("reason")).isEqualTo(refusedReason);
      assertThat(record.get("customer")).isEqualTo("Relecloud China (relecloud.partner.onmschina.cn)");
      assertThat(record.get("requester")).isEqualTo(TestUsers.SALES_AGENT);
      assertThat(record.get("status")).isEqualTo("COMPLETED");
      assertThat(record.get("ended (UTC)")).isNotBlank();
    });
    assertThat(records).extracting(record -> record.get("id")).contains(related);

    String detail = page(TestUsers.SALES_AGENT, "/cases/" + refused);
    assertThat(detail).contains(refusedOutcome, html(refusedReason), "Look up customer tenant", "Decide eligibility");
  }

  @Test
  void eachReaderSeesOnlyTheCasesTheyNeedToKnow() {
    String partners = startedInvitation("Bellows College", "bellowscollege.onmicrosoft.com", null);
    String fourthCoffees = startedInvitation("Coho Winery", "cohowinery.onmicrosoft.com", TestUsers.FOURTH_COFFEE);

    assertThat(page(TestUsers.SALES_AGENT, "/cases")).contains(partners, fourthCoffees);
    assertThat(page(OPERATOR, "/cases")).contains(partners, fourthCoffees);
    assertThat(page(TestUsers.FOURTH_COFFEE_STAFF, "/cases")).contains(fourthCoffees).doesNotContain(partners);
    assertThat(page(TestUsers.WINGTIP_STAFF, "/cases")).doesNotContain(partners, fourthCoffees);
    assertThat(page(TestUsers.WINGTIP_STAFF, "/cases.csv")).doesNotContain(partners, fourthCoffees);
    assertThat(status(TestUsers.WINGTIP_STAFF, "/cases/" + fourthCoffees)).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(status(TestUsers.FOURTH_COFFEE_STAFF, "/cases/" + partners)).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(status(TestUsers.FOURTH_COFFEE_STAFF, "/cases/" + fourthCoffees)).isEqualTo(HttpStatus.OK);

    ResponseEntity<String> anonymous = TestUsers.anonymous(port).get().uri("/cases").retrieve().toEntity(String.class);
    assertThat(anonymous.getStatusCode()).as("the login form, not the cases")
        .isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FOUND);
    assertThat(anonymous.getBody() == null ? "" : anonymous.getBody()).doesNotContain(partners);
  }

  @Test
  void prometheusIsForOperationsAndCountsCasesByOutcomeTasksJobsIncidentsAndPartnerCenterCalls() {
    ResponseEntity<String> anonymous =
        TestUsers.anonymous(port).get().uri("/actuator/prometheus").retrieve().toEntity(String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(status(TestUsers.SALES_AGENT, "/actuator/prometheus")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status(TestUsers.GLOBAL_ADMIN, "/actuator/prometheus")).isEqualTo(HttpStatus.FORBIDDEN);

    String refusedOutcome = endEventName(ResellerRelationshipInvitationProcess.END_EVENT_INVITATION_REFUSED);
    String establishedOutcome = endEventName(ResellerRelationshipInvitationProcess.END_EVENT_RELATIONSHIP_ESTABLISHED);
    String before = metrics();

    invitation("Relecloud China", "relecloud.partner.onmschina.cn", "CN");
    String established = invitation("Lamna Healthcare", "lamna.onmicrosoft.com", "GB");
    acceptInSandbox(TestUsers.http(port), LAMNA, "admin@lamna.onmicrosoft.com");
    assertThat(sandboxEvents.deliverDue()).isPositive();
    runDueJobs(managementService, instance(established));
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(established).singleResult()
        .getEndActivityId()).isEqualTo(ResellerRelationshipInvitationProcess.END_EVENT_RELATIONSHIP_ESTABLISHED);

    String after = metrics();
    String process = "process=\"" + ResellerRelationshipInvitationProcess.PROCESS_KEY + "\"";
    assertThat(value(after, "pco_cases_started_total", process) - value(before, "pco_cases_started_total", process))
        .isEqualTo(2);
    String refused = "outcome=\"" + refusedOutcome + "\"," + process;
    String done = "outcome=\"" + establishedOutcome + "\"," + process;
    assertThat(value(after, "pco_cases_ended_total", refused) - value(before, "pco_cases_ended_total", refused))
        .isEqualTo(1);
    assertThat(value(after, "pco_cases_ended_total", done) - value(before, "pco_cases_ended_total", done))
        .isEqualTo(1);
    assertThat(value(after, "pco_tasks_open", "")).isEqualTo(taskCount());
    assertThat(value(after, "pco_jobs_failed", "")).isEqualTo(managementService.createJobQuery().noRetriesLeft().count());
    assertThat(value(after, "pco_incidents_open", "")).isEqualTo(runtimeService.createIncidentQuery().count());
    assertThat(after).contains("pco_cases_open{" + process + "}");
    // The Partner Center client is built from Spring Boot's RestClient.Builder: each call is timed, by URI template.
    assertThat(after).containsPattern(
        "http_client_requests_seconds_count\\{[^}]*method=\"GET\",outcome=\"SUCCESS\"[^}]*uri=\"[^\"]*/v1/[^\"]+\"} [1-9]");
    // Both caches are exported: Prometheus drops a meter whose tag keys differ from an earlier one of its name.
    assertThat(after).containsPattern("cache_gets_total\\{[^}]*cache=\"cspRegions\"[^}]*}")
        .containsPattern("cache_gets_total\\{[^}]*cache=\"partnerCenterPartnerReads\"[^}]*}");
  }

  private String invitation(String company, String domain, String country) {
    ResponseEntity<JsonNode> created = TestUsers.http(port).post().uri("/api/invitations")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("companyName", company, "domain", domain, "country", country, "language", "en",
            "globalAdminEmail", "admin@" + domain, "adminAccess", "NONE"))
        .retrieve().toEntity(JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = created.getBody().path("id").asText();
    runDueJobs(managementService, instance(id));
    return id;
  }

  /** An invitation that waits at its asynchronous start, owned by a reseller's tenant or (null) the partner's. */
  private String startedInvitation(String company, String domain, String resellerTenantId) {
    Map<String, Object> variables = new HashMap<>(Map.of(
        "companyName", company, "customerDomain", domain, "customerCountry", "GB", "customerLanguage", "en",
        "globalAdminEmail", "admin@" + domain, "adminAccess", "NONE"));
    if (resellerTenantId != null) {
      variables.put(ResellerTenantIdProvider.RESELLER_TENANT_ID, resellerTenantId);
    }
    return runtimeService.startProcessInstanceByKey(ResellerRelationshipInvitationProcess.PROCESS_KEY, domain, variables)
        .getId();
  }

  private ProcessInstance instance(String id) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(instance).as("running instance " + id).isNotNull();
    return instance;
  }

  private String reason(String instanceId) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId).variableName("reason")
        .singleResult().getValue().toString();
  }

  private String endEventName(String endEventId) {
    String definitionId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(ResellerRelationshipInvitationProcess.PROCESS_KEY).latestVersion().singleResult().getId();
    return repositoryService.getBpmnModelInstance(definitionId).<FlowElement>getModelElementById(endEventId).getName();
  }

  private long taskCount() {
    return taskService.createTaskQuery().count();
  }

  private RestClient client(String userId) {
    return TestUsers.http(port, userId);
  }

  /** GETs a page: 200 with the pages' Content-Security-Policy. */
  private String page(String userId, String path) {
    ResponseEntity<String> answer = client(userId).get().uri(path).retrieve().toEntity(String.class);
    assertThat(answer.getStatusCode()).as(userId + " GET " + path).isEqualTo(HttpStatus.OK);
    assertThat(answer.getHeaders().getFirst("Content-Security-Policy")).as(path)
        .isEqualTo(OwnPages.CONTENT_SECURITY_POLICY);
    return answer.getBody() == null ? "" : answer.getBody();
  }

  private HttpStatus status(String userId, String path) {
    return HttpStatus.valueOf(client(userId).get().uri(path).retrieve().toBodilessEntity().getStatusCode().value());
  }

  private String metrics() {
    ResponseEntity<String> answer = TestUsers.http(port, OPERATOR).get().uri("/actuator/prometheus")
        .accept(MediaType.TEXT_PLAIN).retrieve().toEntity(String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  /** The value of one series in the Prometheus text format: 0 when absent. */
  private static double value(String metrics, String name, String labels) {
    Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name)
        + (labels.isEmpty() ? "(?:\\{[^}]*})?" : "\\{[^}]*" + Pattern.quote(labels) + "[^}]*}") + " (\\S+)$")
        .matcher(metrics);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }

  /** The page's row of a case: from its {@code data-case-id} to the end of the row. */
  private static String row(String page, String caseId) {
    int start = page.indexOf("data-case-id=\"" + caseId + "\"");
    assertThat(start).as("the page lists " + caseId).isNotNegative();
    return page.substring(start, page.indexOf("</tr>", start));
  }

  private static String html(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
