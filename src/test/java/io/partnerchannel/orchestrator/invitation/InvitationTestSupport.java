package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;
import static org.awaitility.Awaitility.await;

import io.partnerchannel.orchestrator.indirect.IndirectResellerInvitationProcess;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Fixed ids of the sandbox data set used by the invitation tests (of both invitation processes), requests
 * for them, and helpers that drive jobs and the sandbox admin center the way a customer would.
 */
public final class InvitationTestSupport {

  public static final String NORTHWIND = "a1b2c3d4-0000-4000-8000-000000000001";
  public static final String TAILSPIN = "a1b2c3d4-0000-4000-8000-000000000002";
  public static final String FOURTH_COFFEE = "a1b2c3d4-0000-4000-8000-000000000003";
  public static final String WINGTIP = "a1b2c3d4-0000-4000-8000-000000000004";
  public static final String LITWARE = "a1b2c3d4-0000-4000-8000-000000000005";
  public static final String ADATUM = "c0ffee00-0000-4000-8000-000000000001";
  public static final String BELLOWS = "c0ffee00-0000-4000-8000-000000000002";
  public static final String COHO = "c0ffee00-0000-4000-8000-000000000003";
  public static final String LAMNA = "c0ffee00-0000-4000-8000-000000000006";
  public static final String PROSEWARE = "c0ffee00-0000-4000-8000-000000000011";
  public static final String GLOBAL_READER = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
  public static final String USER_ADMINISTRATOR = "fe930be7-5e62-47db-91af-98c3a49a38b1";
  public static final String SECURITY_GROUP = "5ec0a1b2-0000-4000-8000-000000000001";

  private static final DmnEngine DMN_ENGINE =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static final String INDIRECT_PROCESS_KEY = IndirectResellerInvitationProcess.PROCESS_KEY;

  private InvitationTestSupport() {}

  /**
   * @param company company name
   * @param domain domain
   * @param country ISO country
   * @param language ISO language
   * @return a request without admin access, e-mails to {@code admin@<domain>}
   */
  public static InvitationRequest request(String company, String domain, String country, String language) {
    return new InvitationRequest(
        company, domain, country, language, "admin@" + domain.toLowerCase(), AdminAccess.NONE, null, null,
        "Welcome aboard");
  }

  /**
   * @param request a request
   * @param roles GDAP roles
   * @return the same request asking for GDAP with these roles and the default duration
   */
  public static InvitationRequest withGdap(InvitationRequest request, String... roles) {
    return new InvitationRequest(
        request.companyName(), request.domain(), request.country(), request.language(), request.globalAdminEmail(),
        AdminAccess.GDAP, List.of(roles), null, request.message());
  }

  /**
   * Authenticates the engine as the user, with the user's groups and tenants, the way a request of that user
   * is authenticated, so engine authorization and tenant checks apply. Callers clear the authentication.
   *
   * @param identityService the identity service
   * @param userId the user
   */
  public static void authenticate(IdentityService identityService, String userId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(group -> group.getId()).toList();
    List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(tenant -> tenant.getId()).toList();
    identityService.setAuthentication(userId, groups, tenants);
  }

