package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.deleteRunningInvitations;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.request;
import static io.partnerchannel.orchestrator.support.ProcessJobs.runDueJobs;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.startAs;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_ALREADY_RELATED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_INVITATION_REFUSED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.GROUP_SALES_AGENTS;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.partnerchannel.orchestrator.notification.AgentLanguage;
import io.partnerchannel.orchestrator.notification.MailDispatcher;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

/**
 * Every outcome reaches the person who asked: a refused and an already-related invitation e-mail the requesting
 * agent (through the outbox, delivered to GreenMail) in the agent's language, with the reason in words and a link
 * to the case page, once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RequesterOutcomeMailTest {

  static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @DynamicPropertySource
  static void mailHost(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
  }

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired MailDispatcher dispatcher;

  String agent;
  String agentEmail;

  @BeforeEach
  void anAgent() {
    BpmnAwareTests.init(processEngine);
    deleteRunningInvitations(runtimeService);
    agent = "outcome" + UUID.randomUUID().toString().substring(0, 8);
    agentEmail = agent + "@northwind.example";
    User user = identityService.newUser(agent);
    user.setFirstName("Alba");
    user.setLastName("Rossi");
    user.setEmail(agentEmail);
    identityService.saveUser(user);
    identityService.createMembership(agent, GROUP_SALES_AGENTS);
  }

  @AfterEach
  void noAgent() {
    identityService.clearAuthentication();
    deleteRunningInvitations(runtimeService);
    identityService.deleteUser(agent);
  }

  @Test
  void aRefusedInvitationTellsTheAgentWhyInTheAgentsLanguage() throws Exception {
    identityService.setUserInfo(agent, AgentLanguage.USER_INFO_KEY, "it");
    ProcessInstance instance = startAs(identityService, runtimeService, agent, PROCESS_KEY,
        request("Wide World Importers", "wideworldimporters.onmicrosoft.com", "US", "en").toVariables());
    runDueJobs(managementService, instance);
    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_INVITATION_REFUSED);

    dispatcher.dispatchPending();
    dispatcher.dispatchPending();

    List<MimeMessage> received = receivedBy(agentEmail);
    assertThat(received).hasSize(1);
    MimeMessage mail = received.get(0);
    assertThat(mail.getSubject()).isEqualTo("Richiesta di invito per Wide World Importers respinta");
    assertThat(mail.getHeader("Content-Language")[0]).isEqualTo("it");
    String body = mail.getContent().toString();
    assertThat(body)
        .contains("Alba Rossi")
        .contains("Il paese del cliente è fuori dalla nostra area Cloud Solution Provider")
        .contains("/cases/" + instance.getId())
        .doesNotContain("R9")
        .doesNotContain("/api/invitations/");
  }

  @Test
  void anAlreadyRelatedCustomerIsToldToTheAgentInTheDefaultLanguage() throws Exception {
    ProcessInstance instance = startAs(identityService, runtimeService, agent, PROCESS_KEY,
        request("Proseware", "proseware.onmicrosoft.com", "IT", "it").toVariables());
    runDueJobs(managementService, instance);
    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT_ALREADY_RELATED);

    dispatcher.dispatchPending();

    List<MimeMessage> received = receivedBy(agentEmail);
    assertThat(received).hasSize(1);
    MimeMessage mail = received.get(0);
    assertThat(mail.getSubject()).isEqualTo("Proseware is already our customer");
    assertThat(mail.getHeader("Content-Language")[0]).isEqualTo("en");
    assertThat(mail.getContent().toString())
        .contains("already a reseller customer of")
        .contains("no second relationship was requested")
        .contains("/cases/" + instance.getId());
  }

  private static List<MimeMessage> receivedBy(String recipient) {
    return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> {
      try {
        return Arrays.stream(message.getAllRecipients()).map(Address::toString).anyMatch(recipient::equals);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
