package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.awaitEndedAt;
import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.awaitWaitingAt;
import static io.partnerchannel.orchestrator.migration.AzureCancelAndRecreateMigrationProcess.END_EVENT_AZURE_SERVICES_MOVED;
import static io.partnerchannel.orchestrator.migration.AzureCancelAndRecreateMigrationProcess.TASK_CHOOSE_WHAT_TO_CANCEL;
import static io.partnerchannel.orchestrator.migration.AzureCancelAndRecreateMigrationProcess.TASK_CONFIRM_OLD_CHANNEL_CANCELLATION;
import static io.partnerchannel.orchestrator.migration.AzureCancelAndRecreateMigrationProcess.TASK_ENTER_SUBSCRIPTION_DETAILS;
import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.DATUM;
import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.DATUM_EA_AZURE;
import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.NORTHWIND;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.browser.Browser;
import io.partnerchannel.orchestrator.browser.BrowserTest;
import io.partnerchannel.orchestrator.browser.Browsers;
import io.partnerchannel.orchestrator.browser.CamundaForm;
import io.partnerchannel.orchestrator.browser.OutboxPage;
import io.partnerchannel.orchestrator.browser.SandboxAdminCenterPage;
import io.partnerchannel.orchestrator.browser.Tasklist;
import io.partnerchannel.orchestrator.invitation.InvitationTestSupport;
import io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Moving A. Datum's EA Azure services to a CSP Azure plan, in a real browser: the onboarding is requested
 * through the REST API (it has no start form), then the sales agent confirms the customer contact in
 * Tasklist, the customer accepts the invitation, and the agent fills "Enter subscription details" (the old EA
 * subscription's services typed in, Partner Center does not show them), "Choose what to cancel", whose checklist
 * Tasklist fills from {@code oldServiceOptions}, and "Confirm cancellation in old channel", ticking what the customer
 * cancelled in the EA portal ({@code cancellationOptions}). Screenshots: {@code target/screenshots/AzureMigrationBrowserTest/}.
 */
@BrowserTest
class AzureMigrationBrowserTest {

  private static final String DOMAIN = "datum.onmicrosoft.com";
  private static final String GLOBAL_ADMIN = "admin@datum.onmicrosoft.com";
  /** The old EA subscription's services as the agent types them, then the options of the checklists. */
  private static final String PRODUCTION = "A. Datum - Production";
  private static final String DEVELOPMENT = "A. Datum - Development and test";
  private static final String ANALYTICS = "A. Datum - Data analytics";

  @RegisterExtension final Browsers browsers = new Browsers();

  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;


  @Test
  void agentMovesEaAzureServicesToACspAzurePlanThroughTheMigrationForms() {
    ResponseEntity<JsonNode> onboarding = TestUsers.http(port).post()
        .uri("/api/onboardings")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("customerTenantId", DATUM, "cloud", "GLOBAL", "ruleSet", "NEW_COMMERCE",
            "subscriptions", List.of(Map.of("id", DATUM_EA_AZURE, "serviceType", "USAGE_BASED", "boughtFrom", "EA"))))
        .retrieve()
        .toEntity(JsonNode.class);
    assertThat(onboarding.getStatusCode()).isEqualTo(HttpStatus.CREATED);

    Browser agent = browsers.open("agent");
    Tasklist tasklist = browsers.tasklist(agent, TestUsers.SALES_AGENT);
    agent.until(driver -> tasklist.showTasks().contains("Confirm customer contact"));
    CamundaForm contact = tasklist.openTask("Confirm customer contact");
    assertThat(contact.value("Customer domain")).isEqualTo(DOMAIN);
    assertThat(contact.value("Customer company")).isEqualTo("A. Datum Enterprise");
    contact.fill("Customer company", "A. Datum Enterprise");
    contact.fill("Country (ISO 3166 alpha-2, e.g. GB)", "GB");
    contact.select("Language of the invitation e-mail", "English");
    contact.fill("Customer Global admin e-mail", GLOBAL_ADMIN);
    contact.fill("Message to the customer (optional)", "Welcome to Northwind's CSP Azure plan.");
    agent.screenshot("confirm-customer-contact");
    tasklist.completeTask();

    ProcessInstance invitation = awaitWaitingAt(runtimeService, ResellerRelationshipInvitationProcess.PROCESS_KEY,
        DOMAIN, ResellerRelationshipInvitationProcess.CALL_ACTIVITY_TRACK_INVITATION, BrowserTest.ENGINE_TIMEOUT);
    assertThat(runtimeService.getVariables(invitation.getId()))
        .containsEntry("companyName", "A. Datum Enterprise")
        .containsEntry("customerCountry", "GB")
        .containsEntry("customerLanguage", "en")
        .containsEntry("globalAdminEmail", GLOBAL_ADMIN)
        .containsEntry("message", "Welcome to Northwind's CSP Azure plan.");

    Browser customer = browsers.open("customer");
    OutboxPage.Mail mail = OutboxPage.openFor(customer, browsers.baseUrl(), GLOBAL_ADMIN,
            TestUsers.SALES_AGENT, TestUsers.PASSWORD)
        .open("Northwind Cloud Solutions invites A. Datum Enterprise to a reseller relationship");
    mail.click("Review and accept the invitation");
    SandboxAdminCenterPage adminCenter = new SandboxAdminCenterPage(customer);
    adminCenter.signInAnd(GLOBAL_ADMIN, "Sandbox!Admin1", "Accept and authorize");
    assertThat(adminCenter.heading()).isEqualTo("Reseller relationship accepted");

    ProcessInstance migration = awaitWaitingAt(runtimeService, AzureCancelAndRecreateMigrationProcess.PROCESS_KEY,
        DATUM_EA_AZURE, TASK_ENTER_SUBSCRIPTION_DETAILS, BrowserTest.ENGINE_TIMEOUT);
    String newAzure =
        MigrationVariables.NEW_AZURE_SUBSCRIPTION_ID.from(runtimeService, migration.getId()).get();
    agent.until(driver -> tasklist.showTasks().contains("Enter subscription details"));
    CamundaForm details = tasklist.openTask("Enter subscription details");
    assertThat(details.value("Old subscription (other channel)")).isEqualTo(DATUM_EA_AZURE);
    assertThat(details.value("Azure plan in Partner Center")).isNotBlank();
    assertThat(details.value("New Azure subscription id")).isEqualTo(newAzure);
    details.select("Old channel", "Enterprise Agreement (EA)");
    details.fill("Azure services of the old subscription recreated in the new one (one per line, as the old channel names them)",
        PRODUCTION + "\n" + DEVELOPMENT + "\n" + ANALYTICS);
    details.fill("New subscription name", "Datum workloads");
    details.fill("Owner of the new subscription (e-mail)", "oliver.smith@datum.example");
    details.fill("Resource group mapping (optional, one per line: old resource group -> new resource group)",
        "rg-prod -> rg-prod-csp");
    agent.screenshot("enter-subscription-details");
    tasklist.completeTask();

    awaitWaitingAt(runtimeService, AzureCancelAndRecreateMigrationProcess.PROCESS_KEY, DATUM_EA_AZURE,
        TASK_CHOOSE_WHAT_TO_CANCEL, BrowserTest.ENGINE_TIMEOUT);
    agent.until(driver -> tasklist.showTasks().contains("Choose what to cancel"));
    CamundaForm cancel = tasklist.openTask("Choose what to cancel");
    assertThat(cancel.value("New Azure subscription")).isEqualTo(newAzure);
    assertThat(cancel.shows("Services to cancel")).isFalse();
    cancel.choose("Cancel", "Individual services of the old subscription");
    cancel.check("Services to cancel", PRODUCTION);
    cancel.check("Services to cancel", DEVELOPMENT);
    assertThat(cancel.value("Cancellation reason (for the customer's cancellation in the old channel)"))
        .isEqualTo("Moved to a CSP Azure subscription");
    agent.screenshot("choose-what-to-cancel");
    tasklist.completeTask();

    awaitWaitingAt(runtimeService, AzureCancelAndRecreateMigrationProcess.PROCESS_KEY, DATUM_EA_AZURE,
        TASK_CONFIRM_OLD_CHANNEL_CANCELLATION, BrowserTest.ENGINE_TIMEOUT);
    agent.until(driver -> tasklist.showTasks().contains("Confirm cancellation in old channel"));
    CamundaForm confirm = tasklist.openTask("Confirm cancellation in old channel");
    assertThat(confirm.value("Old channel")).isEqualTo("EA");
    confirm.check("Cancelled by the customer", PRODUCTION);
    confirm.check("Cancelled by the customer", DEVELOPMENT);
    confirm.fill("How and when the customer confirmed", "Oliver Smith by e-mail: cancelled in the EA portal");
    agent.screenshot("confirm-cancellation-in-old-channel");
    tasklist.completeTask();

    awaitEndedAt(historyService, migration, END_EVENT_AZURE_SERVICES_MOVED, BrowserTest.ENGINE_TIMEOUT);
    assertThat(historicVariable(migration, MigrationVariables.NEW_SUBSCRIPTION_NAME.getName())).isEqualTo("Datum workloads");
    assertThat(historicVariable(migration, MigrationVariables.SUBSCRIPTION_OWNER.getName()))
        .isEqualTo("oliver.smith@datum.example");
    assertThat(historicVariable(migration, MigrationVariables.RESOURCE_GROUP_MAPPING.getName()))
        .isEqualTo("rg-prod -> rg-prod-csp");
    assertThat(historicVariable(migration, MigrationVariables.MOVED_SERVICES.getName()))
        .asInstanceOf(InstanceOfAssertFactories.LIST).containsExactly(PRODUCTION, DEVELOPMENT, ANALYTICS);
    assertThat(historicVariable(migration, MigrationVariables.CANCELLATION_SCOPE.getName())).isEqualTo("SELECTED_SERVICES");
    assertThat(historicVariable(migration, MigrationVariables.SERVICES_TO_CANCEL.getName()))
        .asInstanceOf(InstanceOfAssertFactories.LIST).containsExactlyInAnyOrder(PRODUCTION, DEVELOPMENT);
    assertThat(MigrationVariables.strings(Optional.of(
            Spin.JSON(String.valueOf(historicVariable(migration, MigrationVariables.CANCELLED_SERVICES.getName()))))))
        .containsExactlyInAnyOrder(PRODUCTION, DEVELOPMENT);
    assertThat(tasklist.showTasks()).isEmpty();

    // The walkthrough's last step (docs/walkthroughs.md, "Migration walkthrough"): what the onboarding, the sandbox
    // and the migration's record show.
    JsonNode routed = TestUsers.http(port).get()
        .uri("/api/onboardings/{id}", onboarding.getBody().get("id").asText())
        .retrieve()
        .body(JsonNode.class);
    assertThat(routed.at("/subscriptions/0/route").asText()).isEqualTo("CANCEL_AND_RECREATE");
    assertThat(routed.at("/subscriptions/0/process/processDefinitionKey").asText())
        .isEqualTo(AzureCancelAndRecreateMigrationProcess.PROCESS_KEY);
    JsonNode datum = TestUsers.anonymous(port).get()
        .uri("/sandbox/tenants?domain={domain}", DOMAIN)
        .retrieve()
        .body(JsonNode.class)
        .get(0);
    assertThat(datum.get("partners")).as("the reseller relationship")
        .anySatisfy(partner -> assertThat(partner.get("partnerId").asText()).isEqualTo(NORTHWIND));
    assertThat(datum.get("subscriptions")).anySatisfy(subscription -> {
      assertThat(subscription.get("channel").asText()).isEqualTo("CSP_PARTNER");
      assertThat(subscription.get("sellerPartnerId").asText()).isEqualTo(NORTHWIND);
      assertThat(subscription.get("friendlyName").asText()).startsWith("Azure plan");
    });
    assertThat(datum.get("subscriptions")).as("neither the sandbox nor Partner Center sees the EA portal")
        .anySatisfy(subscription -> {
          assertThat(subscription.get("id").asText()).isEqualTo(DATUM_EA_AZURE);
          assertThat(subscription.get("status").asText()).isEqualTo("active");
        });
    assertThat((String) historicVariable(migration, MigrationVariables.COEXISTENCE.getName()))
        .contains(newAzure, "\"Datum workloads\"", "owner oliver.smith@datum.example", PRODUCTION, DEVELOPMENT)
        .doesNotContain(ANALYTICS);
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    return InvitationTestSupport.historicVariable(historyService, instance, name);
  }
}
