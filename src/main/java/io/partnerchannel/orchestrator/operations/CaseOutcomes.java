package io.partnerchannel.orchestrator.operations;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * A case's outcome: the name of the end event its instance ended in, read from the process model, so it works
 * for every process (and every version an analyst deploys) without extra variables. An instance that has not
 * ended is {@value #RUNNING}; one deleted by an operator (Cockpit, engine REST) is {@value #CANCELLED}.
 */
@Component
class CaseOutcomes {

  /** Outcome of an instance that has not ended. */
  static final String RUNNING = "Running";
  /** Outcome of an instance an operator deleted (engine state {@code EXTERNALLY_TERMINATED}). */
  static final String CANCELLED = "Cancelled";

  private final RepositoryService repositoryService;
  /** End events per process definition id: an id never changes its model. */
  private final Map<String, Map<String, String>> endEventsByDefinition = new ConcurrentHashMap<>();

  /** @param repositoryService reads the deployed models */
  CaseOutcomes(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /**
   * @param instance a historic process instance
   * @return its outcome: {@value #RUNNING}, {@value #CANCELLED}, or its end event's name (its id when unnamed)
   */
  String of(HistoricProcessInstance instance) {
    return outcome(instance.getState(), instance.getEndActivityId(),
        endEvents(instance.getProcessDefinitionId()).get(instance.getEndActivityId()));
  }

  /**
   * The rule, for callers that know the end event's name already (the metrics, inside the engine).
   *
   * @param state the engine's state of the instance ({@link HistoricProcessInstance#STATE_COMPLETED} and kin)
   * @param endActivityId the end event it ended in, null if none
   * @param endEventName that end event's name, null if unnamed or unknown
   * @return the outcome
   */
  static String outcome(String state, String endActivityId, String endEventName) {
    if (state == null || HistoricProcessInstance.STATE_ACTIVE.equals(state)
        || HistoricProcessInstance.STATE_SUSPENDED.equals(state)) {
      return RUNNING;
    }
    if (HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(state) || endActivityId == null) {
      return CANCELLED;
    }
    return endEventName == null || endEventName.isBlank() ? endActivityId : endEventName.trim();
  }

  /**
   * The outcomes the given processes can end in (every deployed version), each with the end event ids that
   * have that name: what the outcome filter offers and queries by.
   *
   * @param processKeys process definition keys
   * @return outcome name → end event ids, sorted by name
   */
  Map<String, Set<String>> endEventIdsByOutcome(Collection<String> processKeys) {
    Map<String, Set<String>> outcomes = new TreeMap<>();
    if (processKeys.isEmpty()) {
      return outcomes;
    }
    List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKeyIn(processKeys.toArray(String[]::new))
        .list();
    for (ProcessDefinition definition : definitions) {
      endEvents(definition.getId()).forEach((id, name) ->
          outcomes.computeIfAbsent(outcome(HistoricProcessInstance.STATE_COMPLETED, id, name),
              key -> new LinkedHashSet<>()).add(id));
    }
    return outcomes;
  }

  /**
   * @param processDefinitionId a deployed process definition
   * @return its end events that end the instance (at process level or in an event sub-process): id → name
   */
  private Map<String, String> endEvents(String processDefinitionId) {
    if (processDefinitionId == null) {
      return Map.of();
    }
    return endEventsByDefinition.computeIfAbsent(processDefinitionId, id -> {
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(id);
      Map<String, String> endEvents = new LinkedHashMap<>();
      if (model != null) {
        for (EndEvent endEvent : model.getModelElementsByType(EndEvent.class)) {
          if (endsTheInstance(endEvent)) {
            endEvents.put(endEvent.getId(), endEvent.getName());
          }
        }
      }
      return endEvents;
    });
  }

  /**
   * An end event directly in the process, or in an interrupting event sub-process of it (which ends the
   * instance too); not one of an embedded sub-process or of a non-interrupting event sub-process.
   */
  private static boolean endsTheInstance(FlowElement endEvent) {
    ModelElementInstance parent = endEvent.getParentElement();
    if (parent instanceof Process) {
      return true;
    }
    return parent instanceof SubProcess subProcess && subProcess.triggeredByEvent()
        && subProcess.getParentElement() instanceof Process
        && subProcess.getChildElementsByType(StartEvent.class).stream().allMatch(StartEvent::isInterrupting);
  }
}
