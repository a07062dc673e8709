package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.GLOBAL_READER;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.NORTHWIND;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.USER_ADMINISTRATOR;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.awaitEndedAt;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.awaitWaitingAt;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.EXPIRES_AT;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.BOUNDARY_EVENT_INVITATION_EXPIRED;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.BOUNDARY_EVENT_REMINDER_DUE;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_RELATIONSHIP_ESTABLISHED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.CALL_ACTIVITY_TRACK_INVITATION;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.TASK_AWAIT_CUSTOMER_ACCEPTANCE;
import static io.partnerchannel.orchestrator.invitation.TrackInvitationProcess.TASK_FOLLOW_UP_WITH_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.partnerchannel.orchestrator.browser.Browser;
import io.partnerchannel.orchestrator.browser.BrowserTest;
import io.partnerchannel.orchestrator.browser.Browsers;
import io.partnerchannel.orchestrator.browser.CamundaForm;
import io.partnerchannel.orchestrator.browser.Cockpit;
import io.partnerchannel.orchestrator.browser.OutboxPage;
import io.partnerchannel.orchestrator.browser.SandboxAdminCenterPage;
import io.partnerchannel.orchestrator.browser.Tasklist;
import io.partnerchannel.orchestrator.security.AdminUserInitializer;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.openqa.selenium.By;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reseller relationship invitation as people do it, in a real browser: a sales agent starts it from the
 * start form in Tasklist, the customer's Global admin reads the e-mail in the outbox and accepts in the
 * sandbox admin center, operations watch it in Cockpit; and the agent completes "Follow up with customer"
 * through its form. Each step asserts on what the page shows and, where a form submitted something, on the
 * variables the engine received under the forms' keys.
 *
 * <p>Screenshots of every step: {@code target/screenshots/InvitationBrowserTest/}. Further processes' forms
 * (indirect reseller "Forward invitation to customer", migration "Enter subscription details" / "Choose what
 * to cancel") get a test class like this one, annotated {@link BrowserTest}, driving {@link Tasklist} and
 * {@link CamundaForm} by their labels.
 */
@BrowserTest
class InvitationBrowserTest {

  private static final String PROCESS_NAME = "Reseller relationship invitation";
  private static final String FOLLOW_UP_TASK = "Follow up with customer";
  /** The sandbox's seeded demo sales agent (member of {@code sales-agents}), Sofia Romano. */
  private static final String AGENT = TestUsers.SALES_AGENT;
  private static final String AGENT_PASSWORD = TestUsers.PASSWORD;
  private static final String AGENT_EMAIL = "sofia.romano@partner.example";
  private static final String ADMIN_NAME = "Orchestrator Administrator";
  private static final String SANDBOX_ADMIN_PASSWORD = "Sandbox!Admin1";

  @RegisterExtension final Browsers browsers = new Browsers();

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;

  @Test
  void agentInvitesFromTasklistCustomerAcceptsAndCockpitShowsTheInstanceCompleted() {
    Browser agent = browsers.open("agent");
    Tasklist tasklist = browsers.tasklist(agent, AGENT);
    agent.screenshot("tasklist-logged-in");

    CamundaForm form = tasklist.startProcess(PROCESS_NAME);
    assertThat(form.text()).contains("Request a reseller relationship");
    assertThat(form.shows("GDAP roles")).isFalse();
    fillCustomer(form, "Adatum Corporation", "adatum.onmicrosoft.com", "IT", "Italiano");
    form.choose("Admin access", "Reseller relationship only");
    form.fill("Message to the customer", "Benvenuti in Northwind!");
    agent.screenshot("start-form-filled");
    assertThat(tasklist.submitStartForm()).contains("The process has been started.");
    agent.screenshot("invitation-started");

    ProcessInstance instance = awaitWaitingForCustomer("adatum.onmicrosoft.com");
    assertThat(runtimeService.getVariables(instance.getId()))
        .containsEntry("companyName", "Adatum Corporation")
        .containsEntry("customerDomain", "adatum.onmicrosoft.com")
        .containsEntry("customerCountry", "IT")
        .containsEntry("customerLanguage", "it")
        .containsEntry("globalAdminEmail", "admin@adatum.onmicrosoft.com")
        .containsEntry("adminAccess", "NONE")
        .containsEntry("message", "Benvenuti in Northwind!")
        .containsEntry("requester", AGENT);

    Browser operator = browsers.open("operator");
    Cockpit cockpit = new Cockpit(operator, browsers.baseUrl(), processEngine.getName());
    cockpit.logIn(AdminUserInitializer.ADMIN_USER_ID, BrowserTest.ADMIN_PASSWORD, ADMIN_NAME);
    assertThat(cockpit.runningInstancesOnProcessesPage(PROCESS_NAME)).isEqualTo(1);
    assertThat(cockpit.openProcessDefinition(PROCESS_NAME)).isEqualTo(1);
    assertThat(cockpit.listsProcessInstance(instance.getId())).isTrue();
    assertThat(cockpit.runningInstancesAt(CALL_ACTIVITY_TRACK_INVITATION)).isEqualTo(1);
    operator.screenshot("cockpit-invitation-waiting-for-customer");

    Browser customer = browsers.open("customer");
    // The outbox stands in for the customer's mailbox; reading it takes a sign-in as an orchestrator user.
    OutboxPage outbox =
        OutboxPage.openFor(customer, browsers.baseUrl(), "admin@adatum.onmicrosoft.com", AGENT, AGENT_PASSWORD);
    OutboxPage.Mail invitation =
        outbox.open("Northwind Cloud Solutions invita Adatum Corporation a una relazione di rivenditore");
    assertThat(invitation.header("To")).isEqualTo("admin@adatum.onmicrosoft.com");
    assertThat(invitation.header("Language")).isEqualTo("it");
    assertThat(invitation.header("Process instance")).isEqualTo(instance.getId());
    assertThat(invitation.body()).contains("Invito a una relazione di rivenditore", "Benvenuti in Northwind!");
    customer.screenshot("invitation-email");
    invitation.click("Esamina e accetta l’invito");

    SandboxAdminCenterPage adminCenter = new SandboxAdminCenterPage(customer);
    assertThat(customer.currentUrl())
        .startsWith(browsers.baseUrl() + "/sandbox/admin-center/Adminportal/Home?invType=ResellerRelationship")
        .contains("partnerId=" + NORTHWIND);
    assertThat(adminCenter.heading()).isEqualTo("Accept partnership with Northwind Cloud Solutions");
    customer.screenshot("admin-center-invitation");
    adminCenter.signInAnd("admin@adatum.onmicrosoft.com", SANDBOX_ADMIN_PASSWORD, "Accept and authorize");
    assertThat(adminCenter.heading()).isEqualTo("Reseller relationship accepted");
    assertThat(adminCenter.text()).contains("Adatum Corporation accepted Northwind Cloud Solutions as its reseller.");
    customer.screenshot("admin-center-accepted");

    awaitEndedAt(historyService, instance, END_EVENT_RELATIONSHIP_ESTABLISHED, BrowserTest.ENGINE_TIMEOUT);
    assertThat(historyService.createHistoricProcessInstanceQuery()
            .processInstanceId(instance.getId())
            .completed()
            .count())
        .isEqualTo(1);

    OutboxPage agentMail = OutboxPage.openFor(agent, browsers.baseUrl(), AGENT_EMAIL, AGENT, AGENT_PASSWORD);
    agent.until(driver -> {
      driver.navigate().refresh();
      return agentMail.lists("Reseller relationship with Adatum Corporation established");
    });

    assertThat(cockpit.runningInstancesOnProcessesPage(PROCESS_NAME)).isZero();
    assertThat(cockpit.openProcessDefinition(PROCESS_NAME)).isZero();
    assertThat(cockpit.listsProcessInstance(instance.getId())).isFalse();
    operator.screenshot("cockpit-no-invitation-running");
    assertThat(cockpit.openFinishedProcessInstance(instance.getId()))
        .contains("Process instance with ID " + instance.getId() + " has been completed");
    operator.screenshot("cockpit-invitation-completed");
  }

  @Test
  void agentExtendsTheInvitationThroughTheFollowUpTaskForm() {
    Browser agent = browsers.open("agent");
    Tasklist tasklist = browsers.tasklist(agent, AGENT);

    CamundaForm form = tasklist.startProcess(PROCESS_NAME);
    fillCustomer(form, "Coho Winery", "cohowinery.onmicrosoft.com", "SE", "Svenska");
    form.choose("Admin access", "GDAP: granular delegated admin roles, requested after acceptance");
    assertThat(form.shows("GDAP roles")).isTrue();
    form.check("GDAP roles", "Global Reader");
    form.check("GDAP roles", "User Administrator");
    assertThat(form.value("GDAP duration")).isEqualTo("P730D");
    form.fill("GDAP duration", "P365D");
    form.fill("Message to the customer", "Välkommen!");
    agent.screenshot("start-form-with-gdap-filled");
    assertThat(tasklist.submitStartForm()).contains("The process has been started.");

    ProcessInstance instance = awaitWaitingForCustomer("cohowinery.onmicrosoft.com");
    Map<String, Object> started = runtimeService.getVariables(instance.getId());
    assertThat(started)
        .containsEntry("companyName", "Coho Winery")
        .containsEntry("customerCountry", "SE")
        .containsEntry("customerLanguage", "sv")
        .containsEntry("adminAccess", "GDAP")
        .containsEntry("gdapDuration", "P365D")
        .containsEntry("message", "Välkommen!");
    assertThat(InvitationVariables.GDAP_ROLES.from(runtimeService, instance.getId()))
        .containsExactly(GLOBAL_READER, USER_ADMINISTRATOR);

    // A week passes without an answer: the reminder timer falls due now instead of in seven days.
    Date expiresAt = EXPIRES_AT.from(runtimeService, instance.getId()).getOrNull();
    String tracking = tracking(instance);
    Job reminder = timer(instance, BOUNDARY_EVENT_REMINDER_DUE);
    managementService.setJobDuedate(reminder.getId(), new Date());
    Task followUp =
        await("follow-up task of " + instance.getId())
            .atMost(BrowserTest.ENGINE_TIMEOUT)
            .until(() -> taskService.createTaskQuery()
                .processInstanceId(tracking)
                .taskDefinitionKey(TASK_FOLLOW_UP_WITH_CUSTOMER)
                .singleResult(), task -> task != null);
    assertThat(followUp.getAssignee()).isEqualTo(AGENT);

    assertThat(tasklist.showTasks()).containsExactly(FOLLOW_UP_TASK);
    agent.screenshot("tasklist-follow-up-listed");
    CamundaForm decision = tasklist.openTask(FOLLOW_UP_TASK);
    assertThat(agent.currentUrl()).contains("task=" + followUp.getId());
    assertThat(decision.value("Customer company")).isEqualTo("Coho Winery");
    assertThat(decision.value("Customer domain")).isEqualTo("cohowinery.onmicrosoft.com");
    assertThat(decision.value("Invitation link"))
        .startsWith(browsers.baseUrl() + "/sandbox/admin-center/Adminportal/Home?invType=ResellerRelationship");
    assertThat(decision.value("Follow-up ends at (the link itself does not expire)"))
        .startsWith(new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss").format(expiresAt));
    assertThat(decision.shows("Extend by (days)")).isFalse();
    decision.choose("Decision", "Extend the invitation");
    assertThat(decision.shows("Extend by (days)")).isTrue();
    assertThat(decision.value("Extend by (days)")).isEqualTo("14");
    decision.fill("Extend by (days)", "21");
    agent.screenshot("follow-up-extend-by-21-days");
    tasklist.completeTask();
    assertThat(tasklist.showTasks()).isEmpty();
    agent.screenshot("tasklist-follow-up-done");

    Date extended = new Date(expiresAt.getTime() + Duration.ofDays(21).toMillis());
    await("invitation " + instance.getId() + " extended")
        .atMost(BrowserTest.ENGINE_TIMEOUT)
        .until(() -> extended.equals(EXPIRES_AT.from(runtimeService, instance.getId()).getOrNull()));
    assertThat(trackingVariable(tracking, "followUpDecision")).isEqualTo("EXTEND");
    assertThat(trackingVariable(tracking, "extendByDays"))
        .isInstanceOfSatisfying(Number.class, days -> assertThat(days.longValue()).isEqualTo(21));
    assertThat(timer(instance, BOUNDARY_EVENT_INVITATION_EXPIRED).getDuedate()).isEqualTo(extended);
    assertThat(taskService.createTaskQuery().taskId(followUp.getId()).count()).isZero();
    assertThat(runtimeService.getActiveActivityIds(instance.getId())).contains(CALL_ACTIVITY_TRACK_INVITATION);
    assertThat(runtimeService.getActiveActivityIds(tracking(instance)))
        .as("Track invitation entered again").contains(TASK_AWAIT_CUSTOMER_ACCEPTANCE);
    assertThat(managementService.createJobQuery().rootProcessInstanceId(instance.getId()).withException().count())
        .isZero();
  }

  /**
   * The start form offers only the languages the e-mails are written in and shows no rule ids, and a refused Start
   * does not leave it stuck: GDAP without a role is refused in words, and after switching back to "Reseller
   * relationship only" Start starts. (A field shown only for GDAP carries no form-side check: form-js keeps a hidden
   * field's error, which kept Tasklist's Start disabled.)
   */
  @Test
  void startFormOffersTheMailLanguagesAndStartsAfterARefusedStart() {
    Browser agent = browsers.open("agent");
    Tasklist tasklist = browsers.tasklist(agent, AGENT);

    CamundaForm form = tasklist.startProcess(PROCESS_NAME);
    assertThat(form.options("Language of the e-mails")).containsExactly("English", "Italiano", "Português", "Svenska");
    fillCustomer(form, "Bellows College", "bellowscollege.onmicrosoft.com", "GB", "English");
    form.choose("Admin access", "GDAP: granular delegated admin roles, requested after acceptance");
    assertThat(form.text()).doesNotContainPattern("\\bR\\d+\\b");
    assertThat(tasklist.submitStartForm())
        .contains("gdapRoles must name at least one Entra role definition id when adminAccess is GDAP");
    agent.screenshot("gdap-without-role-refused");

    form.choose("Admin access", "Reseller relationship only");
    agent.screenshot("back-to-reseller-relationship-only");
    tasklist.submitStartForm();
    // The refusal's notification may still show: wait for the start's own.
    agent.until(driver -> driver.findElements(By.cssSelector(".notifications .alert")).stream()
        .anyMatch(notification -> notification.getText().contains("The process has been started.")));
    ProcessInstance instance = awaitWaitingForCustomer("bellowscollege.onmicrosoft.com");
    Map<String, Object> started = runtimeService.getVariables(instance.getId());
    assertThat(started).containsEntry("adminAccess", "NONE").containsEntry("customerLanguage", "en");
    assertThat(InvitationVariables.GDAP_ROLES.from(runtimeService, instance.getId())).as("the hidden GDAP roles are not sent").isEmpty();
  }

  /** Fills the start form's customer fields; the Global admin is {@code admin@<domain>}, as in the sandbox. */
  private static void fillCustomer(CamundaForm form, String company, String domain, String country, String language) {
    form.fill("Customer company", company);
    form.fill("Customer domain", domain);
    form.fill("Customer country", country);
    form.select("Language of the e-mails", language);
    form.fill("Customer Global admin e-mail", "admin@" + domain);
  }

  private ProcessInstance awaitWaitingForCustomer(String domain) {
    return awaitWaitingAt(
        runtimeService, PROCESS_KEY, domain, CALL_ACTIVITY_TRACK_INVITATION, BrowserTest.ENGINE_TIMEOUT);
  }

  /** @return the id of the running "Track invitation" instance the invitation called */
  private String tracking(ProcessInstance instance) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult().getId();
  }

  /** @return a variable's last value in an instance of "Track invitation", also after it ended */
  private Object trackingVariable(String trackingId, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(trackingId).variableName(name)
        .singleResult().getValue();
  }

  /** @return the timer of the invitation or of the "Track invitation" instance it called */
  private Job timer(ProcessInstance instance, String activityId) {
    return managementService.createJobQuery()
        .rootProcessInstanceId(instance.getId())
        .activityId(activityId)
        .timers()
        .singleResult();
  }
}
