package io.partnerchannel.orchestrator.removal;

import static io.partnerchannel.orchestrator.removal.ResellerRelationshipRemovalProcess.PROCESS_KEY;
import static io.partnerchannel.orchestrator.removal.ResellerRelationshipRemovalProcess.TASK_CLEAR_REMOVAL_BLOCKERS;

import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.web.ResourceConflictException;
import io.partnerchannel.orchestrator.web.ResourceNotFoundException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts and reads relationship removals, i.e. instances of {@code ResellerRelationshipRemoval}; a removal's id is its
 * process instance id and what it shows is read from the engine (history included), so it cannot drift from the
 * process.
 */
@Service
class RelationshipRemovalService {

  /** Status of a removal still checking or removing. */
  public static final String RUNNING = "RUNNING";
  /** Status of a removal that waits for a person to suspend or cancel what blocks it. */
  public static final String WAITING_FOR_BLOCKERS = "WAITING_FOR_BLOCKERS";
  /** Status of a removal an operator deleted. */
  public static final String DELETED = "DELETED";

  private static final Logger log = LoggerFactory.getLogger(RelationshipRemovalService.class);

  private final RuntimeService runtimeService;
  private final HistoryService historyService;

  RelationshipRemovalService(RuntimeService runtimeService, HistoryService historyService) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
  }

  /**
   * Starts a removal. The request must already have passed its gate ({@code @Valid} on the REST body); the start
   * listener checks it again.
   *
   * @param request the customer and the reason
   * @param requester the requesting user's id, or null
   * @return the new removal's id and status
   * @throws ResourceConflictException when a removal of the same customer is running (its id in {@code openRemovalId})
   * @throws InvalidFieldsException when the start listener refuses the variables (nothing is started)
   */
  public RelationshipRemovalView.Reference start(RelationshipRemovalRequest request, String requester) {
    Map<String, Object> variables = request.toVariables();
    String customerTenantId = variables.get(RemovalVariables.CUSTOMER_TENANT_ID.getName()).toString();
    ProcessInstance open = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(customerTenantId)
        .listPage(0, 1).stream().findFirst().orElse(null);
    if (open != null) {
      throw new ResourceConflictException("A removal of the relationship with " + customerTenantId + " is already running: "
          + open.getId(), "openRemovalId", open.getId());
    }
    variables.put(RemovalVariables.REQUESTER.getName(), requester);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, customerTenantId, variables);
    log.info("Relationship removal {} started for {} by {}", instance.getId(), customerTenantId, requester);
    return new RelationshipRemovalView.Reference(instance.getId(), find(instance.getId()).status());
  }

  /**
   * @param id the removal's id
   * @return the removal
   * @throws ResourceNotFoundException when no removal has that id
   */
  public RelationshipRemovalView find(String id) {
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(id)
        .processDefinitionKey(PROCESS_KEY)
        .singleResult();
    if (instance == null) {
      throw new ResourceNotFoundException("No relationship removal with id " + id);
    }
    VariableMap variables = Variables.createVariables();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(id)
        .variableNameIn(RemovalVariables.CUSTOMER_TENANT_ID.getName(), RemovalVariables.COMPANY_NAME.getName(),
            RemovalVariables.REMOVAL_BLOCKERS.getName(), RemovalVariables.REMOVAL_STATUS.getName(),
            RemovalVariables.UNCHANGED_BY_REMOVAL.getName(), RemovalVariables.REQUESTER.getName())
        .list()) {
      if (id.equals(variable.getActivityInstanceId()) && variable.getValue() != null) {
        variables.put(variable.getName(), variable.getValue());
      }
    }
    return new RelationshipRemovalView(
        id,
        RemovalVariables.CUSTOMER_TENANT_ID.from(variables).getOrNull(),
        RemovalVariables.COMPANY_NAME.from(variables).getOrNull(),
        status(instance, RemovalVariables.REMOVAL_STATUS.from(variables).getOrNull()),
        lines(RemovalVariables.REMOVAL_BLOCKERS.from(variables).getOrNull()),
        lines(RemovalVariables.UNCHANGED_BY_REMOVAL.from(variables).getOrNull()),
        RemovalVariables.REQUESTER.from(variables).getOrNull(),
        instant(instance.getStartTime()),
        instant(instance.getEndTime()));
  }

  private String status(HistoricProcessInstance instance, String removalStatus) {
    if (instance.getEndTime() != null) {
      return HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState()) && removalStatus != null
          ? removalStatus : DELETED;
    }
    boolean waiting = !runtimeService.createExecutionQuery()
        .processInstanceId(instance.getId())
        .activityId(TASK_CLEAR_REMOVAL_BLOCKERS)
        .list().isEmpty();
    return waiting ? WAITING_FOR_BLOCKERS : RUNNING;
  }

  private static List<String> lines(String value) {
    return value == null || value.isBlank() ? List.of() : List.of(value.split("\\R"));
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
