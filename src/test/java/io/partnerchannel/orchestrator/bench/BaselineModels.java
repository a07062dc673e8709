package io.partnerchannel.orchestrator.bench;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.CALL_ACTIVITY_TRACK_INVITATION;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.DECISION_INVITATION_ELIGIBILITY;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_DECIDE_ELIGIBILITY;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.invitation.InvitationMessages;
import io.partnerchannel.orchestrator.invitation.TrackInvitationProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
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
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;

/**
 * The benchmark's baseline, {@value BenchProfile#BASELINE_PROCESS_KEY}: generated from
 * {@code bpmn/ResellerRelationshipInvitation.bpmn} and the {@code bpmn/TrackInvitation.bpmn} it calls (copied as
 * {@value BenchProfile#BASELINE_TRACK_PROCESS_KEY}, which the baseline calls instead) with every delegate
 * expression (service tasks, execution and task listeners) swapped for {@code ${benchNoOp}}, the acceptance message renamed to
 * {@value BenchProfile#BASELINE_ACCEPTED_MESSAGE} and every other message prefixed {@code Baseline}, and the decision renamed to
 * {@value BenchProfile#BASELINE_DECISION_KEY} so the real decision keeps its versions. Wait states, async
 * continuations, timers, the decision table and history stay as they are.
 *
 * <p>The runner deploys it over {@code /engine-rest} as the operator once the node answers UP ({@link #deploy(RestClient)}),
 * as an operator deploys a model: the baseline is not part of the product, so its deployment is not part of the
 * node's measured start. Deployed with duplicate filtering, so a second node or scenario on the same database
 * deploys no new version of an unchanged model. The operator {@code admin} starts and correlates it, so it needs no
 * starter authorizations.
 */
final class BaselineModels {

  /** Name of the baseline deployment. */
  static final String DEPLOYMENT_NAME = "bench-baseline";

  private BaselineModels() {}

  /**
   * Deploys the baseline through the engine REST API ({@code POST /engine-rest/deployment/create}).
   *
   * @param operator the node's client as the operator {@code admin}
   * @return the deployment id (the existing one's when nothing changed)
   * @throws org.springframework.web.client.RestClientException when the engine refuses it
   */
  static String deploy(RestClient operator) {
    MultipartBodyBuilder parts = new MultipartBodyBuilder();
    parts.part("deployment-name", DEPLOYMENT_NAME);
    parts.part("enable-duplicate-filtering", "true");
    models().forEach((name, xml) -> parts.part(name, new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)))
        .filename(name)
        .contentType(MediaType.APPLICATION_XML));
    JsonNode deployment = operator.post().uri("/engine-rest/deployment/create")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(parts.build())
        .retrieve()
        .body(JsonNode.class);
    return deployment.path("id").asText();
  }

  /**
   * Deploys the baseline with the engine's API, for tests that run the bench profile in-process.
   *
   * @param repositoryService the engine's repository service
   */
  static void deploy(RepositoryService repositoryService) {
    DeploymentBuilder deployment = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .enableDuplicateFiltering(false);
    models().forEach((name, xml) -> deployment.addString(name, xml));
    deployment.deploy();
  }

  /** @return resource name to XML: the baseline, its "Track invitation" and its decision */
  private static Map<String, String> models() {
    Map<String, String> models = new LinkedHashMap<>();
    models.put(BenchProfile.BASELINE_PROCESS_KEY + ".bpmn", Bpmn.convertToString(baselineProcess()));
    models.put(BenchProfile.BASELINE_TRACK_PROCESS_KEY + ".bpmn", Bpmn.convertToString(baselineTrackProcess()));
    models.put(BenchProfile.BASELINE_DECISION_KEY + ".dmn", Dmn.convertToString(baselineDecision()));
    return models;
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
