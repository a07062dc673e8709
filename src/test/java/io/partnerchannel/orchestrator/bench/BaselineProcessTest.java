package io.partnerchannel.orchestrator.bench;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.CALL_ACTIVITY_TRACK_INVITATION;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_DECIDE_ELIGIBILITY;
import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.invitation.InvitationMessages;
import io.partnerchannel.orchestrator.invitation.TrackInvitationProcess;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The benchmark's baseline is the invitation model with its delegates swapped for a no-op, nothing else. */
class BaselineProcessTest {

  private static final String NO_OP = "${" + BenchProfile.NO_OP_BEAN + "}";

  @Test
  void sameWaitStatesAsyncContinuationsAndFlowsAsTheRealModel() throws IOException {
    BpmnModelInstance baseline = BaselineModels.baselineProcess();

    assertThat(shape(baseline)).isEqualTo(shape(realModel(PROCESS_KEY)));
    assertThat(baseline.<Process>getModelElementById(BenchProfile.BASELINE_PROCESS_KEY))
        .isNotNull();
    assertThat(baseline.<CallActivity>getModelElementById(CALL_ACTIVITY_TRACK_INVITATION).getCalledElement())
        .as("the baseline calls its own copy of Track invitation").isEqualTo(BenchProfile.BASELINE_TRACK_PROCESS_KEY);
    assertThat(baseline.<FlowNode>getModelElementById(TASK_DECIDE_ELIGIBILITY))
        .isInstanceOfSatisfying(BusinessRuleTask.class,
            task -> assertThat(task.getCamundaDecisionRef()).isEqualTo(BenchProfile.BASELINE_DECISION_KEY));
  }

  @Test
  void trackInvitationCopyHasTheSameWaitStatesAsyncContinuationsAndFlowsAsTheRealModel() throws IOException {
    BpmnModelInstance track = BaselineModels.baselineTrackProcess();

    assertThat(shape(track)).isEqualTo(shape(realModel(TrackInvitationProcess.PROCESS_KEY)));
    assertThat(track.<Process>getModelElementById(BenchProfile.BASELINE_TRACK_PROCESS_KEY)).isNotNull();
  }

  @Test
  void everyDelegateAndDelegateListenerIsTheNoOp() {
    BpmnModelInstance baseline = BaselineModels.baselineProcess();
    everyDelegateIsTheNoOp(baseline);
    assertThat(baseline.getModelElementsByType(CamundaExecutionListener.class).stream()
        .map(CamundaExecutionListener::getCamundaDelegateExpression).filter(expression -> expression != null))
        .as("the start listener").isNotEmpty();
    BpmnModelInstance track = BaselineModels.baselineTrackProcess();
    everyDelegateIsTheNoOp(track);
    assertThat(track.getModelElementsByType(CamundaTaskListener.class)).as("the follow-up's listeners").isNotEmpty();
  }

  private static void everyDelegateIsTheNoOp(BpmnModelInstance baseline) {
    assertThat(baseline.getModelElementsByType(ServiceTask.class)).isNotEmpty()
        .allSatisfy(task -> assertThat(task.getCamundaDelegateExpression()).isEqualTo(NO_OP));
    assertThat(baseline.getModelElementsByType(CamundaExecutionListener.class).stream()
            .map(CamundaExecutionListener::getCamundaDelegateExpression)
            .filter(expression -> expression != null))
        .allSatisfy(expression -> assertThat(expression).isEqualTo(NO_OP));
    assertThat(baseline.getModelElementsByType(CamundaTaskListener.class))
        .allSatisfy(listener -> assertThat(listener.getCamundaDelegateExpression()).isEqualTo(NO_OP));
  }

  @Test
  void acceptanceIsTheBaselinesOwnMessageNotThePartnerCenterEvents() {
    assertThat(BaselineModels.baselineTrackProcess().getModelElementsByType(Message.class))
        .extracting(Message::getName)
        .contains(BenchProfile.BASELINE_ACCEPTED_MESSAGE)
        .doesNotContain(InvitationMessages.INVITATION_ACCEPTED);
    assertThat(BaselineModels.baselineProcess().getModelElementsByType(Message.class))
        .extracting(Message::getName)
        .doesNotContain(InvitationMessages.INVITATION_ACCEPTED);
  }

  @Test
  void noMessageNameIsSharedWithTheRealModelSoBothDeployTogether() throws IOException {
    List<String> real = realModel(PROCESS_KEY).getModelElementsByType(Message.class).stream().map(Message::getName).toList();

    assertThat(real).isNotEmpty();
    assertThat(BaselineModels.baselineProcess().getModelElementsByType(Message.class))
        .extracting(Message::getName)
        .hasSameSizeAs(real)
        .doesNotContainAnyElementsOf(real);
  }

  @Test
  void theDecisionIsACopyUnderItsOwnId() {
    Decision decision = BaselineModels.baselineDecision().getModelElementById(BenchProfile.BASELINE_DECISION_KEY);
    assertThat(decision).isNotNull();
    assertThat(decision.getName()).isEqualTo("Invitation eligibility");
  }

  /** Flow nodes (id, type, async before/after) and sequence flows (id, source, target, condition). */
  private static List<String> shape(BpmnModelInstance model) {
    List<String> shape = new ArrayList<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      shape.add(node.getId() + " " + node.getElementType().getTypeName() + " before=" + node.isCamundaAsyncBefore()
          + " after=" + node.isCamundaAsyncAfter());
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      shape.add(flow.getId() + " " + flow.getSource().getId() + "->" + flow.getTarget().getId() + " "
          + (flow.getConditionExpression() == null ? "" : flow.getConditionExpression().getTextContent()));
    }
    shape.sort(null);
    return shape;
  }

  private static BpmnModelInstance realModel(String processKey) throws IOException {
    try (InputStream in = new ClassPathResource("bpmn/" + processKey + ".bpmn").getInputStream()) {
      return Bpmn.readModelFromStream(in);
    }
  }
}
