package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Fixed ids of the sandbox data set used by the invitation tests, requests for them, and helpers that
 * drive jobs and the sandbox admin center the way a customer would.
 */
final class InvitationTestSupport {

  static final String NORTHWIND = "a1b2c3d4-0000-4000-8000-000000000001";
  static final String LITWARE = "a1b2c3d4-0000-4000-8000-000000000005";
  static final String ADATUM = "c0ffee00-0000-4000-8000-000000000001";
  static final String BELLOWS = "c0ffee00-0000-4000-8000-000000000002";
  static final String COHO = "c0ffee00-0000-4000-8000-000000000003";
  static final String LAMNA = "c0ffee00-0000-4000-8000-000000000006";
  static final String PROSEWARE = "c0ffee00-0000-4000-8000-000000000011";
  static final String GLOBAL_READER = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
  static final String USER_ADMINISTRATOR = "fe930be7-5e62-47db-91af-98c3a49a38b1";
  static final String SECURITY_GROUP = "5ec0a1b2-0000-4000-8000-000000000001";

  private InvitationTestSupport() {}

  /**
   * @param company company name
   * @param domain domain
   * @param country ISO country
   * @param language ISO language
   * @return a request without admin access, e-mails to {@code admin@<domain>}
   */
  static InvitationRequest request(String company, String domain, String country, String language) {
    return new InvitationRequest(
        company, domain, country, language, "admin@" + domain.toLowerCase(), AdminAccess.NONE, null, null,
        "Welcome aboard");
  }

  /**
   * @param request a request
   * @param roles GDAP roles
   * @return the same request asking for GDAP with these roles and the default duration
   */
  static InvitationRequest withGdap(InvitationRequest request, String... roles) {
    return new InvitationRequest(
        request.companyName(), request.domain(), request.country(), request.language(), request.globalAdminEmail(),
        AdminAccess.GDAP, List.of(roles), null, request.message());
  }

  /**
   * Executes every job of the instance that is due (async continuations, due timers), repeatedly, until
   * the instance waits for something else. Uses the given engine's service, not camunda-bpm-assert's
   * static engine, so it is safe whichever test initialised that last.
   *
   * @param managementService the management service
   * @param instance the process instance
   */
  static void runDueJobs(ManagementService managementService, ProcessInstance instance) {
    for (int round = 0; round < 50; round++) {
      List<Job> due =
          managementService.createJobQuery().processInstanceId(instance.getId()).executable().listPage(0, 1);
      if (due.isEmpty()) {
        return;
      }
      managementService.executeJob(due.get(0).getId());
    }
    throw new AssertionError("Jobs of " + instance.getId() + " keep coming");
  }

  /** Deletes every running invitation, so each test starts with no open invitation for any domain. */
  static void deleteRunningInvitations(RuntimeService runtimeService) {
    List<String> running =
        runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).list().stream()
            .map(ProcessInstance::getId)
            .toList();
    if (!running.isEmpty()) {
      runtimeService.deleteProcessInstances(running, "test clean-up", true, true);
    }
  }

  /**
   * @param port the application's port
   * @return a client authenticated as the sales agent that never throws on error statuses
   */
  static RestClient http(int port) {
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
  static JsonNode acceptInSandbox(RestClient http, String customerTenantId, String userPrincipalName) {
    return http.post()
        .uri("/sandbox/admin-center/partner-invitations/accept")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("partnerId", NORTHWIND, "customerTenantId", customerTenantId, "userPrincipalName", userPrincipalName))
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
  static JsonNode approveGdapInSandbox(RestClient http, String relationshipId, String userPrincipalName) {
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
  static JsonNode sandboxTenant(RestClient http, String domain) {
    return http.get().uri("/sandbox/tenants?domain={domain}", domain).retrieve().body(JsonNode.class).get(0);
  }
}
