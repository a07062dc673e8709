package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.deleteRunningInvitations;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.request;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.runDueJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerchannel.orchestrator.invitation.InvitationView.Reference;
import io.partnerchannel.orchestrator.support.ProcessTest;
import io.partnerchannel.orchestrator.web.ResourceConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "One open invitation per customer domain" is kept by the database ({@code pco_open_invitation}): concurrent
 * starts for one domain give exactly one invitation and nothing else written, and the domain is free again
 * once the invitation ends, however it ends. Runs on H2 and, in the {@code postgres} execution, PostgreSQL.
 */
@ProcessTest
class OpenInvitationsTest {

  private static final int STARTS = 6;

  @Autowired InvitationService invitations;
  @Autowired OpenInvitations openInvitations;
  @Autowired OpenInvitationTable table;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;

  @BeforeEach
  @AfterEach
  void noOpenInvitation() {
    deleteRunningInvitations(runtimeService);
  }

  @Test
  void simultaneousStartsForOneDomainStartExactlyOneInvitation() throws Exception {
    CyclicBarrier together = new CyclicBarrier(STARTS);
    ExecutorService pool = Executors.newFixedThreadPool(STARTS);
    List<Future<Reference>> starts = new ArrayList<>();
    try {
      for (int i = 0; i < STARTS; i++) {
        String spelling = i % 2 == 0 ? "race.onmicrosoft.com" : "RACE.onmicrosoft.com";
        starts.add(pool.submit(() -> {
          together.await();
          return invitations.start(request("Race Ltd", spelling, "IT", "it"), "agent");
        }));
      }
      List<String> started = new ArrayList<>();
      List<ResourceConflictException> refused = new ArrayList<>();
      for (Future<Reference> start : starts) {
        try {
          started.add(start.get().id());
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(ResourceConflictException.class);
          refused.add((ResourceConflictException) e.getCause());
        }
      }

      assertThat(started).hasSize(1);
      assertThat(refused).hasSize(STARTS - 1)
          .allSatisfy(conflict -> assertThat(conflict.getBody().getDetail()).contains("race.onmicrosoft.com"));
      assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("race.onmicrosoft.com")
          .count()).as("a refused start writes nothing").isEqualTo(1);
      assertThat(openInvitations.findByDomain("Race.onmicrosoft.com")).contains(started.get(0));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theDomainIsFreeAgainWhenTheInvitationEnds() {
    String refused = invitations.start(request("Relecloud", "relecloud.partner.onmschina.cn", "CN", "en"), "agent").id();
    runDueJobs(managementService, runtimeService.createProcessInstanceQuery().processInstanceId(refused).singleResult());
    assertThat(invitations.find(refused).status()).isEqualTo(InvitationStatus.REFUSED);

    String again = invitations.start(request("Relecloud", "relecloud.partner.onmschina.cn", "CN", "en"), "agent").id();

    assertThat(openInvitations.findByDomain("relecloud.partner.onmschina.cn")).contains(again);
  }

  @Test
  void theDomainIsFreeAgainWhenTheInvitationIsCancelledSkippingCustomListeners() {
    String first = invitations.start(request("Contoso", "contoso.onmicrosoft.com", "IT", "it"), "agent").id();
    assertThatThrownBy(() -> invitations.start(request("Contoso", "contoso.onmicrosoft.com", "IT", "it"), "agent"))
        .isInstanceOf(ResourceConflictException.class);

    runtimeService.deleteProcessInstance(first, "cancelled in Cockpit", true, true);

    assertThat(table.holder("contoso.onmicrosoft.com")).as("released in the cancelling transaction").isEmpty();
    String second = invitations.start(request("Contoso", "contoso.onmicrosoft.com", "IT", "it"), "agent").id();
    assertThat(table.holder("contoso.onmicrosoft.com")).contains(second);
  }

  @Test
  void aRowLeftByAnEndedInstanceDoesNotBlockTheDomain() {
    assertThat(table.insertIfAbsent("tailspin.onmicrosoft.com", "ended-long-ago")).isTrue();
    assertThat(table.insertIfAbsent("tailspin.onmicrosoft.com", "another")).as("the domain is the key").isFalse();

    String started = invitations.start(request("Tailspin", "tailspin.onmicrosoft.com", "IT", "it"), "agent").id();

    assertThat(table.holder("tailspin.onmicrosoft.com")).contains(started);
  }
}
