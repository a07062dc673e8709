package io.partnerchannel.orchestrator.routing;

import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.awaitWaitingAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.browser.Browser;
import io.partnerchannel.orchestrator.browser.BrowserTest;
import io.partnerchannel.orchestrator.browser.Browsers;
import io.partnerchannel.orchestrator.browser.CamundaForm;
import io.partnerchannel.orchestrator.browser.Tasklist;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Onboard customer subscriptions" started by a sales agent from its start form in Tasklist (a Camunda Form with a
 * group per subscription), as the REST call does: the instance has the customer, the cloud, the rules and
 * the subscription the agent entered, the agent as requester, and asks the agent to confirm the customer's
 * contact next (A. Datum is not yet a reseller customer). Screenshots:
 * {@code target/screenshots/OnboardingBrowserTest/}.
 */
@BrowserTest
class OnboardingBrowserTest {

  private static final String DATUM = "c0ffee00-0000-4000-8000-000000000004";
  private static final String EA_AZURE = "5b5c0000-0000-4000-8000-000000000005";
  private static final String EA_LICENSES = "5b5c0000-0000-4000-8000-000000000006";

  @RegisterExtension final Browsers browsers = new Browsers();

  @Autowired RuntimeService runtimeService;


  @Test
  void agentStartsTheOnboardingFromItsTasklistStartForm() {
    Browser agent = browsers.open("agent");
    Tasklist tasklist = browsers.tasklist(agent, TestUsers.SALES_AGENT);

    CamundaForm form = tasklist.startProcess("Onboard customer subscriptions");
    assertThat(form.text()).contains("Onboard a customer's subscriptions");
    form.fill("Customer tenant id", DATUM);
    form.choose("Rules", "New commerce, as Partner Center works today");
    assertThat(form.shows("Subscription 2")).as("the next group appears once an id is entered").isFalse();
    form.fill("Subscription id", EA_AZURE);
    form.select("Kind of subscription", "Usage-based (Azure)");
    form.select("Bought from", "Enterprise Agreement (EA)");
    form.fillIn("Subscription 2", "Subscription id", EA_LICENSES);
    form.selectIn("Subscription 2", "Kind of subscription", "Licenses (Microsoft 365, Dynamics 365 and other seat-based offers)");
    form.selectIn("Subscription 2", "Bought from", "Enterprise Agreement (EA)");
    agent.screenshot("onboarding-start-form-filled");
    assertThat(tasklist.submitStartForm()).contains("The process has been started.");
    agent.screenshot("onboarding-started");

    ProcessInstance onboarding = awaitWaitingAt(runtimeService, CustomerSubscriptionOnboardingProcess.PROCESS_KEY,
        DATUM, CustomerSubscriptionOnboardingProcess.TASK_CONFIRM_CUSTOMER_CONTACT, BrowserTest.ENGINE_TIMEOUT);
    Map<String, Object> variables = runtimeService.getVariables(onboarding.getId());
    assertThat(variables)
        .containsEntry(OnboardingVariables.CUSTOMER_TENANT_ID.getName(), DATUM)
        .containsEntry(OnboardingVariables.CLOUD.getName(), "GLOBAL")
        .containsEntry(OnboardingVariables.RULE_SET.getName(), "NEW_COMMERCE")
        .containsEntry(OnboardingVariables.REQUESTER.getName(), TestUsers.SALES_AGENT);
    assertThat(variables.get(OnboardingVariables.SUBSCRIPTIONS.getName())).isEqualTo(List.of(
        Map.of("id", EA_AZURE, "serviceType", "USAGE_BASED", "boughtFrom", "EA"),
        Map.of("id", EA_LICENSES, "serviceType", "LICENSE_BASED", "boughtFrom", "EA")));
    assertThat(variables).doesNotContainKeys("subscription1", "subscription2", "subscription3");
    assertThat(variables.get(OnboardingVariables.CHANNEL_TRANSITIONS.getName()))
        .as("the subscription was routed by the decision table")
        .isInstanceOfSatisfying(Map.class, transitions -> assertThat(transitions).containsKey(EA_AZURE));
  }
}
