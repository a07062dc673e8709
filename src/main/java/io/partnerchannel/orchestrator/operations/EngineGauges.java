package io.partnerchannel.orchestrator.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * What operations watch in the engine right now, read at each scrape (one count query each):
 * <ul>
 *   <li>{@code pco.tasks.open}: open user tasks;</li>
 *   <li>{@code pco.jobs.failed}: jobs with no retries left (each is an incident until someone retries it);</li>
 *   <li>{@code pco.incidents.open}: open incidents of any type;</li>
 *   <li>{@code pco.cases.open}, tag {@code process}: running instances of each case process
 *       ({@link CaseProperties#processes()}).</li>
 * </ul>
 */
@Component
class EngineGauges implements MeterBinder {

  private final TaskService taskService;
  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final CaseProperties properties;

  EngineGauges(TaskService taskService, ManagementService managementService, RuntimeService runtimeService,
      CaseProperties properties) {
    this.taskService = taskService;
    this.managementService = managementService;
    this.runtimeService = runtimeService;
    this.properties = properties;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("pco.tasks.open", taskService, tasks -> tasks.createTaskQuery().count())
        .description("Open user tasks")
        .register(registry);
    Gauge.builder("pco.jobs.failed", managementService, jobs -> jobs.createJobQuery().noRetriesLeft().count())
        .description("Jobs with no retries left")
        .register(registry);
    Gauge.builder("pco.incidents.open", runtimeService, runtime -> runtime.createIncidentQuery().count())
        .description("Open incidents")
        .register(registry);
    for (String process : properties.processes()) {
      Gauge.builder("pco.cases.open", runtimeService,
              runtime -> runtime.createProcessInstanceQuery().processDefinitionKey(process).count())
          .description("Running cases (process instances)")
          .tag("process", process)
          .register(registry);
    }
  }
}
