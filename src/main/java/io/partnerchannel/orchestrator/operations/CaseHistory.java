package io.partnerchannel.orchestrator.operations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/**
 * The case history, read from the engine's history (historic process instances, variables and activity
 * instances), since Cockpit Community Edition shows running instances only. Every read is narrowed to what
 * the {@link CaseReader} may see; nothing is written.
 *
 * <p>The customer, requester and reason come from the process-level variables the processes already keep:
 * {@code companyName} and {@code customerDomain} (invitations) or {@code customerTenantId}; the start user or
 * {@code requester}; {@code reason}, else {@code invitationReason} (an onboarding that ended without the
 * relationship).
 */
@Service
class CaseHistory {

  static final String COMPANY_NAME = "companyName";
  static final String CUSTOMER_DOMAIN = "customerDomain";
  static final String CUSTOMER_TENANT_ID = "customerTenantId";
  static final String REQUESTER = "requester";
  static final String REASON = "reason";
  static final String INVITATION_REASON = "invitationReason";
  private static final String[] CASE_VARIABLES =
      {COMPANY_NAME, CUSTOMER_DOMAIN, CUSTOMER_TENANT_ID, REQUESTER, REASON, INVITATION_REASON};
  /** Activity types that are no step a person would name (the engine's bodies of multi-instance activities). */
  private static final Set<String> HIDDEN_STEP_TYPES = Set.of("multiInstanceBody");

  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final CaseOutcomes outcomes;
  private final CaseProperties properties;

  CaseHistory(HistoryService historyService, RepositoryService repositoryService, CaseOutcomes outcomes,
      CaseProperties properties) {
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.outcomes = outcomes;
    this.properties = properties;
  }

  /**
   * @param filter what to show
   * @param reader who reads
   * @param limit at most this many cases, newest first
   * @return the cases
   */
  List<CaseSummary> list(CaseFilter filter, CaseReader reader, int limit) {
    if (!reader.seesAnything()) {
      return List.of();
    }
    List<String> keys = properties.processes();
    if (filter.process() != null && !keys.contains(filter.process())) {
      return List.of();
    }
    Optional<UnaryOperator<HistoricProcessInstanceQuery>> filtering = filtering(filter, keys);
    if (filtering.isEmpty()) {
      return List.of();
    }
    List<HistoricProcessInstance> instances = query(reader, query -> filtering.get().apply(query), limit);
    List<CaseSummary> cases = summaries(instances);
    // An end event id can be another process's under another name: the outcome decides, not the id.
    return filter.outcome() == null ? cases
        : cases.stream().filter(summary -> summary.outcome().equals(filter.outcome())).toList();
  }

  /**
   * @return the filter as a narrowing of a query; empty when nothing can match (an outcome no process has)
   */
  private Optional<UnaryOperator<HistoricProcessInstanceQuery>> filtering(CaseFilter filter, List<String> keys) {
    Set<String> endEvents;
    if (filter.outcome() == null || CaseOutcomes.RUNNING.equals(filter.outcome())
        || CaseOutcomes.CANCELLED.equals(filter.outcome())) {
      endEvents = Set.of();
    } else {
      endEvents = outcomes.endEventIdsByOutcome(keys).get(filter.outcome());
      if (endEvents == null) {
        return Optional.empty();
      }
    }
    return Optional.of(query -> {
      if (filter.process() != null) {
        query.processDefinitionKey(filter.process());
      } else {
        query.processDefinitionKeyIn(keys.toArray(String[]::new));
      }
      if (filter.from() != null) {
        query.startedAfter(startOfDay(filter.from()));
      }
      if (filter.to() != null) {
        query.startedBefore(startOfDay(filter.to().plusDays(1)));
      }
      if (filter.customer() != null) {
        String like = "%" + filter.customer() + "%";
        query.or()
            .matchVariableValuesIgnoreCase()
            .variableValueLike(COMPANY_NAME, like)
            .variableValueLike(CUSTOMER_DOMAIN, like)
            .variableValueLike(CUSTOMER_TENANT_ID, like)
            .endOr();
      }
      if (CaseOutcomes.RUNNING.equals(filter.outcome())) {
        query.unfinished();
      } else if (CaseOutcomes.CANCELLED.equals(filter.outcome())) {
        query.finished().externallyTerminated();
      } else if (filter.outcome() != null) {
        query.finished().executedActivityIdIn(endEvents.toArray(String[]::new));
      }
      return query;
    });
  }

