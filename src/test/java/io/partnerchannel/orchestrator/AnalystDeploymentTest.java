package io.partnerchannel.orchestrator;

import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.ADATUM;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.LAMNA;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.acceptInSandbox;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.request;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.runDueJobs;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.DECISION_INVITATION_ELIGIBILITY;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.CALL_ACTIVITY_TRACK_INVITATION;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_SEND_INVITATION_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.invitation.InvitationRequest;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxEventDelivery;
import io.partnerchannel.orchestrator.support.CamundaWebappSession;
import io.partnerchannel.orchestrator.support.ModelerDeployment;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Issue 13: a business analyst deploys single files from Camunda Modeler, and they take effect and survive
 * restarts. The application runs on a database of its own (an H2 file, or a named PostgreSQL database in the
 * {@code postgres} execution) and is restarted by closing its Spring context and starting a new one on the same
 * database. {@code business.analyst} deploys over {@code /engine-rest/deployment/create} exactly as Modeler does
 * ({@link ModelerDeployment}): (a) only {@code InvitationEligibility.dmn} with the reason of its R9 row changed,
 * (b) only {@code ResellerRelationshipInvitation.bpmn} with the label of "Send invitation e-mail" changed. The
 * next invitations, started through {@code /api/invitations}, use both changes and run to their end (refused;
 * established after the customer accepts in the sandbox), before and after the restart.
 */
class AnalystDeploymentTest {

  static final String APPLICATION_DEPLOYMENT = "partner-channel-orchestrator";
  static final String NEW_REASON = "Outside our CSP region: ask the regional team to invite this customer.";
  static final String NEW_LABEL = "E-mail the invitation";

  @TempDir Path databaseDirectory;
  ConfigurableApplicationContext application;

  @AfterEach
  void stop() {
    if (application != null) {
      application.close();
    }
  }

  @Test
  void singleFilesDeployedFromModelerTakeEffectAndSurviveARestartThatDeploysNothingUnchanged() {
    application = start();
    RepositoryService repository = bean(RepositoryService.class);
    assertThat(applicationDeployments(repository)).hasSize(1);
    long deploymentsAtFirstStart = repository.createDeploymentQuery().count();

    // (a) only the DMN, one row changed
    ResponseEntity<JsonNode> dmn = ModelerDeployment.deploy(analyst(), engineName(), "InvitationEligibility",
        "InvitationEligibility.dmn", eligibilityWithNewR9Reason());
    assertThat(dmn.getStatusCode().value()).as(String.valueOf(dmn.getBody())).isEqualTo(200);
    String dmnDeployment = dmn.getBody().path("id").asText();
    DecisionDefinition analystsDecision = latestDecision(repository);
    assertThat(analystsDecision.getDeploymentId()).isEqualTo(dmnDeployment);
    assertThat(analystsDecision.getVersion()).isEqualTo(2);

    String refused = startInvitation(request("Wide World Importers", "wideworldimporters.onmicrosoft.com", "US", "en"));
    JsonNode refusedView = invitation(refused);
    assertThat(refusedView.path("status").asText()).isEqualTo("REFUSED");
    assertThat(refusedView.path("reason").asText()).isEqualTo(NEW_REASON);
    assertThat(bean(HistoryService.class).createHistoricDecisionInstanceQuery().processInstanceId(refused)
        .decisionDefinitionKey(DECISION_INVITATION_ELIGIBILITY).singleResult().getDecisionDefinitionId()).isEqualTo(analystsDecision.getId());

    // (b) only the BPMN, one label changed
    ResponseEntity<JsonNode> bpmn = ModelerDeployment.deploy(analyst(), engineName(), "ResellerRelationshipInvitation",
        "ResellerRelationshipInvitation.bpmn", invitationWithNewLabel());
    assertThat(bpmn.getStatusCode().value()).as(String.valueOf(bpmn.getBody())).isEqualTo(200);
    String bpmnDeployment = bpmn.getBody().path("id").asText();
    ProcessDefinition analystsProcess = latestProcess(repository);
    assertThat(analystsProcess.getDeploymentId()).isEqualTo(bpmnDeployment);
    assertThat(analystsProcess.getVersion()).isEqualTo(2);
    assertThat(tasklistStartForm(analystsProcess)).as("Tasklist finds the start form of the BPMN deployed alone")
        .contains("\"components\"");

    String established = startInvitation(request("Lamna Healthcare", "lamna.onmicrosoft.com", "FR", "en"));
    assertThat(stepNames(established)).contains(NEW_LABEL).doesNotContain("Send invitation e-mail");
    customerAccepts(established, LAMNA, "admin@lamna.onmicrosoft.com");
    assertThat(invitation(established).path("status").asText()).isEqualTo("ESTABLISHED");
    assertThat(processDefinitionOf(established)).isEqualTo(analystsProcess.getId());

    // restart: same database, same jar
    application.close();
    application = start();
    repository = bean(RepositoryService.class);
    assertThat(repository.createDeploymentQuery().count()).as("an unchanged jar deploys nothing")
        .isEqualTo(deploymentsAtFirstStart + 2);
    assertThat(applicationDeployments(repository)).hasSize(1);
    assertThat(latestDecision(repository).getId()).isEqualTo(analystsDecision.getId());
    assertThat(latestProcess(repository).getId()).isEqualTo(analystsProcess.getId());

    String refusedAgain = startInvitation(request("Wide World Importers", "wideworldimporters.onmicrosoft.com", "US", "en"));
    assertThat(invitation(refusedAgain).path("status").asText()).isEqualTo("REFUSED");
    assertThat(invitation(refusedAgain).path("reason").asText()).isEqualTo(NEW_REASON);
    String establishedAgain = startInvitation(request("Adatum Corporation", "adatum.onmicrosoft.com", "IT", "it"));
    assertThat(stepNames(establishedAgain)).contains(NEW_LABEL);
    customerAccepts(establishedAgain, ADATUM, "admin@adatum.onmicrosoft.com");
    assertThat(invitation(establishedAgain).path("status").asText()).isEqualTo("ESTABLISHED");
    assertThat(processDefinitionOf(establishedAgain)).isEqualTo(analystsProcess.getId());
  }

