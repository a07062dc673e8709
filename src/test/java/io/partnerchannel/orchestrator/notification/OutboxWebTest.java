package io.partnerchannel.orchestrator.notification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
class OutboxWebTest {

  @Autowired MailOutbox outbox;
  @Autowired MockMvc mvc;

  /** Queues an invitation to a recipient of its own, so tests sharing the database do not see each other's. */
  String enqueueInvitation(String recipient) {
    return outbox.enqueue("pi-" + UUID.randomUUID() + ":Task_SendInvitationEmail", recipient,
        new Locale("sv"), JdbcMailOutboxTest.model("pi-web"));
  }

  static String uniqueRecipient() {
    return "admin+" + UUID.randomUUID().toString().substring(0, 8) + "@cohowinery.onmicrosoft.com";
  }

  @Test
  void listsEntriesAsJsonWithTheirLinks() throws Exception {
    String recipient = uniqueRecipient();
    String older = enqueueInvitation(recipient);
    Thread.sleep(5);
    String newer = enqueueInvitation(recipient);

    mvc.perform(get("/api/outbox").with(TestUsers.salesAgent()).param("recipient", recipient.toUpperCase(Locale.ROOT)))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$", hasSize(2)))
        .andExpect(jsonPath("$[0].id").value(newer))
        .andExpect(jsonPath("$[1].id").value(older))
        .andExpect(jsonPath("$[0].idempotencyKey").value(containsString(":Task_SendInvitationEmail")))
        .andExpect(jsonPath("$[0].template").value("invitation"))
        .andExpect(jsonPath("$[0].recipient").value(recipient))
        .andExpect(jsonPath("$[0].subject").value("Northwind Cloud Solutions bjuder in Adatum Corporation till en återförsäljarrelation"))
        .andExpect(jsonPath("$[0].language").value("sv"))
        .andExpect(jsonPath("$[0].status").value("STORED"))
        .andExpect(jsonPath("$[0].businessReference").value("pi-web"))
        .andExpect(jsonPath("$[0].createdAt").value(containsString("T")))
        .andExpect(jsonPath("$[0].sentAt").value(nullValue()))
        .andExpect(jsonPath("$[0].links", hasSize(1)))
        .andExpect(jsonPath("$[0].links[0]").value(SampleInvitationMail.INVITATION_URL))
        .andExpect(jsonPath("$[0].html").doesNotExist());
  }

  @Test
  void showsOneEntryWithItsHtml() throws Exception {
    String id = enqueueInvitation(uniqueRecipient());

    mvc.perform(get("/api/outbox/{id}", id).with(TestUsers.salesAgent()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.links[0]").value(SampleInvitationMail.INVITATION_URL))
        .andExpect(jsonPath("$.html").value(containsString("Granska och acceptera inbjudan")));
  }

  @Test
  void answersNotFoundAsProblemForAnUnknownEntry() throws Exception {
    mvc.perform(get("/api/outbox/{id}", "no-such-entry").with(TestUsers.salesAgent()).accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("No outbox entry with id no-such-entry"));
  }

  @Test
  void listsTheEntryOnTheOutboxPage() throws Exception {
    String recipient = uniqueRecipient();
    String id = enqueueInvitation(recipient);

    mvc.perform(get("/outbox").with(TestUsers.salesAgent()))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andExpect(content().string(containsString(recipient)))
        .andExpect(content().string(containsString("href=\"/outbox/" + id + "\"")))
        .andExpect(content().string(containsString("Northwind Cloud Solutions bjuder in Adatum Corporation till en återförsäljarrelation")))
        .andExpect(content().string(containsString("STORED")))
        .andExpect(content().string(containsString(
            "href=\"" + SampleInvitationMail.INVITATION_URL.replace("&", "&amp;") + "\"")));

    mvc.perform(get("/outbox").with(TestUsers.salesAgent()).param("recipient", uniqueRecipient()))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString(recipient))))
        .andExpect(content().string(containsString("No e-mails yet.")));
  }

  @Test
  void showsTheEmailWithFollowableLinks() throws Exception {
    String id = enqueueInvitation(uniqueRecipient());

    mvc.perform(get("/outbox/{id}", id).with(TestUsers.salesAgent()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<iframe title=\"E-mail\" sandbox=\"allow-popups allow-popups-to-escape-sandbox\" srcdoc=\"")))
        .andExpect(content().string(containsString("Granska och acceptera inbjudan")))
        .andExpect(content().string(containsString(
            "<a href=\"" + SampleInvitationMail.INVITATION_URL.replace("&", "&amp;") + "\" target=\"_blank\"")));

    mvc.perform(get("/outbox/{id}", "no-such-entry").with(TestUsers.salesAgent())).andExpect(status().isNotFound());
  }
}
