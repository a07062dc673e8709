package io.partnerchannel.orchestrator.bench;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.CALL_ACTIVITY_TRACK_INVITATION;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.DECISION_INVITATION_ELIGIBILITY;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_DECIDE_ELIGIBILITY;

import io.partnerchannel.orchestrator.invitation.InvitationMessages;
import io.partnerchannel.orchestrator.invitation.TrackInvitationProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Deploys the benchmark's baseline, {@value BenchProfile#BASELINE_PROCESS_KEY}: generated at start from
 * {@code bpmn/ResellerRelationshipInvitation.bpmn} and the {@code bpmn/TrackInvitation.bpmn} it calls (copied as
 * {@value BenchProfile#BASELINE_TRACK_PROCESS_KEY}, which the baseline calls instead) with every delegate
 * expression (service tasks, execution and task listeners) swapped for {@code ${benchNoOp}}, the acceptance message renamed to
 * {@value BenchProfile#BASELINE_ACCEPTED_MESSAGE} and every other message prefixed {@code Baseline}, and the decision renamed to
 * {@value BenchProfile#BASELINE_DECISION_KEY} so the real decision keeps its versions. Wait states, async
 * continuations, timers, the decision table and history stay as they are. Deployed with duplicate
 * filtering, so a restart or a second node deploys no new version of an unchanged model.
 */
@Component
@Profile(BenchProfile.NAME)
class BaselineProcessDeployer {

  /** Name of the baseline deployment. */
  public static final String DEPLOYMENT_NAME = "bench-baseline";

  private static final Logger log = LoggerFactory.getLogger(BaselineProcessDeployer.class);

  private final RepositoryService repositoryService;

  /** @param repositoryService the engine's repository service */
  public BaselineProcessDeployer(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /**
   * Deploys the baseline once the process application (and with it the real model) is deployed, before
   * the other listeners of that event, so the baseline's starter groups get their authorizations like the
   * real process's.
   */
  @EventListener(PostDeployEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public void deployBaseline() {
    Deployment deployment = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .enableDuplicateFiltering(false)
        .addModelInstance(BenchProfile.BASELINE_PROCESS_KEY + ".bpmn", baselineProcess())
        .addModelInstance(BenchProfile.BASELINE_TRACK_PROCESS_KEY + ".bpmn", baselineTrackProcess())
        .addModelInstance(BenchProfile.BASELINE_DECISION_KEY + ".dmn", baselineDecision())
        .deploy();
    log.info("Benchmark baseline {} deployed ({})", BenchProfile.BASELINE_PROCESS_KEY, deployment.getId());
  }

  /**
   * @return the invitation model with process id {@value BenchProfile#BASELINE_PROCESS_KEY}, every delegate
   *     expression {@code ${benchNoOp}} and the decision reference pointing at the baseline decision
   */
  static BpmnModelInstance baselineProcess() {
    BpmnModelInstance model = noOpCopy(PROCESS_KEY, BenchProfile.BASELINE_PROCESS_KEY);
    CallActivity track = model.getModelElementById(CALL_ACTIVITY_TRACK_INVITATION);
    track.setCalledElement(BenchProfile.BASELINE_TRACK_PROCESS_KEY);
    BusinessRuleTask decide = model.getModelElementById(TASK_DECIDE_ELIGIBILITY);
    decide.setCamundaDecisionRef(BenchProfile.BASELINE_DECISION_KEY);
    Bpmn.validateModel(model);
    return model;
  }

  /**
   * @return {@code TrackInvitation} with process id {@value BenchProfile#BASELINE_TRACK_PROCESS_KEY}, every
   *     delegate expression {@code ${benchNoOp}} and the acceptance message {@value BenchProfile#BASELINE_ACCEPTED_MESSAGE}
   */
  static BpmnModelInstance baselineTrackProcess() {
    BpmnModelInstance model = noOpCopy(TrackInvitationProcess.PROCESS_KEY, BenchProfile.BASELINE_TRACK_PROCESS_KEY);
    Bpmn.validateModel(model);
    return model;
  }

  private static BpmnModelInstance noOpCopy(String processKey, String baselineKey) {
    BpmnModelInstance model = read("bpmn/" + processKey + ".bpmn", Bpmn::readModelFromStream);
    String noOp = "${" + BenchProfile.NO_OP_BEAN + "}";
    Process process = model.getModelElementById(processKey);
    process.setId(baselineKey);
    process.setName(process.getName() + " (benchmark baseline, no-op delegates)");
    model.getModelElementsByType(ServiceTask.class).forEach(task -> task.setCamundaDelegateExpression(noOp));
    model.getModelElementsByType(CamundaExecutionListener.class).stream()
        .filter(listener -> listener.getCamundaDelegateExpression() != null)
        .forEach(listener -> listener.setCamundaDelegateExpression(noOp));
    model.getModelElementsByType(CamundaTaskListener.class).stream()
        .filter(listener -> listener.getCamundaDelegateExpression() != null)
        .forEach(listener -> listener.setCamundaDelegateExpression(noOp));
    // Its own messages: the acceptance is the baseline's to correlate, and a message start event (late
    // acceptance) may be subscribed by one deployed definition only.
    model.getModelElementsByType(Message.class).forEach(message -> message.setName(
        InvitationMessages.INVITATION_ACCEPTED.equals(message.getName())
            ? BenchProfile.BASELINE_ACCEPTED_MESSAGE
            : "Baseline" + message.getName()));
    return model;
  }

  /** @return {@code InvitationEligibility} with decision id {@value BenchProfile#BASELINE_DECISION_KEY} */
  static DmnModelInstance baselineDecision() {
    DmnModelInstance model = read("bpmn/" + DECISION_INVITATION_ELIGIBILITY + ".dmn", Dmn::readModelFromStream);
    Decision decision = model.getModelElementById(DECISION_INVITATION_ELIGIBILITY);
    decision.setId(BenchProfile.BASELINE_DECISION_KEY);
    Dmn.validateModel(model);
    return model;
  }

  private static <T> T read(String resource, Function<InputStream, T> parser) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return parser.apply(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
