package io.partnerchannel.orchestrator.indirect;

import static io.partnerchannel.orchestrator.indirect.IndirectResellerInvitationProcess.PROCESS_KEY;
import static io.partnerchannel.orchestrator.indirect.IndirectResellerInvitationProcess.TASK_FORWARD_INVITATION;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.FOURTH_COFFEE;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.TAILSPIN;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.awaitEndedAt;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.awaitWaitingAt;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.historicVariable;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_RELATIONSHIP_ESTABLISHED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.CALL_ACTIVITY_TRACK_INVITATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.browser.Browser;
import io.partnerchannel.orchestrator.browser.BrowserTest;
import io.partnerchannel.orchestrator.browser.Browsers;
import io.partnerchannel.orchestrator.browser.CamundaForm;
import io.partnerchannel.orchestrator.browser.OutboxPage;
import io.partnerchannel.orchestrator.browser.SandboxAdminCenterPage;
import io.partnerchannel.orchestrator.browser.Tasklist;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.support.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The indirect provider's invitation through an indirect reseller, in a real browser: the provider's sales agent
 * starts it from its start form in Tasklist, the reseller's staff forwards it through the "Forward invitation
 * to customer" form, the customer reads the e-mail sent in the reseller's name and accepts in the sandbox admin
 * center. The application runs as the sandbox's indirect provider Tailspin Distribution, whose indirect reseller
 * Fourth Coffee IT forwards. Screenshots: {@code target/screenshots/IndirectInvitationBrowserTest/}.
 */
@BrowserTest
@TestPropertySource(properties = {"pco.partner.tenant-id=" + TAILSPIN, "pco.partner.cloud=GLOBAL"})
class IndirectInvitationBrowserTest {

  private static final String PROCESS_NAME = "Indirect reseller invitation";
  private static final String FORWARD_TASK = "Forward invitation to customer";

  @RegisterExtension final Browsers browsers = new Browsers();

  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;

