package io.partnerchannel.orchestrator.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Counts cases as they start and end, from the engine's own history events (an extra
 * {@link HistoryEventHandler} beside the one that writes the history tables), once their transaction has
 * committed, so a rolled-back step counts nothing:
 * <ul>
 *   <li>{@value #STARTED} (Prometheus {@code pco_cases_started_total}), tag {@code process} (definition key);</li>
 *   <li>{@value #ENDED} ({@code pco_cases_ended_total}), tags {@code process} and {@code outcome}: the end
 *       event's name, or {@value CaseOutcomes#CANCELLED} ({@link CaseOutcomes}), as the case pages show it.</li>
 * </ul>
 * Counters of this node since it started: Prometheus' {@code increase()} and {@code sum by} over the nodes read
 * them; the case history page has the totals.
 */
@Component
class CaseCounters extends AbstractProcessEnginePlugin {

  static final String STARTED = "pco.cases.started";
  static final String ENDED = "pco.cases.ended";

  /** The registry, resolved once it exists: resolving it through the bean factory costs more than counting. */
  private final SingletonSupplier<MeterRegistry> registry;

  /**
   * @param registry the application's meter registry, looked up at the first start or end of a case (after the
   *     engine is built) and kept from then on
   */
  CaseCounters(ObjectProvider<MeterRegistry> registry) {
    this.registry = SingletonSupplier.of(registry::getIfAvailable);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    // Not a HistoryEventHandler bean itself: the Camunda starter would add such a bean a second time.
    configuration.getCustomHistoryEventHandlers().add(new HistoryEventHandler() {
      @Override
      public void handleEvent(HistoryEvent event) {
        count(event);
      }

      @Override
      public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
      }
    });
  }

  /** Counts a case's start or end; every other history event (hundreds per case) returns at the first check. */
  void count(HistoryEvent event) {
    if (!(event instanceof HistoricProcessInstanceEventEntity instance)) {
      return;
    }
    boolean started = event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START);
    if (!started && !event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
      return;
    }
    MeterRegistry meters = registry.get();
    if (meters == null) {
      return;
    }
    Counter counter;
    if (started) {
      counter = Counter.builder(STARTED)
          .description("Cases (process instances) started")
          .tag("process", instance.getProcessDefinitionKey())
          .register(meters);
    } else {
      counter = Counter.builder(ENDED)
          .description("Cases (process instances) ended, by outcome (the end event's name)")
          .tag("process", instance.getProcessDefinitionKey())
          .tag("outcome", CaseOutcomes.outcome(instance.getState(), instance.getEndActivityId(),
              endEventName(instance.getProcessDefinitionId(), instance.getEndActivityId())))
          .register(meters);
    }
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext == null) {
      counter.increment();
    } else {
      commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> counter.increment());
    }
  }

  private static String endEventName(String processDefinitionId, String endActivityId) {
    if (endActivityId == null || Context.getProcessEngineConfiguration() == null) {
      return null;
    }
    ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(processDefinitionId);
    ActivityImpl activity = definition == null ? null : definition.findActivity(endActivityId);
    return activity == null ? null : (String) activity.getProperty("name");
  }
}
