package io.partnerchannel.orchestrator.gdap;

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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

/** The reminder to a GDAP relationship's owner ({@link GdapExpiryReminderEmail}) as rendered. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
class GdapExpiryReminderEmailTest {

  static final Date MARCH_14_2030 = Date.from(LocalDate.of(2030, 3, 14).atStartOfDay(ZoneOffset.UTC).toInstant());

  @Autowired MailRenderer renderer;

  static GdapExpiryReminderEmail reminder(boolean finalReminder) {
    return new GdapExpiryReminderEmail("Adatum Corporation", MARCH_14_2030,
        "5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836",
        List.of("62e90394-69f5-4237-9190-012177145e10"), "c0ffee00-0000-4000-8000-000000000001", finalReminder,
        "Alba Rossi", "pi-1");
  }

  @Test
  void tellsTheOwnerWhenTheRelationshipEndsAndWhichOneIsTheLastReminder() {
    RenderedMail first = renderer.render(reminder(false), Locale.ENGLISH);
    RenderedMail last = renderer.render(reminder(true), Locale.ENGLISH);

    assertThat(first.subject()).isEqualTo("GDAP relationship with Adatum Corporation ends on March 14, 2030");
    assertThat(last.subject()).isEqualTo("Last reminder: GDAP relationship with Adatum Corporation ends on March 14, 2030");
    assertThat(first.html())
        .contains("Alba Rossi")
        .contains("5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836")
        .contains("c0ffee00-0000-4000-8000-000000000001");
  }

  @Test
  void rendersInEveryLanguageWithoutMissingTexts() {
    for (String language : MailRenderer.LANGUAGES) {
      RenderedMail mail = renderer.render(reminder(true), new Locale(language));

      assertThat(mail.subject()).as(language).isNotBlank().doesNotContain("{").doesNotContain("??");
      assertThat(mail.html()).as(language).doesNotContain("??").doesNotContain("{0").contains("Adatum Corporation");
    }
  }
}
