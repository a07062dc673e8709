package io.partnerchannel.orchestrator.invitation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Engine plugin that releases an invitation's {@code pco_open_invitation} row ({@link OpenInvitations}) when the
 * instance of a {@link CustomerInvitationProcess} ends, however it ends: an end event, a withdrawal, a
 * cancellation from Cockpit or the API. The end listener is added to the process definitions when they are
 * parsed, as a built-in listener, so the models need no listener of their own and a cancellation that skips
 * custom listeners still runs it; it deletes the row in the ending transaction.
 */
@Component
class OpenInvitationsPlugin extends AbstractProcessEnginePlugin {

  private final OpenInvitationTable table;
  private final Set<String> processDefinitionKeys;

  OpenInvitationsPlugin(OpenInvitationTable table, List<CustomerInvitationProcess> processes) {
    this.table = table;
    this.processDefinitionKeys =
        processes.stream().map(CustomerInvitationProcess::processDefinitionKey).collect(Collectors.toSet());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    ExecutionListener release = execution -> table.release(execution.getProcessInstanceId());
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        if (processDefinitionKeys.contains(processDefinition.getKey())) {
          processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, release);
        }
      }
    });
  }
}
