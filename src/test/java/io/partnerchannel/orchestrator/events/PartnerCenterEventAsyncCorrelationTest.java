package io.partnerchannel.orchestrator.events;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.CALL_ACTIVITY_TRACK_INVITATION;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.TASK_AWAIT_CUSTOMER_ACCEPTANCE;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_RECORD_RELATIONSHIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.partnerchannel.orchestrator.invitation.ResellerRelationshipAcceptedCorrelator;
import io.partnerchannel.orchestrator.invitation.TrackInvitationProcess;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.contract.ContractFixture;
import io.partnerchannel.orchestrator.partnercenter.sandbox.EventSharedSecret;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The webhook is answered once the event is in the inbox (202, PENDING); the correlation runs afterwards on the
 * correlation executor, here one that holds the work until the test runs it, so no timing is involved.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = "pco.events.correlation.threads=1")
@MockitoBean(types = PartnerCenter.class)
class PartnerCenterEventAsyncCorrelationTest {

  static final HeldWork HELD = new HeldWork();

  @TestBean(name = EventCorrelatorConfiguration.EXECUTOR, methodName = "heldWork")
  Executor correlation;

  static Executor heldWork() {
    return HELD;
  }

  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtimeService;
  @Autowired ProcessEngine processEngine;
  @Autowired EventSharedSecret eventSecret;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(processEngine);
  }

  @Test
  void answersBeforeCorrelatingAndCorrelatesAfterwards() throws Exception {
    String tenantId = UUID.randomUUID().toString();
    String domain = "async-" + tenantId.substring(0, 8) + ".example";
    ProcessInstance invitation = runtimeService.createProcessInstanceByKey(PROCESS_KEY)
        .setVariables(Map.of(
            InvitationVariables.COMPANY_NAME.getName(), "Coho Winery",
            InvitationVariables.CUSTOMER_DOMAIN.getName(), domain,
            InvitationVariables.CUSTOMER_TENANT_ID.getName(), tenantId,
            InvitationVariables.CUSTOMER_LANGUAGE.getName(), "sv",
            InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), "admin@" + domain,
            InvitationVariables.ADMIN_ACCESS.getName(), "NONE",
            InvitationVariables.REMINDER_INTERVAL.getName(), "P7D",
            InvitationVariables.EXPIRES_AT.getName(), Date.from(Instant.now().plus(30, ChronoUnit.DAYS))))
        .startBeforeActivity(CALL_ACTIVITY_TRACK_INVITATION)
        .execute();
    String body = ContractFixture.load("partner-center/webhook-events/" + ResellerRelationshipAcceptedCorrelator.EVENT_NAME)
        .request().body().toString()
        .replace(InvitationEventCorrelationTest.DOCUMENTED_CUSTOMER, tenantId)
        .replace(InvitationEventCorrelationTest.DOCUMENTED_CHANGE_DATE, Instant.now().toString());

    mvc.perform(post("/api/partner-center/events").with(TestUsers.sandboxEvent(eventSecret))
            .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("PENDING"));

    assertThat(invitation).isWaitingAt(CALL_ACTIVITY_TRACK_INVITATION)
        .calledProcessInstance(TrackInvitationProcess.PROCESS_KEY).isWaitingAt(TASK_AWAIT_CUSTOMER_ACCEPTANCE);
    HELD.runAll();
    assertThat(invitation).isWaitingAt(TASK_RECORD_RELATIONSHIP);
  }

  /** An executor that keeps the work handed to it until {@link #runAll()}. */
  static final class HeldWork implements Executor {

    private final List<Runnable> held = new ArrayList<>();

    @Override
    public synchronized void execute(Runnable work) {
      held.add(work);
    }

    synchronized void runAll() {
      List<Runnable> work = new ArrayList<>(held);
      held.clear();
      assertThat(work).hasSize(1);
      work.forEach(Runnable::run);
    }
  }
}
