package io.partnerchannel.orchestrator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
class MailRendererTest {

  static final String HELPDESK_ADMINISTRATOR = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
  static final String USER_ADMINISTRATOR = "fe930be7-5e62-47db-91af-98c3a49a38b1";
  static final String INVITATION_URL = "http://localhost:8080/sandbox/Adminportal/Home?invType=ResellerRelationship"
      + "&partnerId=a1b2c3d4-0000-4000-8000-000000000001&msppId=0&DAP=false#/BillingAccounts/partner-invitation";

  @Autowired MailRenderer renderer;

  static Map<String, Object> invitationModel() {
    Map<String, Object> model = new HashMap<>();
    model.put(MailModel.COMPANY_NAME, "Adatum Corporation");
    model.put(MailModel.PARTNER_NAME, "Northwind Cloud Solutions");
    model.put(MailModel.INVITATION_URL, INVITATION_URL);
    model.put(MailModel.MESSAGE, "As discussed on the phone.\nSee you soon!");
    model.put(MailModel.ADMIN_ACCESS, "NONE");
    return model;
  }

  static Map<String, Object> modelFor(MailTemplate template) {
    Map<String, Object> model = invitationModel();
    model.put(MailModel.GDAP_APPROVAL_URL, "http://localhost:8080/sandbox/admin-center/granular-admin-relationships/r1");
    model.put(MailModel.GDAP_ROLES, List.of(HELPDESK_ADMINISTRATOR, USER_ADMINISTRATOR));
    model.put(MailModel.GDAP_DURATION, "P730D");
    model.put(MailModel.CUSTOMER_DOMAIN, "adatum.onmicrosoft.com");
    model.put(MailModel.STATUS, "ESTABLISHED");
    model.put(MailModel.REASON, "Accepted by admin@adatum.onmicrosoft.com");
    model.put(MailModel.DETAILS_URL, "http://localhost:8080/api/invitations/42");
    if (template == MailTemplate.INVITATION || template == MailTemplate.INVITATION_REMINDER) {
      model.put(MailModel.ADMIN_ACCESS, "GDAP");
      model.put(MailModel.EXPIRES_AT, LocalDate.of(2030, 3, 14));
    }
    if (template == MailTemplate.GDAP_EXPIRY_REMINDER) {
      model.put(MailModel.EXPIRES_AT, LocalDate.of(2030, 3, 14));
      model.put(MailModel.GDAP_RELATIONSHIP_ID, "5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836");
      model.put(MailModel.FINAL_REMINDER, true);
    }
    if (template == MailTemplate.REMOVAL_NOTIFICATION) {
      model.put(MailModel.STATUS, "REMOVED");
      model.put(MailModel.UNCHANGED, "GDAP relationships stay.\nAzure RBAC role assignments stay.");
    }
    if (template == MailTemplate.RESELLER_NOTIFICATION) {
      model.put(MailModel.PARTNER_NAME, "Tailspin Distribution");
      model.put(MailModel.RESELLER_NAME, "Fourth Coffee IT");
      model.put(MailModel.CUSTOMER_TENANT_ID, "c0ffee00-0000-4000-8000-000000000001");
    }
    return model;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      en | Northwind Cloud Solutions invites Adatum Corporation to a reseller relationship | Only a Global administrator of your organization can accept this invitation. If your organization has not yet accepted the Microsoft Customer Agreement
      it | Northwind Cloud Solutions invita Adatum Corporation a una relazione di rivenditore | Solo un Amministratore globale della tua organizzazione può accettare questo invito. Se la tua organizzazione non ha ancora accettato il Contratto cliente Microsoft
      pt | Northwind Cloud Solutions convida Adatum Corporation para uma relação de revendedor | Só um Administrador Global da sua organização pode aceitar este convite. Se a sua organização ainda não aceitou o Contrato de Cliente Microsoft
      sv | Northwind Cloud Solutions bjuder in Adatum Corporation till en återförsäljarrelation | Endast en global administratör i din organisation kan acceptera inbjudan. Om din organisation ännu inte har accepterat Microsoft-kundavtalet
      """)
  void rendersInvitationInTheRecipientsLanguage(String language, String subject, String sentence) {
    RenderedMail mail = renderer.render(MailTemplate.INVITATION, new Locale(language), invitationModel());

    assertThat(mail.locale().getLanguage()).isEqualTo(language);
    assertThat(mail.subject()).isEqualTo(subject);
    assertThat(mail.html())
        .contains("lang=\"" + language + "\"")
        .contains("<title>" + subject + "</title>")
        .contains(sentence)
        .contains("href=\"" + INVITATION_URL.replace("&", "&amp;") + "\"")
        .doesNotContain("??");
  }

  @Test
  void fallsBackToEnglishForOtherLanguages() {
    RenderedMail mail = renderer.render(MailTemplate.INVITATION, Locale.GERMANY, invitationModel());

    assertThat(mail.locale()).isEqualTo(Locale.ENGLISH);
    assertThat(mail.subject()).isEqualTo("Northwind Cloud Solutions invites Adatum Corporation to a reseller relationship");
  }

  @Test
  void escapesTheAgentsMessageAndKeepsItsLines() {
    Map<String, Object> model = invitationModel();
    model.put(MailModel.MESSAGE, "Hi <b>Ada</b> & team,\nsee you Monday.");

    String html = renderer.render(MailTemplate.INVITATION, Locale.ENGLISH, model).html();

    assertThat(html)
        .contains("Message from Northwind Cloud Solutions:")
        .contains("Hi &lt;b&gt;Ada&lt;/b&gt; &amp; team,\nsee you Monday.")
        .contains("white-space:pre-line");
  }

  @Test
  void describesRequestedDapAccess() {
    Map<String, Object> model = invitationModel();
    model.put(MailModel.ADMIN_ACCESS, "dap");

    String html = renderer.render(MailTemplate.INVITATION, Locale.ITALIAN, model).html();

    assertThat(html).contains("Northwind Cloud Solutions richiede i privilegi di amministratore delegato (DAP)");
  }

  @Test
  void listsGdapRolesByNameAndTheDurationInTheRecipientsLanguage() {
    Map<String, Object> model = invitationModel();
    model.put(MailModel.ADMIN_ACCESS, "GDAP");
    // a JSON array string, as a Spin JSON variable prints itself; the unknown id is shown as it is
    model.put(MailModel.GDAP_ROLES, "[\"" + HELPDESK_ADMINISTRATOR + "\", \"00000000-1111-2222-3333-444444444444\"]");
    model.put(MailModel.GDAP_DURATION, "P730D");

    String html = renderer.render(MailTemplate.INVITATION, new Locale("pt"), model).html();

    assertThat(html)
        .contains("privilégios de administrador delegado granulares (GDAP)")
        .contains("<li>Helpdesk Administrator</li>")
        .contains("<li>00000000-1111-2222-3333-444444444444</li>")
        .contains("730 dias");
  }

  @Test
  void rendersGdapApprovalWithLinkRolesAndDuration() {
    Map<String, Object> model = modelFor(MailTemplate.GDAP_APPROVAL);
    model.put(MailModel.GDAP_DURATION, "P1Y6M");

    RenderedMail mail = renderer.render(MailTemplate.GDAP_APPROVAL, new Locale("sv"), model);

    assertThat(mail.subject()).isEqualTo("Northwind Cloud Solutions ber Adatum Corporation att godkänna detaljerad administrativ åtkomst");
    assertThat(mail.html())
        .contains("href=\"http://localhost:8080/sandbox/admin-center/granular-admin-relationships/r1\"")
        .contains("Granska och godkänn åtkomsten")
        .contains("<li>User Administrator</li>")
        .contains("1 år, 6 månader");
  }

  @Test
  void tellsTheRequesterTheOutcomeWithReasonAndLink() {
    Map<String, Object> model = modelFor(MailTemplate.REQUESTER_NOTIFICATION);
    model.put(MailModel.STATUS, "refused");
    model.put(MailModel.REASON, "R6: the domain is another CSP partner’s transaction tenant");
    model.put(MailModel.REQUESTER_NAME, "Maria Rossi");

    RenderedMail mail = renderer.render(MailTemplate.REQUESTER_NOTIFICATION, Locale.ITALIAN, model);

    assertThat(mail.subject()).isEqualTo("Richiesta di invito per Adatum Corporation respinta");
    assertThat(mail.html())
        .contains("Buongiorno Maria Rossi,")
        .contains("La richiesta di invito per Adatum Corporation (adatum.onmicrosoft.com) è stata respinta")
        .contains("R6: the domain is another CSP partner’s transaction tenant")
        .contains("href=\"http://localhost:8080/api/invitations/42\"");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      en | Fourth Coffee IT invites Adatum Corporation to a reseller relationship with Tailspin Distribution | Fourth Coffee IT, an indirect reseller of the Cloud Solution Provider (CSP) Tailspin Distribution
      it | Fourth Coffee IT invita Adatum Corporation a una relazione di rivenditore con Tailspin Distribution | Fourth Coffee IT, rivenditore indiretto del Cloud Solution Provider (CSP) Tailspin Distribution
      pt | Fourth Coffee IT convida Adatum Corporation para uma relação de revendedor com Tailspin Distribution | Fourth Coffee IT, revendedor indireto do Cloud Solution Provider (CSP) Tailspin Distribution
      sv | Fourth Coffee IT bjuder in Adatum Corporation till en återförsäljarrelation med Tailspin Distribution | Fourth Coffee IT, indirekt återförsäljare till Cloud Solution Provider-partnern (CSP) Tailspin Distribution
      """)
  void sendsAnInvitationForwardedByAnIndirectResellerInTheResellersName(String language, String subject, String sentence) {
    Map<String, Object> model = invitationModel();
    model.put(MailModel.PARTNER_NAME, "Tailspin Distribution");
    model.put(MailModel.RESELLER_NAME, "Fourth Coffee IT");

    RenderedMail mail = renderer.render(MailTemplate.INVITATION, new Locale(language), model);

    assertThat(mail.subject()).isEqualTo(subject);
    assertThat(mail.html())
        .contains(sentence)
        .contains("Fourth Coffee IT</td>")
        .contains("<br><span>Fourth Coffee IT</span>")
        .doesNotContain("??");
    assertThat(renderer.render(MailTemplate.INVITATION_REMINDER, new Locale(language), model).subject())
        .contains("Fourth Coffee IT", "Tailspin Distribution");
  }

