package io.partnerchannel.orchestrator.partnercenter.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminAccessAssignment;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.contract.SignedInWireMockTest;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * partner-center mode against a WireMock Partner Center / Graph: throttled answers are waited out as
 * {@code Retry-After} says, a bounded number of times, then the job's retry cycle ends as an incident; a POST is
 * sent again only when the answer proves it was not processed (429); listings follow every continuation link and
 * fail loudly past {@code pco.partner-center.max-pages}.
 */
@SpringBootTest(properties = {"pco.partner-center.throttling.attempts=2", "pco.partner-center.max-pages=5"})
class PartnerCenterThrottlingTest extends SignedInWireMockTest {

  static final String RELATIONSHIPS = "/graph/v1.0/tenantRelationships/delegatedAdminRelationships";

  @Autowired PartnerCenter partnerCenter;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @Test
  void a429WithRetryAfterIsWaitedOutAndTheCallSucceeds() {
    MICROSOFT.stubFor(get(urlPathEqualTo("/v1/profiles/legalbusiness")).inScenario("throttled")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("cooled down")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
            .withBody("{\"code\": 429, \"description\": \"Rate limit is exceeded\"}")));
    MICROSOFT.stubFor(get(urlPathEqualTo("/v1/profiles/legalbusiness")).inScenario("throttled")
        .whenScenarioStateIs("cooled down")
        .willReturn(okJson("{\"companyName\": \"Contoso Partner\"}")));

    assertThat(partnerCenter.getLegalBusinessProfile().companyName()).isEqualTo("Contoso Partner");

