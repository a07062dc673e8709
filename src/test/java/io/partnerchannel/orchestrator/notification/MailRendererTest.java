package io.partnerchannel.orchestrator.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The renderer fills a model's template with its record components, its variables and its subject. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
class MailRendererTest {

  @Autowired MailRenderer renderer;

  @Test
  void rendersTheModelsTemplateWithItsValuesInTheRecipientsLanguage() {
    RenderedMail mail = renderer.render(SampleInvitationMail.of("pi-1"), Locale.ITALIAN);

    assertThat(mail.locale().getLanguage()).isEqualTo("it");
    assertThat(mail.subject()).isEqualTo("Northwind Cloud Solutions invita Adatum Corporation a una relazione di rivenditore");
    assertThat(mail.html())
        .contains("lang=\"it\"")
        .contains("<title>" + mail.subject() + "</title>")
        .contains("href=\"" + SampleInvitationMail.INVITATION_URL.replace("&", "&amp;") + "\"")
        .contains("As discussed on the phone.\nSee you soon!")
        .doesNotContain("??");
  }

  @Test
  void fallsBackToEnglishForOtherLanguages() {
    RenderedMail mail = renderer.render(SampleInvitationMail.of("pi-2"), Locale.GERMANY);

    assertThat(mail.locale()).isEqualTo(Locale.ENGLISH);
    assertThat(mail.subject()).isEqualTo("Northwind Cloud Solutions invites Adatum Corporation to a reseller relationship");
  }

  @Test
  void everyLanguageHasTheSameTexts() throws IOException {
    Set<String> english = keys("mail/messages.properties").stream()
        .filter(key -> !key.startsWith("mail.role."))
        .collect(Collectors.toCollection(TreeSet::new));
    for (String language : List.of("it", "pt", "sv")) {
      assertThat(keys("mail/messages_" + language + ".properties")).as(language).isEqualTo(english);
    }
  }

  private static Set<String> keys(String resource) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return new TreeSet<>(properties.stringPropertyNames());
  }
}