  @Test
  void tellsTheResellerThatTheProviderOwnsTheRelationshipAndTheResellerIsAssociated() {
    Map<String, Object> model = modelFor(MailTemplate.RESELLER_NOTIFICATION);
    model.put(MailModel.REQUESTER_NAME, "Rui Fourth");

    RenderedMail mail = renderer.render(MailTemplate.RESELLER_NOTIFICATION, Locale.ENGLISH, model);

    assertThat(mail.subject()).isEqualTo("Adatum Corporation accepted the invitation you forwarded");
    assertThat(mail.html())
        .contains("Hello Rui Fourth,")
        .contains("Tailspin Distribution holds the reseller relationship and your organization, Fourth Coffee IT, is the"
            + " customer’s associated indirect reseller")
        .contains("c0ffee00-0000-4000-8000-000000000001");
    assertThat(renderer.render(MailTemplate.REQUESTER_NOTIFICATION, Locale.ENGLISH, model).html())
        .as("the provider's notice names the associated reseller")
        .contains("Associated indirect reseller:", "Fourth Coffee IT");
  }

  @Test
  void saysTheLinkDoesNotExpireAndUntilWhenWeFollowUp() {
    Map<String, Object> model = invitationModel();
    model.put(MailModel.EXPIRES_AT, LocalDate.of(2030, 3, 14));

    assertThat(renderer.render(MailTemplate.INVITATION_REMINDER, Locale.ITALIAN, model).html())
        .contains("Il link non ha una data di scadenza", "seguiremo questo invito fino al 14 marzo 2030.")
        .doesNotContain("valido fino");
  }

  @ParameterizedTest
  @EnumSource(MailTemplate.class)
  void rendersEveryTemplateInEveryLanguageWithoutMissingTexts(MailTemplate template) {
    for (String language : MailRenderer.LANGUAGES) {
      RenderedMail mail = renderer.render(template, new Locale(language), modelFor(template));

      assertThat(mail.subject()).as(language).isNotBlank().doesNotContain("{").doesNotContain("??");
      assertThat(mail.html()).as(language).doesNotContain("??").doesNotContain("{0").contains("Adatum Corporation");
    }
  }

  @Test
  void refusesAModelWithoutARequiredKey() {
    Map<String, Object> model = invitationModel();
    model.remove(MailModel.INVITATION_URL);

    assertThatThrownBy(() -> renderer.render(MailTemplate.INVITATION, Locale.ENGLISH, model))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invitationUrl");
  }

  @Test
  void refusesAnUnknownAdminAccess() {
    Map<String, Object> model = invitationModel();
    model.put(MailModel.ADMIN_ACCESS, "EVERYTHING");

    assertThatThrownBy(() -> renderer.render(MailTemplate.INVITATION, Locale.ENGLISH, model))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("adminAccess");
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
