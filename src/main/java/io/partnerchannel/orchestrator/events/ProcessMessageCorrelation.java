package io.partnerchannel.orchestrator.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Delivers a BPMN message to the running instances of one or more process definitions whose process
 * variable has a given value, e.g. {@code InvitationAccepted} to the {@code ResellerRelationshipInvitation}
 * or {@code IndirectResellerInvitation} instance with {@code customerDomain = adatum.onmicrosoft.com}. Distinguishes the three outcomes the
 * inbox needs: no such instance (ignore the event), instances that do not wait for the message yet
 * (keep the event and retry), and correlated.
 */
public class ProcessMessageCorrelation {

  private final RuntimeService runtimeService;
  private final List<String> processDefinitionKeys;
  private final String processes;

  /**
   * @param runtimeService the engine's runtime service
   * @param processDefinitionKeys the processes whose instances receive the message (any version), at least one
   * @throws IllegalArgumentException when no key is given
   */
  public ProcessMessageCorrelation(RuntimeService runtimeService, String... processDefinitionKeys) {
    if (processDefinitionKeys.length == 0) {
      throw new IllegalArgumentException("A message correlation needs at least one process definition key");
    }
    this.runtimeService = runtimeService;
    this.processDefinitionKeys = List.of(processDefinitionKeys);
    this.processes = String.join(" or ", processDefinitionKeys);
  }

  /** @return the process definition keys this correlation targets */
  public List<String> processDefinitionKeys() {
    return processDefinitionKeys;
  }

  /**
   * Correlates {@code messageName} to every running instance with {@code variableName = value} that waits
   * for it, setting {@code variables} on those instances. Joins the caller's transaction.
   *
   * @param messageName the BPMN message name
   * @param variableName the correlation variable, e.g. {@code customerDomain}
   * @param value its value
   * @param variables process variables to set on correlation, may be empty
   * @return {@link EventStatus#IGNORED} when no running instance has the value, {@link EventStatus#PENDING}
   *     when such instances exist but none waits for the message yet, else {@link EventStatus#CORRELATED}
   */
  public CorrelationResult correlate(String messageName, String variableName, Object value, Map<String, Object> variables) {
    List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery()
        .processDefinitionKeyIn(processDefinitionKeys.toArray(String[]::new))
        .variableValueEquals(variableName, value)
        .list();
    if (instances.isEmpty()) {
      return CorrelationResult.ignored(
          "no running " + processes + " instance has " + variableName + " = " + value);
    }
    List<String> correlated = new ArrayList<>();
    List<String> notWaiting = new ArrayList<>();
    for (ProcessInstance instance : instances) {
      boolean received = !runtimeService.createMessageCorrelation(messageName)
          .processInstanceId(instance.getId())
          .setVariables(variables)
          .correlateAllWithResult()
          .isEmpty();
      (received ? correlated : notWaiting).add(instance.getId());
    }
    if (correlated.isEmpty()) {
      return CorrelationResult.pending(
          processes + " instance(s) " + notWaiting + " do not wait for message " + messageName + " yet");
    }
    return CorrelationResult.correlated("message " + messageName + " correlated to " + processes + " instance(s) " + correlated);
  }
}
