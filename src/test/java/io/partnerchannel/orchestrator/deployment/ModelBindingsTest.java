package io.partnerchannel.orchestrator.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model in {@code bpmn/} uses the latest deployed version of the decisions, forms and processes it names
 * (docs/analysts.md "What your change affects"), so one file deployed alone from Camunda Modeler takes effect: a
 * {@code deployment} binding would keep the old decision or form, or find none in a deployment of the BPMN alone.
 */
class ModelBindingsTest {

  static Stream<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void decisionsFormsAndCalledProcessesAreBoundToTheirLatestVersion(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<String> notLatest = new ArrayList<>();
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      if (task.getCamundaDecisionRef() != null && !"latest".equals(task.getCamundaDecisionRefBinding())) {
        notLatest.add(task.getId() + " decisionRefBinding=" + task.getCamundaDecisionRefBinding());
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaFormRef() != null && !"latest".equals(task.getCamundaFormRefBinding())) {
        notLatest.add(task.getId() + " formRefBinding=" + task.getCamundaFormRefBinding());
      }
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null && !"latest".equals(start.getCamundaFormRefBinding())) {
        notLatest.add(start.getId() + " formRefBinding=" + start.getCamundaFormRefBinding());
      }
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      String binding = call.getCamundaCalledElementBinding();
      if (binding != null && !"latest".equals(binding)) {
        notLatest.add(call.getId() + " calledElementBinding=" + binding);
      }
    }
    assertThat(notLatest).as(file + " binds to other than the latest version").isEmpty();
  }
}
