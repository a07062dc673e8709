package io.partnerchannel.orchestrator.indirect;

import static io.partnerchannel.orchestrator.indirect.IndirectResellerInvitationProcess.PROCESS_KEY;
import static io.partnerchannel.orchestrator.indirect.IndirectResellerInvitationProcess.TASK_CHECK_INDIRECT_RESELLER;
import static io.partnerchannel.orchestrator.indirect.IndirectResellerInvitationProcess.TASK_DECIDE_INDIRECT_ELIGIBILITY;
import static io.partnerchannel.orchestrator.indirect.IndirectResellerInvitationProcess.TASK_GET_INVITATION_LINK;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_INVITATION_REFUSED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.TASK_DECIDE_ELIGIBILITY;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.partnerchannel.orchestrator.invitation.InvitationTestSupport;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code IndirectResellerInvitation} run by the sandbox's default operating partner, the direct-bill partner
 * Northwind Cloud Solutions (the context of the reseller relationship invitation tests): only an indirect
 * provider may start it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
class IndirectInvitationByDirectBillPartnerTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IndirectInvitationService invitations;

  @BeforeEach
  void setUp() {
    init(processEngine);
    InvitationTestSupport.deleteRunningInvitations(runtimeService);
  }

  @AfterEach
  void tearDown() {
    InvitationTestSupport.deleteRunningInvitations(runtimeService);
  }

  @Test
  void aDirectBillPartnerIsRefusedAndPointedToTheResellerRelationshipInvitation() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY,
        IndirectTestSupport.request("Adatum Corporation", "adatum.onmicrosoft.com", "IT", "it", IndirectRoute.VIA_RESELLER,
            IndirectTestSupport.FOURTH_COFFEE).toVariables());
    InvitationTestSupport.runDueJobs(managementService, instance);

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(TASK_DECIDE_ELIGIBILITY, TASK_CHECK_INDIRECT_RESELLER, TASK_DECIDE_INDIRECT_ELIGIBILITY,
            END_EVENT_INVITATION_REFUSED)
        .hasNotPassed(TASK_GET_INVITATION_LINK)
        .variables()
        .containsEntry(InvitationVariables.INITIATOR_TYPE.getName(), "DIRECT_BILL_PARTNER")
        .containsEntry(IndirectInvitationVariables.RESELLER_PARTNERSHIP_STATE.getName(), "NONE")
        .containsEntry(InvitationVariables.ELIGIBLE.getName(), false);
    Assertions.assertThat(invitations.find(instance.getId()).reason())
        .isEqualTo("Only an indirect provider starts an invitation that its indirect resellers forward; Northwind Cloud"
            + " Solutions is a direct-bill partner: invite the customer with the reseller relationship invitation.");
  }
}
