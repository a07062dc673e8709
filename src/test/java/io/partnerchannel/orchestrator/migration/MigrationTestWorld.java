package io.partnerchannel.orchestrator.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerchannel.orchestrator.partnercenter.sandbox.CustomerRelationship;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxAzureEntitlementsLoader;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxDirectory;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxEventDelivery;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxSubscription;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Fixed ids of the sandbox data set used by the migration and routing tests, a reset of the sandbox's
 * subscriptions, relationships and commerce tables to the data set, and helpers that drive jobs and the
 * sandbox the way customers and other partners would.
 */
public final class MigrationTestWorld {

  public static final String NORTHWIND = "a1b2c3d4-0000-4000-8000-000000000001";
  public static final String LITWARE = "a1b2c3d4-0000-4000-8000-000000000005";
  public static final String ADATUM = "c0ffee00-0000-4000-8000-000000000001";
  public static final String BELLOWS = "c0ffee00-0000-4000-8000-000000000002";
  public static final String COHO = "c0ffee00-0000-4000-8000-000000000003";
  public static final String DATUM = "c0ffee00-0000-4000-8000-000000000004";
  public static final String LAMNA = "c0ffee00-0000-4000-8000-000000000006";
  public static final String RELECLOUD = "c0ffee00-0000-4000-8000-000000000007";
  public static final String PROSEWARE = "c0ffee00-0000-4000-8000-000000000011";
  /** A. Datum's usage-based Azure bought through its Enterprise Agreement. */
  public static final String DATUM_EA_AZURE = "5b5c0000-0000-4000-8000-000000000005";
  /** A. Datum's license-based Microsoft 365 E5 bought through its Enterprise Agreement. */
  public static final String DATUM_EA_LICENSES = "5b5c0000-0000-4000-8000-000000000006";
  public static final String DATUM_PRODUCTION = "a2e00000-0000-4000-8000-000000000051";
  public static final String DATUM_DEVELOPMENT = "a2e00000-0000-4000-8000-000000000052";
  public static final String DATUM_ANALYTICS = "a2e00000-0000-4000-8000-000000000053";
  /** Lamna's license-based Microsoft 365 Business Standard from Litware. */
  public static final String LAMNA_LITWARE_LICENSES = "5b5c0000-0000-4000-8000-000000000008";
  /** Lamna's Azure plan from Litware. */
  public static final String LAMNA_LITWARE_AZURE_PLAN = "5b5c0000-0000-4000-8000-000000000009";
  public static final String LAMNA_PATIENT_PORTAL = "a2e00000-0000-4000-8000-000000000091";
  /** Proseware's licenses from Northwind (this partner). */
  public static final String PROSEWARE_LICENSES = "5b5c0000-0000-4000-8000-000000000013";
  public static final String NORTHWIND_MPN = "6100001";
  public static final String LITWARE_MPN = "6100005";

  private MigrationTestWorld() {}

  /**
   * Puts the sandbox's subscriptions, customer relationships, Azure subscriptions, agreements, carts and
   * transfers back to the data set, whatever earlier tests of the shared context did.
   *
   * @param jdbc JDBC access
   * @param directory the sandbox directory
   * @param entitlements the Azure subscriptions loader
   * @param objectMapper reads the data set
   * @param transaction runs the reset in one transaction
   */
  public static void resetSandbox(JdbcClient jdbc, SandboxDirectory directory, SandboxAzureEntitlementsLoader entitlements,
      ObjectMapper objectMapper, TransactionTemplate transaction) {
    JsonNode customers;
    try (InputStream in = new ClassPathResource("sandbox/customers.json").getInputStream()) {
      customers = objectMapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    transaction.executeWithoutResult(status -> {
      for (String table : List.of("sbx_azure_entitlement", "sbx_customer_agreement", "sbx_cart", "sbx_transfer",
          "sbx_subscription", "sbx_customer_relationship")) {
        jdbc.sql("delete from " + table).update();
      }
      OffsetDateTime dataSetDate = OffsetDateTime.of(2025, 6, 1, 8, 0, 0, 0, ZoneOffset.UTC);
      for (JsonNode entry : customers) {
        String id = entry.path("customer").path("id").asText();
        for (JsonNode relationship : entry.path("relationships")) {
          directory.insertRelationship(new CustomerRelationship(id, relationship.path("partnerId").asText(),
              relationship.path("relationshipToPartner").asText(), relationship.path("allowDelegatedAccess").asBoolean(),
              relationship.hasNonNull("associatedPartnerId") ? relationship.path("associatedPartnerId").asText() : null,
              dataSetDate));
        }
        for (JsonNode subscription : entry.path("subscriptions")) {
          JsonNode document = subscription.path("subscription");
          directory.insertSubscription(new SandboxSubscription(document.path("id").asText(), id,
              subscription.hasNonNull("sellerPartnerId") ? subscription.path("sellerPartnerId").asText() : null,
              subscription.path("channel").asText(), document.toString()));
        }
      }
      entitlements.load();
    });
  }

  /**
   * Makes the customer a reseller customer of the partner, as if it had accepted an invitation earlier.
   *
   * @param directory the sandbox directory
   * @param customerTenantId the customer
   * @param partnerId the partner
   */
  public static void relate(SandboxDirectory directory, String customerTenantId, String partnerId) {
    directory.insertRelationship(new CustomerRelationship(customerTenantId, partnerId, "reseller", false, null,
        OffsetDateTime.now(ZoneOffset.UTC)));
  }

  /**
   * The customer's Global admin accepts Northwind's invitation in the sandbox admin center, and the
   * sandbox delivers {@code reseller-relationship-accepted-by-customer} to the application.
   *
   * @param http client of the application
   * @param events the sandbox's event delivery
   * @param customerTenantId the customer
   * @param userPrincipalName the accepting Global admin
   */
  public static void acceptInvitation(RestClient http, SandboxEventDelivery events, String customerTenantId,
      String userPrincipalName) {
    JsonNode answer = http.post()
        .uri("/sandbox/admin-center/partner-invitations/accept")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("partnerId", NORTHWIND, "customerTenantId", customerTenantId, "userPrincipalName", userPrincipalName))
        .retrieve()
        .body(JsonNode.class);
    if (answer == null || events.deliverDue() == 0) {
      throw new AssertionError("The sandbox did not accept the invitation: " + answer);
    }
  }

