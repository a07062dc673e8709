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
 *
 * <p>Camunda indexes no process variable by value ({@code ACT_RU_VARIABLE} has no index on {@code NAME_, TEXT_}),
 * so a look-up by variable reads every running instance of the processes; a look-up by business key uses
 * {@code ACT_IDX_EXEC_BUSKEY}. {@link #correlateByBusinessKey} takes the index first and the variable only when
 * no instance has the key. The message is always delivered to explicit process instance ids, so it never
 * starts an instance by a message start event of the same name.
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
    return deliver(messageName, instances, variables);
  }

  /**
   * Correlates {@code messageName} to every running instance whose business key is {@code key} and that waits for
   * it (an indexed look-up); only when no instance has that business key, to those with {@code variableName = key}
   * ({@link #correlate}: instances that have not been given the key, e.g. an invitation that has not reached the
   * step that starts the keyed instance, or one started by an older version of the model). Joins the caller's
   * transaction.
   *
   * @param messageName the BPMN message name
   * @param key the business key, and the value of {@code variableName} on instances without it
   * @param variableName the correlation variable, e.g. {@code customerTenantId}
   * @param variables process variables to set on correlation, may be empty
   * @return {@link EventStatus#IGNORED} when no running instance has the business key or the value,
   *     {@link EventStatus#PENDING} when such instances exist but none waits for the message yet, else
   *     {@link EventStatus#CORRELATED}
   */
  public CorrelationResult correlateByBusinessKey(
      String messageName, String key, String variableName, Map<String, Object> variables) {
    List<ProcessInstance> keyed = runtimeService.createProcessInstanceQuery()
        .processDefinitionKeyIn(processDefinitionKeys.toArray(String[]::new))
        .processInstanceBusinessKey(key)
        .list();
    if (keyed.isEmpty()) {
      return correlate(messageName, variableName, key, variables);
    }
    return deliver(messageName, keyed, variables);
  }

  private CorrelationResult deliver(String messageName, List<ProcessInstance> instances, Map<String, Object> variables) {
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