  /**
   * Starts a process instance as a user, as Tasklist does (the start event's {@code camunda:initiator}
   * records the user).
   *
   * @param identityService the engine's identity service
   * @param runtimeService the engine's runtime service
   * @param userId the user who starts it
   * @param processKey the process
   * @param variables start variables
   * @return the instance
   */
  public static ProcessInstance startAs(IdentityService identityService, RuntimeService runtimeService, String userId,
      String processKey, Map<String, Object> variables) {
    authenticate(identityService, userId);
    try {
      return runtimeService.startProcessInstanceByKey(processKey, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /**
   * @param resource a DMN file on the classpath, e.g. {@code /bpmn/InvitationEligibility.dmn}
   * @param decisionId the decision in it
   * @return the decision parsed by a plain DMN engine, for table tests without the process engine
   */
  public static DmnDecision parseDecision(String resource, String decisionId) {
    try (InputStream dmn = InvitationTestSupport.class.getResourceAsStream(resource)) {
      return DMN_ENGINE.parseDecision(decisionId, dmn);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param decision a parsed decision
   * @param variables its inputs and the variables its outputs read
   * @return the single result of a FIRST table
   */
  public static DmnDecisionResultEntries evaluate(DmnDecision decision, Map<String, Object> variables) {
    return DMN_ENGINE.evaluateDecision(decision, variables).getSingleResult();
  }

  /**
   * @param result a decision's result with the output {@code reasonCode}
   * @param variables the decision's variables, which the reason's text may name
   * @param locale the language
   * @return the reason in words from {@code reasons/reasons*.properties}, as the application shows it; null without code
   */
  public static String reasonText(DmnDecisionResultEntries result, Map<String, Object> variables, java.util.Locale locale) {
    org.springframework.context.support.ResourceBundleMessageSource messages =
        new org.springframework.context.support.ResourceBundleMessageSource();
    messages.setBasename("reasons/reasons");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return new io.partnerchannel.orchestrator.notification.ReasonTexts(messages)
        .text((String) result.get("reasonCode"), variables::get, locale);
  }

  /**
   * Executes every job of the instance and of the instances it called ("Track invitation") that is due (async
   * continuations, due timers), repeatedly, until the instance waits for something else. Uses the given engine's service, not camunda-bpm-assert's
   * static engine, so it is safe whichever test initialised that last.
   *
   * @param managementService the management service
   * @param instance the process instance
   */
  public static void runDueJobs(ManagementService managementService, ProcessInstance instance) {
    for (int round = 0; round < 50; round++) {
      List<Job> due =
          managementService.createJobQuery().rootProcessInstanceId(instance.getId()).executable().listPage(0, 1);
      if (due.isEmpty()) {
        return;
      }
      managementService.executeJob(due.get(0).getId());
    }
    throw new AssertionError("Jobs of " + instance.getId() + " keep coming");
  }

  /**
   * @param invitation an invitation that is in "Track invitation"
   * @return the {@code TrackInvitation} instance it called, running (camunda-bpm-assert's engine)
   */
  public static ProcessInstance tracking(ProcessInstance invitation) {
    return BpmnAwareTests.calledProcessInstance(TrackInvitationProcess.PROCESS_KEY, invitation);
  }

  /**
   * Deletes every running invitation of both invitation processes, so each test starts with no open
   * invitation for any domain.
   */
  public static void deleteRunningInvitations(RuntimeService runtimeService) {
    List<String> running =
        runtimeService.createProcessInstanceQuery().processDefinitionKeyIn(PROCESS_KEY, INDIRECT_PROCESS_KEY).list().stream()
            .map(ProcessInstance::getId)
            .toList();
    if (!running.isEmpty()) {
      runtimeService.deleteProcessInstances(running, "test clean-up", true, true);
    }
  }

  /**
   * Waits until the job executor (browser tests run it) has taken the process's instance for a business key to
   * an activity.
   *
   * @param runtimeService the runtime service
   * @param processKey the process definition key
   * @param businessKey the instance's business key (the customer domain, for both invitation processes)
   * @param activityId the activity the instance should wait at
   * @param timeout how long to wait
   * @return the instance
   * @throws org.awaitility.core.ConditionTimeoutException when it does not get there in time
   */
  public static ProcessInstance awaitWaitingAt(
      RuntimeService runtimeService, String processKey, String businessKey, String activityId, Duration timeout) {
    ProcessInstance instance =
        await(processKey + " for " + businessKey)
            .atMost(timeout)
            .until(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey)
                .singleResult(), found -> found != null);
    await(processKey + " " + instance.getId() + " at " + activityId)
        .atMost(timeout)
        .until(() -> runtimeService.getActiveActivityIds(instance.getId()).contains(activityId));
    return instance;
  }

  /**
   * Waits until the instance has passed an end event (with the job executor running, as in browser tests).
   *
   * @param historyService the history service
   * @param instance the process instance
   * @param endEventId the end event it should reach, e.g. {@code EndEvent_RelationshipEstablished}
   * @param timeout how long to wait
   * @throws org.awaitility.core.ConditionTimeoutException when it does not end there in time
   */
  public static void awaitEndedAt(
      HistoryService historyService, ProcessInstance instance, String endEventId, Duration timeout) {
    await(instance.getProcessDefinitionId() + " " + instance.getId() + " ends at " + endEventId)
        .atMost(timeout)
        .until(() -> historyService.createHistoricActivityInstanceQuery()
            .processInstanceId(instance.getId())
            .activityId(endEventId)
            .finished()
            .count() == 1);
  }

  /**
   * @param historyService the history service
   * @param instance the process instance
   * @param name a variable name
   * @return the variable's last value in the history (also of an ended instance)
   */
  public static Object historicVariable(HistoryService historyService, ProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  /**
   * @param port the application's port
   * @return a client authenticated as the sales agent that never throws on error statuses
   */
  public static RestClient http(int port) {
    return TestUsers.http(port);
  }

  /**
   * The customer's Global admin accepts the partner's invitation in the sandbox admin center.
   *
   * @param http client of the application
   * @param customerTenantId the customer
   * @param userPrincipalName the accepting user
   * @return the sandbox's answer
   */
  public static JsonNode acceptInSandbox(RestClient http, String customerTenantId, String userPrincipalName) {
    return acceptInSandbox(http, NORTHWIND, null, customerTenantId, userPrincipalName);
  }

  /**
   * The customer's Global admin accepts an invitation link in the sandbox admin center.
   *
   * @param http client of the application
   * @param partnerId the link's {@code partnerId}
   * @param indirectResellerId the link's {@code indirectCSPId}, null for the reseller link
   * @param customerTenantId the customer
   * @param userPrincipalName the accepting user
   * @return the sandbox's answer
   */
  public static JsonNode acceptInSandbox(
      RestClient http, String partnerId, String indirectResellerId, String customerTenantId, String userPrincipalName) {
    Map<String, Object> body = new HashMap<>(
        Map.of("partnerId", partnerId, "customerTenantId", customerTenantId, "userPrincipalName", userPrincipalName));
    if (indirectResellerId != null) {
      body.put("indirectResellerId", indirectResellerId);
    }
    return http.post()
        .uri("/sandbox/admin-center/partner-invitations/accept")
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .body(JsonNode.class);
  }

  /**
   * The customer's Global admin approves a GDAP relationship in the sandbox admin center.
   *
   * @param http client of the application
   * @param relationshipId the GDAP relationship
   * @param userPrincipalName the approving user
   * @return the sandbox's answer
   */
  public static JsonNode approveGdapInSandbox(RestClient http, String relationshipId, String userPrincipalName) {
    return http.post()
        .uri("/sandbox/admin-center/granular-admin-relationships/{id}/approve", relationshipId)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("userPrincipalName", userPrincipalName))
        .retrieve()
        .body(JsonNode.class);
  }

  /**
   * @param http client of the application
   * @param domain a tenant's domain
   * @return the tenant as {@code GET /sandbox/tenants?domain=} shows it (partners, subscriptions)
   */
  public static JsonNode sandboxTenant(RestClient http, String domain) {
    return http.get().uri("/sandbox/tenants?domain={domain}", domain).retrieve().body(JsonNode.class).get(0);
  }
}
