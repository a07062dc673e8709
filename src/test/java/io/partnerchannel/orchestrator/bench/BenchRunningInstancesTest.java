package io.partnerchannel.orchestrator.bench;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.CALL_ACTIVITY_TRACK_INVITATION;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.TASK_AWAIT_CUSTOMER_ACCEPTANCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.invitation.TrackInvitationProcess;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The benchmark's preload of running instances leaves them waiting for their customers, nothing else. */
@SpringBootTest
@ActiveProfiles({"test", "sandbox", BenchProfile.NAME})
class BenchRunningInstancesTest {

  @Autowired BenchRunningInstancesController controller;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;

  @BeforeEach
  void deployBaseline() {
    BaselineModels.deploy(repositoryService);
  }

  @Test
  void invitationsAndBaselineInstancesWaitForTheirCustomers() {
    controller.start(new BenchRunningInstancesController.RunningInstancesRequest(false, "t1", 3));
    controller.start(new BenchRunningInstancesController.RunningInstancesRequest(true, "t1", 2));

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .activityIdIn(CALL_ACTIVITY_TRACK_INVITATION).count()).isEqualTo(3);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(TrackInvitationProcess.PROCESS_KEY)
        .activityIdIn(TASK_AWAIT_CUSTOMER_ACCEPTANCE).count()).isEqualTo(3);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(BenchProfile.BASELINE_PROCESS_KEY)
        .activityIdIn(CALL_ACTIVITY_TRACK_INVITATION).count()).isEqualTo(2);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(BenchProfile.BASELINE_TRACK_PROCESS_KEY)
        .activityIdIn(TASK_AWAIT_CUSTOMER_ACCEPTANCE).count()).isEqualTo(2);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("running-t1-000002.onmicrosoft.com")
        .processDefinitionKey(PROCESS_KEY).count()).isEqualTo(1);
  }

  @Test
  void theirTrackingInstancesAreKeyedByTheTenantAsTheInvitationsAre() {
    controller.start(new BenchRunningInstancesController.RunningInstancesRequest(false, "t2", 2));
    controller.start(new BenchRunningInstancesController.RunningInstancesRequest(true, "t2", 2));

    for (String processKey : List.of(PROCESS_KEY, BenchProfile.BASELINE_PROCESS_KEY)) {
      List<ProcessInstance> invitations = runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
          .processInstanceBusinessKeyLike("running-t2-%").list();
      assertThat(invitations).hasSize(2).allSatisfy(invitation -> {
        Object tenantId = runtimeService.getVariable(invitation.getId(), InvitationVariables.CUSTOMER_TENANT_ID.getName());
        ProcessInstance tracking = runtimeService.createProcessInstanceQuery()
            .superProcessInstanceId(invitation.getId()).singleResult();
        assertThat(tenantId).isNotNull();
        assertThat(tracking.getBusinessKey()).as(processKey + "'s tracking instance").isEqualTo(tenantId);
      });
    }
  }
}
