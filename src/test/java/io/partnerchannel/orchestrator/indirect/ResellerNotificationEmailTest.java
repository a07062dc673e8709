package io.partnerchannel.orchestrator.indirect;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The notice to an indirect reseller's staff ({@link ResellerNotificationEmail}) as rendered. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
class ResellerNotificationEmailTest {

  @Autowired MailRenderer renderer;

  static ResellerNotificationEmail notice() {
    return new ResellerNotificationEmail("Adatum Corporation", "adatum.onmicrosoft.com", "Tailspin Distribution",
        "Fourth Coffee IT", "c0ffee00-0000-4000-8000-000000000001", "Rui Fourth", "pi-1");
  }

  @Test
  void tellsTheResellerThatTheProviderOwnsTheRelationshipAndTheResellerIsAssociated() {
    RenderedMail mail = renderer.render(notice(), Locale.ENGLISH);

    assertThat(mail.subject()).isEqualTo("Adatum Corporation accepted the invitation you forwarded");
    assertThat(mail.html())
        .contains("Hello Rui Fourth,")
        .contains("Tailspin Distribution holds the reseller relationship and your organization, Fourth Coffee IT, is the"
            + " customer’s associated indirect reseller")
        .contains("c0ffee00-0000-4000-8000-000000000001");
  }

  @Test
  void rendersInEveryLanguageWithoutMissingTexts() {
    for (String language : MailRenderer.LANGUAGES) {
      RenderedMail mail = renderer.render(notice(), new Locale(language));

      assertThat(mail.subject()).as(language).isNotBlank().doesNotContain("{").doesNotContain("??");
      assertThat(mail.html()).as(language).doesNotContain("??").doesNotContain("{0").contains("Adatum Corporation");
    }
  }
}
