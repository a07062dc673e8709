package io.partnerchannel.orchestrator.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Fixed ids of the sandbox data set used by the migration and routing tests, what agents enter, and helpers
 * that drive jobs (the sandbox itself is driven by {@link io.partnerchannel.orchestrator.support.SandboxDriver}).
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
}
