package io.partnerchannel.orchestrator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.Optional;
import io.partnerchannel.orchestrator.support.TestSupportExtension;
import io.partnerchannel.orchestrator.support.SentMails;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.security.ResellerTenantIdProvider;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Abuse (issue 12, items 6 and 9): the outbox shows each reader only the e-mails they need to know —
 * another reseller's staff neither list nor open Fourth Coffee's e-mails ({@code /api/outbox} and the
 * {@code /outbox} pages: absent from the list, 404 on the entry) nor the operating partner's own; the
 * partner's roles see their instances' and their resellers' e-mails, {@code camunda-admin} all. The pages
 * sandbox the e-mail's frame and send a Content-Security-Policy. Reading writes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
@Tag("security")
@ExtendWith(TestSupportExtension.class)
class OutboxNeedToKnowTest {

  static final String PROCESS = "OutboxNeedToKnowProbe";
  static final String OPERATOR = "outbox.operator";

  @Autowired MailOutbox outbox;
  @Autowired MockMvc mvc;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  SentMails mails;
  @Autowired ObjectMapper objectMapper;

  String fourthCoffeeMail;
  String wingtipMail;
  String partnerMail;

  @BeforeEach
  void oneEmailPerOwner() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      repositoryService.createDeployment()
          .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
              .startEvent().userTask("Task_Wait").name("Wait").endEvent().done())
          .deploy();
    }
    if (identityService.createUserQuery().userId(OPERATOR).count() == 0) {
      User operator = identityService.newUser(OPERATOR);
      operator.setPassword(TestUsers.PASSWORD);
      identityService.saveUser(operator);
      identityService.createMembership(OPERATOR, Groups.CAMUNDA_ADMIN);
    }
    fourthCoffeeMail = mailOf(TestUsers.FOURTH_COFFEE);
    wingtipMail = mailOf(TestUsers.WINGTIP);
    partnerMail = mailOf(null);
  }

  /** An e-mail of a new instance of the reseller's tenant (null: the operating partner's). */
  String mailOf(String resellerTenantId) {
    String instanceId = runtimeService.startProcessInstanceByKey(PROCESS, resellerTenantId == null
        ? Map.of() : Map.of(ResellerTenantIdProvider.RESELLER_TENANT_ID, resellerTenantId)).getId();
    return outbox.enqueue(instanceId + ":Task_SendInvitationEmail",
        "admin+" + UUID.randomUUID().toString().substring(0, 8) + "@cohowinery.onmicrosoft.com", Locale.ENGLISH,
        JdbcMailOutboxTest.model(instanceId));
  }

  List<String> listedIds(String userId) throws Exception {
    String json = mvc.perform(get("/api/outbox").with(TestUsers.user(userId)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    return objectMapper.readTree(json).findValuesAsText("id");
  }


  @Test
  void anotherResellersStaffSeeNeitherItsEmailsNorThePartnersOwn() throws Exception {
    Optional<String> newest = mails.newestId();

    assertThat(listedIds(TestUsers.WINGTIP_STAFF)).contains(wingtipMail).doesNotContain(fourthCoffeeMail, partnerMail);
    for (String foreign : List.of(fourthCoffeeMail, partnerMail)) {
      mvc.perform(get("/api/outbox/{id}", foreign).with(TestUsers.user(TestUsers.WINGTIP_STAFF)))
          .andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
      mvc.perform(get("/outbox/{id}", foreign).with(TestUsers.user(TestUsers.WINGTIP_STAFF)))
          .andExpect(status().isNotFound());
    }
    mvc.perform(get("/outbox").with(TestUsers.user(TestUsers.WINGTIP_STAFF)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/outbox/" + wingtipMail)))
        .andExpect(content().string(not(containsString(fourthCoffeeMail))))
        .andExpect(content().string(not(containsString(partnerMail))));
    mvc.perform(get("/api/outbox/{id}", wingtipMail).with(TestUsers.user(TestUsers.WINGTIP_STAFF)))
        .andExpect(status().isOk());

    assertThat(listedIds(TestUsers.FOURTH_COFFEE_STAFF)).contains(fourthCoffeeMail).doesNotContain(wingtipMail, partnerMail);
    assertThat(mails.newestId()).as("reading writes nothing").isEqualTo(newest);
  }

  @Test
  void thePartnersRolesSeeTheirOwnAndTheirResellersEmailsAndTheOperatorAll() throws Exception {
    for (String role : List.of(TestUsers.SALES_AGENT, TestUsers.GLOBAL_ADMIN, TestUsers.USER_ADMIN, OPERATOR)) {
      assertThat(listedIds(role)).as(role).contains(partnerMail, fourthCoffeeMail, wingtipMail);
    }
  }

  @Test
  void thePagesSandboxTheEmailAndSendAContentSecurityPolicy() throws Exception {
    for (String page : List.of("/outbox", "/outbox/" + partnerMail)) {
      mvc.perform(get(page).with(TestUsers.salesAgent()))
          .andExpect(status().isOk())
          .andExpect(header().string("Content-Security-Policy", containsString("script-src 'none'")))
          .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")));
    }
    String html = mvc.perform(get("/outbox/{id}", partnerMail).with(TestUsers.salesAgent()))
        .andReturn().getResponse().getContentAsString();
    assertThat(html).contains("<iframe title=\"E-mail\" sandbox=\"allow-popups allow-popups-to-escape-sandbox\" srcdoc=\"");

    // a message someone typed reaches the page as text, inside the sandboxed frame
    MailModel model = SampleInvitationMail.of(null).withMessage("<script>alert(document.cookie)</script>");
    String hostile = outbox.enqueue("pi-" + UUID.randomUUID() + ":Task_SendInvitationEmail",
        "admin@cohowinery.onmicrosoft.com", Locale.ENGLISH, model);
    JsonNode json = objectMapper.readTree(mvc.perform(get("/api/outbox/{id}", hostile).with(TestUsers.salesAgent()))
        .andReturn().getResponse().getContentAsString());
    assertThat(json.path("html").asText()).doesNotContain("<script>").contains("&lt;script&gt;");
  }
}
