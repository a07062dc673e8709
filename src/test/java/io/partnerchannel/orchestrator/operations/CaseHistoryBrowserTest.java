package io.partnerchannel.orchestrator.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.browser.Browser;
import io.partnerchannel.orchestrator.browser.BrowserTest;
import io.partnerchannel.orchestrator.browser.Browsers;
import io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * The case history page as a sales agent opens it, signed in to Tasklist in the same browser: a refused and an
 * already-related invitation are listed with their outcome and reason, the outcome filter narrows the list, and
 * the refused case's page shows its steps. Screenshots: {@code target/screenshots/CaseHistoryBrowserTest/}.
 */
@BrowserTest
class CaseHistoryBrowserTest {

  @RegisterExtension final Browsers browsers = new Browsers();

  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  @Test
  void theAgentSeesRefusedAndAlreadyRelatedInvitationsWithTheirReasons() {
    String refused = invitation("Relecloud China", "relecloud.partner.onmschina.cn", "CN");
    String related = invitation("Proseware", "proseware.onmicrosoft.com", "IT");
    String refusedReason = endedWithReason(refused);
    String relatedReason = endedWithReason(related);

    Browser agent = browsers.open("agent");
    browsers.tasklist(agent, TestUsers.SALES_AGENT);
    agent.open(browsers.baseUrl() + "/cases");
    agent.visible(By.id("cases"));
    agent.screenshot("cases");
    assertThat(row(agent, refused)).contains("Relecloud China (relecloud.partner.onmschina.cn)",
        "Invitation refused", refusedReason, TestUsers.SALES_AGENT);
    assertThat(row(agent, related)).contains("Proseware (proseware.onmicrosoft.com)", "Customer already related",
        relatedReason);

    new Select(agent.visible(By.id("outcome"))).selectByVisibleText("Invitation refused");
    agent.click(By.xpath("//button[normalize-space(.)='Filter']"));
    agent.until(driver -> driver.getCurrentUrl().contains("outcome="));
    assertThat(agent.displayed(By.cssSelector("tr[data-case-id='" + refused + "']"))).hasSize(1);
    assertThat(agent.displayed(By.cssSelector("tr[data-case-id='" + related + "']"))).isEmpty();
    agent.screenshot("cases-refused-only");

    agent.click(By.cssSelector("tr[data-case-id='" + refused + "'] a"));
    assertThat(agent.visible(By.id("outcome")).getText()).isEqualTo("Invitation refused");
    assertThat(agent.visible(By.id("reason")).getText()).isEqualTo(refusedReason);
    assertThat(agent.visible(By.id("steps")).getText()).contains("Look up customer tenant", "Decide eligibility");
    agent.screenshot("refused-case");
  }

  private String invitation(String company, String domain, String country) {
    JsonNode created = TestUsers.http(port).post().uri("/api/invitations")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("companyName", company, "domain", domain, "country", country, "language", "en",
            "globalAdminEmail", "admin@" + domain, "adminAccess", "NONE"))
        .retrieve().body(JsonNode.class);
    return created.path("id").asText();
  }

  /** Waits until the job executor ended the invitation; its reason. */
  private String endedWithReason(String id) {
    await("invitation " + id + " ended").atMost(BrowserTest.ENGINE_TIMEOUT).until(() ->
        historyService.createHistoricProcessInstanceQuery().processInstanceId(id).finished().count() == 1);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult()
        .getProcessDefinitionKey()).isEqualTo(ResellerRelationshipInvitationProcess.PROCESS_KEY);
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("reason")
        .singleResult().getValue().toString();
  }

  private static String row(Browser browser, String caseId) {
    WebElement row = browser.visible(By.cssSelector("tr[data-case-id='" + caseId + "']"));
    return row.getText();
  }
}