    List<LoggedRequest> calls = MICROSOFT.findAll(getRequestedFor(urlPathEqualTo("/v1/profiles/legalbusiness")));
    assertThat(calls).hasSize(2);
    assertThat(Duration.between(calls.get(0).getLoggedDate().toInstant(), calls.get(1).getLoggedDate().toInstant()))
        .as("Retry-After: 2 waited out").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(calls.get(1).getHeader("Authorization")).isEqualTo("Bearer token-for-PARTNER_CENTER");
  }

  @Test
  void aPersistent429EndsAsAnIncidentAfterTheRetryCycleWithBoundedCallsThatChangedNothing() {
    MICROSOFT.stubFor(post(urlPathEqualTo(RELATIONSHIPS + "/rel-1/requests")).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "1").withHeader("Content-Type", "application/json")
        .withBody("{\"error\": {\"code\": \"TooManyRequests\", \"message\": \"Too many requests\"}}")));
    repositoryService.createDeployment().addModelInstance("throttledProbe.bpmn",
        Bpmn.createExecutableProcess("throttledProbe").camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("lockRelationship").name("Lock relationship for approval").camundaAsyncBefore()
            .camundaFailedJobRetryTimeCycle("R3/PT1M")
            .camundaExpression("${restPartnerCenter.requestDelegatedAdminRelationshipAction('rel-1', 'lockForApproval')}")
            .endEvent()
            .done()).deploy();
    String instance = runtimeService.startProcessInstanceByKey("throttledProbe").getId();

    int executions = 0;
    while (runtimeService.createIncidentQuery().processInstanceId(instance).count() == 0 && executions < 10) {
      Job job = managementService.createJobQuery().processInstanceId(instance).singleResult();
      assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("answered 429");
      executions++;
    }

    Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance).singleResult();
    assertThat(incident.getIncidentMessage()).contains("answered 429").contains("TooManyRequests");
    assertThat(executions).as("the engine's retry cycle R3").isEqualTo(3);
    assertThat(MICROSOFT.findAll(postRequestedFor(urlPathEqualTo(RELATIONSHIPS + "/rel-1/requests"))))
        .as("two calls per job (throttling.attempts), each refused unprocessed").hasSize(3 * 2);
  }

  @Test
  void aPostAnswered503IsNotSentAgainInTheJobButAGetIs() {
    MICROSOFT.stubFor(post(urlPathEqualTo(RELATIONSHIPS + "/rel-2/accessAssignments"))
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
    assertThatThrownBy(() -> partnerCenter.createAccessAssignment("rel-2", new DelegatedAdminAccessAssignment(
        null, null, null, null, null)))
        .isInstanceOf(PartnerCenterException.class)
        .hasMessageContaining("answered 503");
    assertThat(MICROSOFT.findAll(postRequestedFor(urlPathEqualTo(RELATIONSHIPS + "/rel-2/accessAssignments"))))
        .as("a POST may have been processed: the delegate's look-up decides on the engine's retry").hasSize(1);

    MICROSOFT.stubFor(get(urlPathEqualTo("/v1/profiles/mpn")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
    assertThatThrownBy(() -> partnerCenter.getMpnProfile()).hasMessageContaining("answered 503");
    assertThat(MICROSOFT.findAll(getRequestedFor(urlPathEqualTo("/v1/profiles/mpn")))).hasSize(2);
  }

  @Test
  void pagingFollowsEveryContinuationLinkToTheEnd() {
    MICROSOFT.stubFor(get(urlPathEqualTo(RELATIONSHIPS + "/rel-3/accessAssignments")).willReturn(okJson(page(1, 2))));
    MICROSOFT.stubFor(get(urlPathEqualTo(RELATIONSHIPS + "/rel-3/accessAssignments/page2")).willReturn(okJson(page(2, 3))));
    MICROSOFT.stubFor(get(urlPathEqualTo(RELATIONSHIPS + "/rel-3/accessAssignments/page3")).willReturn(okJson(page(3, 0))));

    assertThat(partnerCenter.getAccessAssignments("rel-3")).extracting(DelegatedAdminAccessAssignment::id)
        .containsExactly("assignment-1a", "assignment-1b", "assignment-2a", "assignment-2b", "assignment-3a", "assignment-3b");
  }

  @Test
  void aListingLongerThanTheLimitFailsClearly() {
    for (int page = 1; page <= 7; page++) {
      MICROSOFT.stubFor(get(urlPathEqualTo(RELATIONSHIPS + "/rel-3/accessAssignments" + (page == 1 ? "" : "/page" + page)))
          .willReturn(okJson(page(page, page + 1))));
    }
    assertThatThrownBy(() -> partnerCenter.getAccessAssignments("rel-3"))
        .isInstanceOf(PartnerCenterException.class)
        .hasMessageContaining("has more than 5 pages (pco.partner-center.max-pages)");
    assertThat(MICROSOFT.findAll(getRequestedFor(urlPathEqualTo(RELATIONSHIPS + "/rel-3/accessAssignments/page6")))).isEmpty();
  }

  @Test
  void aListingThatLinksBackFailsClearly() {
    MICROSOFT.stubFor(get(urlPathEqualTo(RELATIONSHIPS + "/rel-3/accessAssignments")).willReturn(okJson(page(1, 2))));
    MICROSOFT.stubFor(get(urlPathEqualTo(RELATIONSHIPS + "/rel-3/accessAssignments/page2")).willReturn(okJson(page(2, 2))));
    assertThatThrownBy(() -> partnerCenter.getAccessAssignments("rel-3"))
        .isInstanceOf(PartnerCenterException.class)
        .hasMessageContaining("links to a page already read");
  }

  /** A Graph page of two access assignments, with an {@code @odata.nextLink} to page {@code next} (0: none). */
  static String page(int number, int next) {
    String nextLink = next == 0 ? "" : ", \"@odata.nextLink\": \"" + MICROSOFT.baseUrl() + RELATIONSHIPS
        + "/rel-3/accessAssignments/page" + next + "\"";
    return """
        {"value": [{"id": "assignment-%1$da", "status": "active"}, {"id": "assignment-%1$db", "status": "active"}]%2$s}"""
        .formatted(number, nextLink);
  }
}
