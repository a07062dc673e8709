package io.partnerchannel.orchestrator.bulk;

import static io.partnerchannel.orchestrator.invitation.InvitationTestSupport.deleteRunningInvitations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess;
import io.partnerchannel.orchestrator.support.TestUsers;
import io.partnerchannel.orchestrator.web.OwnPages;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The bulk onboarding pages: a file with an invalid row starts nothing and its page reports the row and field;
 * "Start the valid rows" queues the others, which the starter then starts; the progress page shows them. Reseller
 * staff are refused the page; a form post without the CSRF token is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BulkInvitationPageTest {

  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtimeService;
  @Autowired BulkStarter starter;
  String run;

  @BeforeEach
  void setUp() {
    run = UUID.randomUUID().toString().substring(0, 8);
    while (starter.startQueued() > 0) {
      // rows another test left queued
    }
    deleteRunningInvitations(runtimeService);
  }

  @AfterEach
  void tearDown() {
    deleteRunningInvitations(runtimeService);
  }

  @Test
  void reportsTheInvalidRowAndStartsTheValidOnesWhenAsked() throws Exception {
    String csv = "companyName,domain,country,language,globalAdminEmail\n"
        + "Page Customer 1,page-" + run + "-1.onmicrosoft.com,IT,it,admin@page-" + run + "-1.onmicrosoft.com\n"
        + "Page Customer 2,page-" + run + "-2.onmicrosoft.com,XX,it,admin@page-" + run + "-2.onmicrosoft.com\n";

    MockHttpServletResponse uploaded = mvc.perform(multipart("/bulk-invitations").file(file(csv))
        .with(TestUsers.salesAgent()).with(csrf())).andReturn().getResponse();

    assertThat(uploaded.getStatus()).isEqualTo(302);
    String progress = uploaded.getRedirectedUrl();
    assertThat(progress).startsWith("/bulk-invitations/");
    String report = page(progress);
    assertThat(report).contains("1 rows are invalid; nothing has been started.", "Start the 1 valid rows",
        "country: must be an ISO 3166 alpha-2 country code such as IT");
    assertThat(starter.startQueued()).isZero();
    assertThat(invitations()).isZero();

    MockHttpServletResponse started = mvc.perform(post(progress + "/start").with(TestUsers.salesAgent()).with(csrf()))
        .andReturn().getResponse();

    assertThat(started.getStatus()).isEqualTo(302);
    assertThat(starter.startQueued()).isEqualTo(1);
    assertThat(invitations()).isEqualTo(1);
    assertThat(page(progress)).contains("page-" + run + "-1.onmicrosoft.com", "STARTED", "(REQUESTED)")
        .doesNotContain("Start the 1 valid rows");
    assertThat(page("/bulk-invitations")).contains(progress);
  }

  @Test
  void aFileThatIsNotABulkFileIsReportedOnThePage() throws Exception {
    MockHttpServletResponse refused = mvc.perform(multipart("/bulk-invitations").file(file("colour\nblue\n"))
        .with(TestUsers.salesAgent()).with(csrf())).andReturn().getResponse();

    assertThat(refused.getStatus()).isEqualTo(200);
    assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("is not a column of a bulk onboarding file");
  }

  @Test
  void resellerStaffAndFormsWithoutTheCsrfTokenAreRefused() throws Exception {
    assertThat(mvc.perform(get("/bulk-invitations").with(TestUsers.user(TestUsers.FOURTH_COFFEE_STAFF)))
        .andReturn().getResponse().getStatus()).isEqualTo(403);
    assertThat(mvc.perform(multipart("/bulk-invitations").file(file("companyName\nx\n")).with(TestUsers.salesAgent()))
        .andReturn().getResponse().getStatus()).isEqualTo(403);
    assertThat(invitations()).isZero();
  }

  /** GETs a page as the sales agent: 200 with the pages' Content-Security-Policy. */
  private String page(String path) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(path).with(TestUsers.salesAgent())).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(OwnPages.CONTENT_SECURITY_POLICY);
    return response.getContentAsString(StandardCharsets.UTF_8);
  }

  private static MockMultipartFile file(String csv) {
    return new MockMultipartFile("file", "customers.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
  }

  private long invitations() {
    return runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ResellerRelationshipInvitationProcess.PROCESS_KEY).count();
  }
}