  /**
   * Runs a query once per part of the history the reader may see and merges the answers, newest first.
   *
   * @param reader who reads
   * @param narrowing the query's conditions
   * @param limit at most this many instances
   * @return the instances
   */
  private List<HistoricProcessInstance> query(
      CaseReader reader, UnaryOperator<HistoricProcessInstanceQuery> narrowing, int limit) {
    Map<String, HistoricProcessInstance> merged = new LinkedHashMap<>();
    for (UnaryOperator<HistoricProcessInstanceQuery> scope : reader.scopes()) {
      narrowing.apply(scope.apply(historyService.createHistoricProcessInstanceQuery()))
          .orderByProcessInstanceStartTime().desc()
          .listPage(0, limit)
          .forEach(instance -> merged.putIfAbsent(instance.getId(), instance));
    }
    return merged.values().stream()
        .sorted(Comparator.comparing(HistoricProcessInstance::getStartTime, Comparator.nullsLast(Comparator.reverseOrder())))
        .limit(limit)
        .toList();
  }

  /**
   * @param id a process instance id (of any process: a case's sub-process too)
   * @param reader who reads
   * @return the case with its steps and called cases; empty when there is none the reader may see
   */
  Optional<CaseDetail> find(String id, CaseReader reader) {
    if (!reader.seesAnything() || id == null || id.isBlank()) {
      return Optional.empty();
    }
    List<HistoricProcessInstance> found = query(reader, query -> query.processInstanceId(id), 1);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    HistoricProcessInstance instance = found.get(0);
    List<CaseStep> steps = new ArrayList<>();
    for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(id)
        .orderByHistoricActivityInstanceStartTime().asc()
        .orderPartiallyByOccurrence().asc()
        .list()) {
      if (HIDDEN_STEP_TYPES.contains(activity.getActivityType())) {
        continue;
      }
      steps.add(new CaseStep(
          activity.getActivityName() == null || activity.getActivityName().isBlank()
              ? activity.getActivityId() : activity.getActivityName(),
          activity.getActivityType(),
          activity.getAssignee(),
          instant(activity.getStartTime()),
          instant(activity.getEndTime()),
          activity.isCanceled(),
          activity.getCalledProcessInstanceId()));
    }
    List<HistoricProcessInstance> children =
        new ArrayList<>(query(reader, query -> query.superProcessInstanceId(id), Integer.MAX_VALUE));
    Collections.reverse(children);
    return Optional.of(new CaseDetail(summaries(List.of(instance)).get(0), steps, summaries(children)));
  }

  /** @return the case processes' keys with their names (latest version), in the configured order */
  Map<String, String> processes() {
    Map<String, String> names = new HashMap<>();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery()
        .processDefinitionKeyIn(properties.processes().toArray(String[]::new))
        .latestVersion()
        .list()) {
      names.put(definition.getKey(), definition.getName() == null ? definition.getKey() : definition.getName());
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    properties.processes().forEach(key -> ordered.put(key, names.getOrDefault(key, key)));
    return ordered;
  }

  /** @return every outcome the case processes can end in, for the filter: running, cancelled, end events */
  List<String> outcomes() {
    List<String> all = new ArrayList<>(List.of(CaseOutcomes.RUNNING, CaseOutcomes.CANCELLED));
    outcomes.endEventIdsByOutcome(properties.processes()).keySet().stream()
        .filter(outcome -> !all.contains(outcome))
        .forEach(all::add);
    return all;
  }

  private List<CaseSummary> summaries(List<HistoricProcessInstance> instances) {
    if (instances.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> variables = processVariables(
        instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new));
    Function<HistoricProcessInstance, CaseSummary> summary = instance -> {
      Map<String, Object> values = variables.getOrDefault(instance.getId(), Map.of());
      return new CaseSummary(
          instance.getId(),
          instance.getProcessDefinitionKey(),
          instance.getProcessDefinitionName() == null ? instance.getProcessDefinitionKey()
              : instance.getProcessDefinitionName(),
          instance.getState(),
          outcomes.of(instance),
          customer(values),
          instance.getStartUserId() != null ? instance.getStartUserId() : text(values.get(REQUESTER)),
          text(values.get(REASON)) != null ? text(values.get(REASON)) : text(values.get(INVITATION_REASON)),
          instant(instance.getStartTime()),
          instant(instance.getEndTime()),
          instance.getSuperProcessInstanceId());
    };
    return instances.stream().map(summary).toList();
  }

  /** The instances' own (process-level) variables this page shows: instance id → name → value. */
  private Map<String, Map<String, Object>> processVariables(String... instanceIds) {
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instanceIds)
        .variableNameIn(CASE_VARIABLES)
        .disableCustomObjectDeserialization()
        .list()) {
      if (variable.getProcessInstanceId().equals(variable.getActivityInstanceId())) {
        variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
            .put(variable.getName(), variable.getValue());
      }
    }
    return variables;
  }

  private static String customer(Map<String, Object> values) {
    String company = text(values.get(COMPANY_NAME));
    String domain = text(values.get(CUSTOMER_DOMAIN));
    String tenant = text(values.get(CUSTOMER_TENANT_ID));
    if (company != null) {
      return domain == null ? company : company + " (" + domain + ")";
    }
    return domain != null ? domain : tenant;
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  private static Date startOfDay(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
