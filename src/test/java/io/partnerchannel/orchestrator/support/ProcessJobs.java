package io.partnerchannel.orchestrator.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Drives a process instance's jobs in tests, as the job executor would (it is off in tests): runs the due
 * jobs of an instance and of the instances it called, and finds a called instance.
 */
public final class ProcessJobs {

  private ProcessJobs() {}

  /**
   * Executes every job of the instance and of the instances it called (e.g. "Track invitation") that is due (async
   * continuations, due timers), repeatedly, until the instance waits for something else. A called instance (e.g.
   * the GDAP lifecycle's "Request GDAP relationship") runs its own jobs only, not its caller's: its jobs' root is
   * the caller, so a query by its own id as root would find none and silently run nothing. Uses the given
   * engine's service, not camunda-bpm-assert's static engine, so it is safe whichever test initialised that last.
   *
   * @param managementService the management service
   * @param instance the process instance, a root or a called one
   */
  public static void runDueJobs(ManagementService managementService, ProcessInstance instance) {
    boolean root = instance.getRootProcessInstanceId() == null || instance.getRootProcessInstanceId().equals(instance.getId());
    for (int round = 0; round < 50; round++) {
      JobQuery query = managementService.createJobQuery().executable();
      List<Job> due = (root ? query.rootProcessInstanceId(instance.getId()) : query.processInstanceId(instance.getId()))
          .listPage(0, 1);
      if (due.isEmpty()) {
        return;
      }
      managementService.executeJob(due.get(0).getId());
    }
    throw new AssertionError("Jobs of " + instance.getId() + " keep coming");
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
    Set<String> skipped = new HashSet<>();
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