  /**
   * What the agent enters in "Enter transfer details" for a transfer from Litware (create-a-transfer's required
   * {@code sourcePartnerTenantId}, {@code sourcePartnerName}, {@code customerEmailId}).
   *
   * @return the form's variables
   */
  public static Map<String, Object> transferFromLitware() {
    return Map.of(MigrationVariables.SOURCE_PARTNER_TENANT_ID.getName(), LITWARE,
        MigrationVariables.SOURCE_PARTNER_NAME.getName(), "Litware CSP",
        MigrationVariables.CUSTOMER_EMAIL.getName(), "claire.dubois@lamna.example");
  }

  /**
   * The source partner adds line items to a transfer in the sandbox with its own bearer token (new commerce: "the
   * source partner updates the transfer with line item details", create-a-transfer).
   *
   * @param http client of the application
   * @param partnerId the source partner
   * @param customerTenantId the customer
   * @param transferId the transfer
   * @param subscriptionIds the source partner's subscriptions to transfer
   * @return the sandbox's answer, the transfer
   */
  public static JsonNode addLineItems(RestClient http, String partnerId, String customerTenantId, String transferId,
      String... subscriptionIds) {
    return http.patch()
        .uri("/sandbox/v1/customers/{c}/transfers/{t}", customerTenantId, transferId)
        .header("Authorization", "Bearer " + partnerId)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("lineItems", java.util.Arrays.stream(subscriptionIds).map(id -> Map.of("subscriptionId", id)).toList()))
        .retrieve()
        .body(JsonNode.class);
  }

  /**
   * The source partner accepts a transfer in the sandbox (accept-a-transfer), which completes it at once.
   *
   * @param http client of the application
   * @param partnerId the source partner
   * @param customerTenantId the customer
   * @param transferId the transfer
   * @return the sandbox's answer, a {@code TransferSubmitResult}
   */
  public static JsonNode acceptTransfer(RestClient http, String partnerId, String customerTenantId, String transferId) {
    return http.post()
        .uri("/sandbox/v1/customers/{c}/transfers/{t}/accept", customerTenantId, transferId)
        .header("Authorization", "Bearer " + partnerId)
        .retrieve()
        .body(JsonNode.class);
  }

  /**
   * The source partner submits a transfer with {@code PATCH {"status": "Accept"}} (update-a-transfer): it is then
   * {@code InProgress} until read a minute later.
   *
   * @param http client of the application
   * @param partnerId the source partner
   * @param customerTenantId the customer
   * @param transferId the transfer
   * @return the sandbox's answer, the transfer
   */
  public static JsonNode submitTransfer(RestClient http, String partnerId, String customerTenantId, String transferId) {
    return http.patch()
        .uri("/sandbox/v1/customers/{c}/transfers/{t}", customerTenantId, transferId)
        .header("Authorization", "Bearer " + partnerId)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("status", "Accept"))
        .retrieve()
        .body(JsonNode.class);
  }

  /**
   * Changes a stored transfer in the sandbox as Partner Center might have (a status the process does not know, or a
   * submission made earlier).
   *
   * @param jdbc JDBC access
   * @param objectMapper JSON
   * @param transferId the transfer
   * @param status the status to store
   * @param lastModified the last change to store
   */
  public static void setTransfer(JdbcClient jdbc, ObjectMapper objectMapper, String transferId, String status,
      OffsetDateTime lastModified) {
    String document = jdbc.sql("select document from sbx_transfer where id = ?").param(transferId).query(String.class).single();
    try {
      com.fasterxml.jackson.databind.node.ObjectNode transfer =
          (com.fasterxml.jackson.databind.node.ObjectNode) objectMapper.readTree(document);
      transfer.put("status", status).put("lastModifiedTime", lastModified.toString());
      jdbc.sql("update sbx_transfer set status = ?, document = ? where id = ?")
          .params(status, transfer.toString(), transferId).update();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Executes every due job of the instance and of the processes it called, until all of them wait for
   * something else.
   *
   * @param runtimeService the runtime service
   * @param managementService the management service
   * @param rootInstanceId the top-level process instance
   */
  public static void runDueJobs(RuntimeService runtimeService, ManagementService managementService, String rootInstanceId) {
    runDueJobs(runtimeService, managementService, rootInstanceId, null);
  }

  /**
   * Like {@link #runDueJobs(RuntimeService, ManagementService, String)}, but stops before the job of one activity.
   *
   * @param runtimeService the runtime service
   * @param managementService the management service
   * @param rootInstanceId the top-level process instance
   * @param stopAtActivityId the activity whose job is left waiting, null to run everything
   */
  public static void runDueJobs(RuntimeService runtimeService, ManagementService managementService, String rootInstanceId,
      String stopAtActivityId) {
    java.util.Set<String> skipped = new java.util.HashSet<>();
    if (stopAtActivityId != null) {
      managementService.createJobDefinitionQuery().activityIdIn(stopAtActivityId).list()
          .forEach(definition -> skipped.add(definition.getId()));
    }
    for (int round = 0; round < 200; round++) {
      Job due = null;
      for (String instanceId : family(runtimeService, rootInstanceId)) {
        List<Job> jobs = managementService.createJobQuery().processInstanceId(instanceId).executable().list().stream()
            .filter(job -> !skipped.contains(job.getJobDefinitionId()))
            .toList();
        if (!jobs.isEmpty()) {
          due = jobs.get(0);
          break;
        }
      }
      if (due == null) {
        return;
      }
      managementService.executeJob(due.getId());
    }
    throw new AssertionError("Jobs of " + rootInstanceId + " keep coming");
  }

  /**
   * @param runtimeService the runtime service
   * @param rootInstanceId a process instance
   * @return the instance and every running instance it called, directly or not
   */
  public static List<String> family(RuntimeService runtimeService, String rootInstanceId) {
    List<String> family = new ArrayList<>();
    List<String> open = new ArrayList<>(List.of(rootInstanceId));
    while (!open.isEmpty()) {
      String id = open.remove(0);
      family.add(id);
      runtimeService.createProcessInstanceQuery().superProcessInstanceId(id).list().stream()
          .map(ProcessInstance::getId)
          .forEach(open::add);
    }
    return family;
  }

  /**
   * @param runtimeService the runtime service
   * @param rootInstanceId a process instance
   * @param processDefinitionKey the called process
   * @return the running instance of that process the root called, directly or not
   */
  public static ProcessInstance calledInstance(RuntimeService runtimeService, String rootInstanceId,
      String processDefinitionKey) {
    return family(runtimeService, rootInstanceId).stream()
        .map(id -> runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult())
        .filter(instance -> instance != null)
        .filter(instance -> runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId())
            .processDefinitionKey(processDefinitionKey).count() == 1)
        .findFirst()
        .orElseThrow(() -> new AssertionError("No running " + processDefinitionKey + " under " + rootInstanceId));
  }

  /**
   * Deletes every running instance of the given processes (called instances go with their callers).
   *
   * @param runtimeService the runtime service
   * @param processDefinitionKeys the processes
   */
  public static void deleteRunning(RuntimeService runtimeService, String... processDefinitionKeys) {
    for (String key : processDefinitionKeys) {
      List<String> running = runtimeService.createProcessInstanceQuery().processDefinitionKey(key).list().stream()
          .filter(instance -> instance.getRootProcessInstanceId() == null
              || instance.getRootProcessInstanceId().equals(instance.getId()))
          .map(ProcessInstance::getId)
          .toList();
      if (!running.isEmpty()) {
        runtimeService.deleteProcessInstances(running, "test clean-up", true, true);
      }
    }
  }
}