  @Test
  void aNewJarDeploysOnlyTheFilesThatChangedSinceThePreviousJar() {
    application = start();
    RepositoryService repository = bean(RepositoryService.class);
    Deployment first = applicationDeployments(repository).get(0);
    List<String> resources = repository.getDeploymentResourceNames(first.getId());
    String channelTransition = resources.stream().filter(name -> name.endsWith("ChannelTransition.dmn")).findFirst()
        .orElseThrow();
    assertThat(resources).hasSizeGreaterThan(20);
    // The previous jar differed from this one in ChannelTransition.dmn only: its process archive deployment held
    // another version of that file (the same deployment name and source as the application's own).
    String changed = new String(classpath("bpmn/ChannelTransition.dmn"), StandardCharsets.UTF_8)
        .replace("</definitions>", "<!-- the previous jar's version --></definitions>");
    repository.createDeployment().name(APPLICATION_DEPLOYMENT).source("process application")
        .addInputStream(channelTransition, new ByteArrayInputStream(changed.getBytes(StandardCharsets.UTF_8)))
        .deploy();
    application.close();

    application = start();
    repository = bean(RepositoryService.class);
    List<Deployment> deployments = applicationDeployments(repository);
    assertThat(deployments).hasSize(3);
    assertThat(repository.getDeploymentResourceNames(deployments.get(0).getId()))
        .as("the restart deployed the one file that differs from the previous jar's")
        .containsExactly(channelTransition);
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("ChannelTransition").latestVersion()
        .singleResult().getDeploymentId()).isEqualTo(deployments.get(0).getId());
    assertThat(latestProcess(repository).getDeploymentId()).as("the others stay as they were")
        .isEqualTo(first.getId());
  }

  /** Starts the application (sandbox mode, the test profile) on this test's database. */
  ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(PartnerChannelOrchestratorApplication.class)
        .profiles("test")
        .run("--server.port=0",
            "--spring.datasource.url=jdbc:h2:file:" + databaseDirectory.resolve("orchestrator").toAbsolutePath(),
            "--pco.test.database-name=pco_analyst_deployment_" + Math.abs(databaseDirectory.hashCode()));
  }

  <T> T bean(Class<T> type) {
    return application.getBean(type);
  }

  int port() {
    return ((WebServerApplicationContext) application).getWebServer().getPort();
  }

  String engineName() {
    return bean(ProcessEngine.class).getName();
  }

  RestClient analyst() {
    return TestUsers.http(port(), TestUsers.BUSINESS_ANALYST);
  }

  /** The application's own deployments (of its process archive), newest first. */
  static List<Deployment> applicationDeployments(RepositoryService repository) {
    return repository.createDeploymentQuery().deploymentName(APPLICATION_DEPLOYMENT).orderByDeploymentTime().desc()
        .list();
  }

  static DecisionDefinition latestDecision(RepositoryService repository) {
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_INVITATION_ELIGIBILITY)
        .latestVersion().singleResult();
  }

  static ProcessDefinition latestProcess(RepositoryService repository) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion().singleResult();
  }

  /** Starts an invitation through {@code /api/invitations} as the sales agent and runs its jobs until it waits. */
  String startInvitation(InvitationRequest request) {
    JsonNode started = TestUsers.http(port()).post().uri("/api/invitations").contentType(MediaType.APPLICATION_JSON)
        .body(request).retrieve().body(JsonNode.class);
    String id = started.path("id").asText();
    assertThat(id).as(String.valueOf(started)).isNotBlank();
    runJobs(id);
    return id;
  }

  void runJobs(String instanceId) {
    ProcessInstance instance = bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(instanceId)
        .singleResult();
    if (instance != null) {
      runDueJobs(bean(ManagementService.class), instance);
    }
  }

  JsonNode invitation(String id) {
    return TestUsers.http(port()).get().uri("/api/invitations/{id}", id).retrieve().body(JsonNode.class);
  }

  List<String> stepNames(String id) {
    return StreamSupport.stream(invitation(id).path("steps").spliterator(), false)
        .map(step -> step.path("name").asText()).toList();
  }

  String processDefinitionOf(String id) {
    return bean(HistoryService.class).createHistoricProcessInstanceQuery().processInstanceId(id).singleResult()
        .getProcessDefinitionId();
  }

  /** The customer accepts in the sandbox admin center; its event reaches the invitation, which runs to its end. */
  void customerAccepts(String id, String customerTenantId, String userPrincipalName) {
    assertThat(bean(RuntimeService.class).getActiveActivityIds(id)).contains(CALL_ACTIVITY_TRACK_INVITATION);
    acceptInSandbox(TestUsers.http(port()), customerTenantId, userPrincipalName);
    assertThat(bean(SandboxEventDelivery.class).deliverDue()).isPositive();
    runJobs(id);
  }

  /** The start form as Tasklist loads it, as the sales agent. */
  String tasklistStartForm(ProcessDefinition definition) {
    CamundaWebappSession tasklist = new CamundaWebappSession(port(), engineName());
    assertThat(tasklist.login(TestUsers.SALES_AGENT, TestUsers.PASSWORD)).isEqualTo(200);
    var response = tasklist.get("/camunda/api/engine/engine/" + engineName() + "/process-definition/"
        + definition.getId() + "/deployed-start-form");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /** {@code bpmn/InvitationEligibility.dmn} as an analyst edits it in Modeler: the R9 row's reason reworded. */
  static byte[] eligibilityWithNewR9Reason() {
    DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(classpath("bpmn/InvitationEligibility.dmn")));
    OutputEntry reason = model.getModelElementById("OutputEntry_R9_Reason");
    reason.getText().setTextContent("\"" + NEW_REASON + "\"");
    return Dmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
  }

  /** {@code bpmn/ResellerRelationshipInvitation.bpmn} with "Send invitation e-mail" relabelled in Modeler. */
  static byte[] invitationWithNewLabel() {
    BpmnModelInstance model =
        Bpmn.readModelFromStream(new ByteArrayInputStream(classpath("bpmn/ResellerRelationshipInvitation.bpmn")));
    FlowElement send = model.getModelElementById(TASK_SEND_INVITATION_EMAIL);
    send.setName(NEW_LABEL);
    return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] classpath(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
