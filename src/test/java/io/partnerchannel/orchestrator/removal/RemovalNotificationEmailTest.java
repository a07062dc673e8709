package io.partnerchannel.orchestrator.removal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerchannel.orchestrator.notification.MailRenderer;
import io.partnerchannel.orchestrator.notification.RenderedMail;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The notice of a relationship removal's end ({@link RemovalNotificationEmail}) as rendered. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
class RemovalNotificationEmailTest {

  @Autowired MailRenderer renderer;

  static RemovalNotificationEmail notice(String status) {
    return new RemovalNotificationEmail("Adatum Corporation", status, "c0ffee00-0000-4000-8000-000000000001",
        "Asked by the customer", "GDAP relationships stay.\nAzure RBAC role assignments stay.", "Alba Rossi",
        "http://localhost:8080/api/relationship-removals/42", "pi-1");
  }

  @Test
  void listsWhatTheRemovalDoesNotChangeOneItemPerLine() {
    assertThat(renderer.render(notice("removed"), Locale.ENGLISH).html())
        .contains("GDAP relationships stay.</li>", "Azure RBAC role assignments stay.</li>")
        .contains("href=\"http://localhost:8080/api/relationship-removals/42\"");
  }

  @Test
  void rendersEveryEndInEveryLanguageWithoutMissingTexts() {
    for (String status : RemovalNotificationEmail.STATUSES) {
      for (String language : MailRenderer.LANGUAGES) {
        RenderedMail mail = renderer.render(notice(status), new Locale(language));

        assertThat(mail.subject()).as(status + " " + language).isNotBlank().doesNotContain("{").doesNotContain("??");
        assertThat(mail.html()).as(status + " " + language).doesNotContain("??").doesNotContain("{0")
            .contains("Adatum Corporation");
      }
    }
  }

  @Test
  void refusesAnUnknownEnd() {
    assertThatThrownBy(() -> notice("FORGOTTEN")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
  }
}