  @Test
  void providerInvitesThroughItsResellerWhoForwardsAndTheCustomerAccepts() {
    Browser agent = browsers.open("provider-agent");
    Tasklist providerTasklist = browsers.tasklist(agent, TestUsers.SALES_AGENT);
    CamundaForm request = providerTasklist.startProcess(PROCESS_NAME);
    request.choose("Route", "Through one of my indirect resellers, who forwards the invitation");
    assertThat(request.shows("Indirect reseller (tenant id)")).isTrue();
    request.fill("Indirect reseller (tenant id)", FOURTH_COFFEE);
    request.fill("Customer company", "Bellows College");
    request.fill("Customer domain", "bellowscollege.onmicrosoft.com");
    request.fill("Customer country", "PT");
    request.select("Language of the e-mails", "Português");
    request.fill("Customer Global admin e-mail", "admin@bellowscollege.onmicrosoft.com");
    request.choose("Admin access", "Reseller relationship only");
    request.fill("Message to the customer", "Bem-vindos!");
    agent.screenshot("indirect-start-form-filled");
    assertThat(providerTasklist.submitStartForm()).contains("The process has been started.");

    ProcessInstance instance =
        awaitWaitingAt(runtimeService, PROCESS_KEY, "bellowscollege.onmicrosoft.com", TASK_FORWARD_INVITATION,
            BrowserTest.ENGINE_TIMEOUT);
    assertThat(runtimeService.getVariables(instance.getId()))
        .containsEntry(IndirectInvitationVariables.ROUTE.getName(), "VIA_RESELLER")
        .containsEntry(IndirectInvitationVariables.RESELLER_TENANT_ID.getName(), FOURTH_COFFEE)
        .containsEntry("companyName", "Bellows College")
        .containsEntry("customerCountry", "PT")
        .containsEntry("customerLanguage", "pt")
        .containsEntry("globalAdminEmail", "admin@bellowscollege.onmicrosoft.com")
        .containsEntry("adminAccess", "NONE")
        .containsEntry("message", "Bem-vindos!")
        .containsEntry("requester", TestUsers.SALES_AGENT);
    Task forward = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

    Browser reseller = browsers.open("reseller");
    Tasklist resellerTasklist = browsers.tasklist(reseller, TestUsers.FOURTH_COFFEE_STAFF);
    assertThat(resellerTasklist.showTasks()).containsExactly(FORWARD_TASK);
    CamundaForm forwardForm = resellerTasklist.openTask(FORWARD_TASK);
    assertThat(reseller.currentUrl()).contains("task=" + forward.getId());
    resellerTasklist.claimTask();
    assertThat(forwardForm.value("Customer company")).isEqualTo("Bellows College");
    assertThat(forwardForm.value("Customer domain")).isEqualTo("bellowscollege.onmicrosoft.com");
    assertThat(forwardForm.value("Customer country")).isEqualTo("PT");
    assertThat(forwardForm.value("Customer Global admin e-mail")).isEqualTo("admin@bellowscollege.onmicrosoft.com");
    assertThat(forwardForm.value("Indirect provider")).isEqualTo("Tailspin Distribution");
    assertThat(forwardForm.value("Invitation link"))
        .contains("invType=IndirectResellerRelationship&partnerId=" + TAILSPIN)
        .contains("indirectCSPId=" + FOURTH_COFFEE);
    assertThat(forwardForm.value("Provider's message to the customer")).isEqualTo("Bem-vindos!");
    assertThat(forwardForm.shows("Why do you decline?")).isFalse();
    forwardForm.choose("Decision", "Forward the invitation to the customer in our name");
    reseller.screenshot("forward-invitation-form");
    resellerTasklist.completeTask();
    assertThat(resellerTasklist.showTasks()).isEmpty();

    awaitWaitingAt(runtimeService, PROCESS_KEY, "bellowscollege.onmicrosoft.com", CALL_ACTIVITY_TRACK_INVITATION,
        BrowserTest.ENGINE_TIMEOUT);
    assertThat(runtimeService.getVariables(instance.getId()))
        .containsEntry(IndirectInvitationVariables.FORWARD_DECISION.getName(), "FORWARD")
        .containsEntry(IndirectInvitationVariables.FORWARDED_BY.getName(), TestUsers.FOURTH_COFFEE_STAFF);

    Browser customer = browsers.open("customer");
    // The outbox stands in for the customer's mailbox; reading it takes a sign-in as an orchestrator user.
    OutboxPage.Mail invitation =
        OutboxPage.openFor(customer, browsers.baseUrl(), "admin@bellowscollege.onmicrosoft.com",
                TestUsers.SALES_AGENT, TestUsers.PASSWORD)
            .open("Fourth Coffee IT convida Bellows College para uma relação de revendedor "
                + "com Tailspin Distribution");
    assertThat(invitation.header("Language")).isEqualTo("pt");
    assertThat(invitation.body()).contains("Bem-vindos!");
    customer.screenshot("indirect-invitation-email");
    invitation.click("Rever e aceitar o convite");

    SandboxAdminCenterPage adminCenter = new SandboxAdminCenterPage(customer);
    assertThat(adminCenter.heading()).isEqualTo("Accept partnership with Tailspin Distribution");
    assertThat(adminCenter.text()).contains("Fourth Coffee IT");
    customer.screenshot("admin-center-indirect-invitation");
    adminCenter.signInAnd("admin@bellowscollege.onmicrosoft.com", "Sandbox!Admin1", "Accept and authorize");
    assertThat(adminCenter.text()).contains(
        "Bellows College accepted Tailspin Distribution as its reseller, "
            + "through its indirect reseller Fourth Coffee IT.");

    awaitEndedAt(historyService, instance, END_EVENT_RELATIONSHIP_ESTABLISHED, BrowserTest.ENGINE_TIMEOUT);
    assertThat(historicVariable(historyService, instance, InvitationVariables.ASSOCIATED_PARTNER_ID.getName()))
        .isEqualTo(FOURTH_COFFEE);
  }
}
