package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.deleteRunningInvitations;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.request;
import static io.partnerchannel.orchestrator.support.ProcessJobs.runDueJobs;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_ALREADY_RELATED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * History does not grow without bound: an invitation's history is removed by Camunda's history cleanup
 * once its history time to live (P180D) has passed since it ended, and the cleanup runs only in the
 * configured nightly window (application.yaml). Runs in an application context of its own, because the
 * cleanup removes every expired instance of the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pco.test.context=history-cleanup")
@ActiveProfiles("test")
class InvitationHistoryCleanupTest {

  @Autowired InvitationService invitations;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired ProcessEngineConfigurationImpl configuration;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    deleteRunningInvitations(runtimeService);
  }

  @Test
  void cleanupRunsInTheNightlyWindowAndRemovesByRemovalTime() {
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(historyService.findHistoryCleanupJobs()).as("scheduled at start for the window").isNotEmpty();
  }

  @Test
  void anEndedInvitationsHistoryIsRemovedOnceItsTimeToLiveHasPassed() {
    String id = invitations.start(request("Proseware", "proseware.onmicrosoft.com", "IT", "it"), null).id();
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    runDueJobs(managementService, instance);
    HistoricProcessInstance ended = historic(id);
    assertThat(ended.getEndActivityId()).isEqualTo(END_EVENT_ALREADY_RELATED);
    Instant endedAt = ended.getEndTime().toInstant();
    assertThat(ended.getRemovalTime().toInstant()).isEqualTo(endedAt.plus(Duration.ofDays(180)));

    cleanUpAt(endedAt.plus(Duration.ofDays(179)));
    assertThat(historic(id)).as("kept within its time to live").isNotNull();

    cleanUpAt(endedAt.plus(Duration.ofDays(181)));
    assertThat(historic(id)).as("removed after its time to live").isNull();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(id).count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(id).count()).isZero();
  }

  /** Runs the history cleanup job at the given time, as the job executor would inside the window. */
  private void cleanUpAt(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
    Job cleanup = historyService.cleanUpHistoryAsync(true);
    managementService.executeJob(cleanup.getId());
  }

  private HistoricProcessInstance historic(String id) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
  }
}
