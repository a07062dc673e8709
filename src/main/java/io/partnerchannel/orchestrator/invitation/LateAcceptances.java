package io.partnerchannel.orchestrator.invitation;

import io.partnerchannel.orchestrator.events.CorrelationResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * An acceptance that arrives after our follow-up window ended. Microsoft's relationship link is per partner,
 * reusable and has no documented expiry (S3), so a customer may accept it after the invitation process
 * stopped following up ({@code EndEvent_InvitationExpired}). The relationship then exists in Partner Center
 * and must not be lost: the most recent finished invitation of that customer tenant, if it ended because
 * the window closed, is continued by its message start event
 * {@link InvitationMessages#lateAcceptance(String) LateAcceptance...} with the process variables it had
 * plus {@code acceptedLate = true}, which records the relationship (and requests GDAP when that was asked
 * for) and tells the requesting agent.
 *
 * <p>Finished instances are read from history, so an acceptance later than the history time to live
 * ({@code P180D}) is not found and the event is ignored (logged by the inbox).
 */
public class LateAcceptances {

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final List<String> processDefinitionKeys;

  /**
   * @param runtimeService starts the late-acceptance instance
   * @param historyService finds the finished invitation
   * @param processDefinitionKeys the invitation processes
   */
  public LateAcceptances(RuntimeService runtimeService, HistoryService historyService, List<String> processDefinitionKeys) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.processDefinitionKeys = List.copyOf(processDefinitionKeys);
  }

  /**
   * @param customerTenantId the tenant that accepted
   * @return correlated when a late-acceptance instance was started; empty when the tenant's latest finished
   *     invitation did not end because the follow-up window closed (or there is none)
   */
  public Optional<CorrelationResult> record(String customerTenantId) {
    List<HistoricProcessInstance> finished = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKeyIn(processDefinitionKeys.toArray(String[]::new))
        .finished()
        .variableValueEquals(InvitationVariables.CUSTOMER_TENANT_ID.getName(), customerTenantId)
        .orderByProcessInstanceEndTime().desc()
        .listPage(0, 1);
    if (finished.isEmpty()
        || !ResellerRelationshipInvitationProcess.END_EVENT_INVITATION_EXPIRED.equals(finished.get(0).getEndActivityId())) {
      return Optional.empty();
    }
    HistoricProcessInstance expired = finished.get(0);
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(expired.getId()).disableCustomObjectDeserialization().list()) {
      if (expired.getId().equals(variable.getActivityInstanceId()) && variable.getValue() != null) {
        variables.put(variable.getName(), variable.getValue());
      }
    }
    variables.put(InvitationVariables.ACCEPTED_LATE.getName(), true);
    variables.put(InvitationVariables.CUSTOMER_TENANT_ID.getName(), customerTenantId);
    variables.put(InvitationVariables.REASON_CODE.getName(), "ACCEPTED_LATE");
    MessageCorrelationBuilder correlation = runtimeService.createMessageCorrelation(
            InvitationMessages.lateAcceptance(expired.getProcessDefinitionKey()))
        .setVariables(variables);
    if (expired.getBusinessKey() != null) {
      // the domain: the late acceptance is an open invitation of that customer (OpenInvitations) until it ends
      correlation.processInstanceBusinessKey(expired.getBusinessKey());
    }
    ProcessInstance started = correlation.correlateStartMessage();
    return Optional.of(CorrelationResult.correlated("accepted after the follow-up window of " + expired.getProcessDefinitionKey()
        + " instance " + expired.getId() + " had ended; recording it in instance " + started.getId()));
  }
}
