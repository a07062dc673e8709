package io.partnerchannel.orchestrator.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerchannel.orchestrator.notification.MailModel;
import io.partnerchannel.orchestrator.notification.MailRenderer;
import io.partnerchannel.orchestrator.notification.RenderedMail;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The invitation's e-mails ({@link InvitationEmail}, {@link GdapApprovalEmail}, {@link RequesterOutcomeEmail}) as rendered. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
class InvitationEmailsTest {

  static final String HELPDESK_ADMINISTRATOR = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
  static final String USER_ADMINISTRATOR = "fe930be7-5e62-47db-91af-98c3a49a38b1";
  static final String INVITATION_URL = "http://localhost:8080/sandbox/Adminportal/Home?invType=ResellerRelationship"
      + "&partnerId=a1b2c3d4-0000-4000-8000-000000000001&msppId=0&DAP=false#/BillingAccounts/partner-invitation";
  static final Date MARCH_14_2030 = Date.from(LocalDate.of(2030, 3, 14).atStartOfDay(ZoneOffset.UTC).toInstant());

  @Autowired MailRenderer renderer;

  static InvitationEmail invitation(AdminAccess access, List<String> roles, String duration, Date expiresAt,
      String partnerName, String resellerName, String message, boolean reminder) {
    return new InvitationEmail(reminder, "Adatum Corporation", partnerName, INVITATION_URL, message, access, roles,
        duration, expiresAt, resellerName, "pi-1");
  }

  static InvitationEmail invitation() {
    return invitation(AdminAccess.NONE, List.of(), null, null, "Northwind Cloud Solutions", null,
        "As discussed on the phone.\nSee you soon!", false);
  }

  static RequesterOutcomeEmail outcome(InvitationStatus status, String resellerName) {
    return new RequesterOutcomeEmail("Adatum Corporation", "adatum.onmicrosoft.com", status,
        "R6: the domain is another CSP partner’s transaction tenant", null, "http://localhost:8080/cases/42",
        "Maria Rossi", "Northwind Cloud Solutions", resellerName, "pi-1");
  }

  static GdapApprovalEmail gdapApproval(String duration) {
    return new GdapApprovalEmail("Adatum Corporation", "Northwind Cloud Solutions",
        "http://localhost:8080/sandbox/admin-center/granular-admin-relationships/r1",
        List.of(HELPDESK_ADMINISTRATOR, USER_ADMINISTRATOR), duration, "pi-1");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      en | Northwind Cloud Solutions invites Adatum Corporation to a reseller relationship | Only a Global administrator of your organization can accept this invitation. If your organization has not yet accepted the Microsoft Customer Agreement
      it | Northwind Cloud Solutions invita Adatum Corporation a una relazione di rivenditore | Solo un Amministratore globale della tua organizzazione può accettare questo invito. Se la tua organizzazione non ha ancora accettato il Contratto cliente Microsoft
      pt | Northwind Cloud Solutions convida Adatum Corporation para uma relação de revendedor | Só um Administrador Global da sua organização pode aceitar este convite. Se a sua organização ainda não aceitou o Contrato de Cliente Microsoft
      sv | Northwind Cloud Solutions bjuder in Adatum Corporation till en återförsäljarrelation | Endast en global administratör i din organisation kan acceptera inbjudan. Om din organisation ännu inte har accepterat Microsoft-kundavtalet
      """)
  void rendersInvitationInTheRecipientsLanguage(String language, String subject, String sentence) {
    RenderedMail mail = renderer.render(invitation(), new Locale(language));

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
  void escapesTheAgentsMessageAndKeepsItsLines() {
    InvitationEmail email = invitation(AdminAccess.NONE, List.of(), null, null, "Northwind Cloud Solutions", null,
        "Hi <b>Ada</b> & team,\nsee you Monday.", false);

    assertThat(renderer.render(email, Locale.ENGLISH).html())
        .contains("Message from Northwind Cloud Solutions:")
        .contains("Hi &lt;b&gt;Ada&lt;/b&gt; &amp; team,\nsee you Monday.")
        .contains("white-space:pre-line");
  }

  @Test
  void describesRequestedDapAccess() {
    InvitationEmail email = invitation(AdminAccess.DAP, List.of(), null, null, "Northwind Cloud Solutions", null, null, false);

    assertThat(renderer.render(email, Locale.ITALIAN).html())
        .contains("Northwind Cloud Solutions richiede i privilegi di amministratore delegato (DAP)");
  }

  @Test
  void listsGdapRolesByNameAndTheDurationInTheRecipientsLanguage() {
    InvitationEmail email = invitation(AdminAccess.GDAP,
        List.of(HELPDESK_ADMINISTRATOR, "00000000-1111-2222-3333-444444444444"), "P730D", null,
        "Northwind Cloud Solutions", null, null, false);

    assertThat(renderer.render(email, new Locale("pt")).html())
        .contains("privilégios de administrador delegado granulares (GDAP)")
        .contains("<li>Helpdesk Administrator</li>")
        .contains("<li>00000000-1111-2222-3333-444444444444</li>")
        .contains("730 dias");
  }

  @Test
  void rendersGdapApprovalWithLinkRolesAndDuration() {
    RenderedMail mail = renderer.render(gdapApproval("P1Y6M"), new Locale("sv"));

    assertThat(mail.subject()).isEqualTo("Northwind Cloud Solutions ber Adatum Corporation att godkänna detaljerad administrativ åtkomst");
    assertThat(mail.html())
        .contains("href=\"http://localhost:8080/sandbox/admin-center/granular-admin-relationships/r1\"")
        .contains("Granska och godkänn åtkomsten")
        .contains("<li>User Administrator</li>")
        .contains("1 år, 6 månader");
  }

  @Test
  void tellsTheRequesterTheOutcomeWithReasonAndLink() {
    RenderedMail mail = renderer.render(outcome(InvitationStatus.REFUSED, null), Locale.ITALIAN);

    assertThat(mail.subject()).isEqualTo("Richiesta di invito per Adatum Corporation respinta");
    assertThat(mail.html())
        .contains("Buongiorno Maria Rossi,")
        .contains("La richiesta di invito per Adatum Corporation (adatum.onmicrosoft.com) è stata respinta")
        .contains("R6: the domain is another CSP partner’s transaction tenant")
        .contains("href=\"http://localhost:8080/cases/42\"");
  }

  @Test
  void theProvidersNoticeNamesTheAssociatedReseller() {
    assertThat(renderer.render(outcome(InvitationStatus.ESTABLISHED, "Fourth Coffee IT"), Locale.ENGLISH).html())
        .contains("Associated indirect reseller:", "Fourth Coffee IT");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      en | Fourth Coffee IT invites Adatum Corporation to a reseller relationship with Tailspin Distribution | Fourth Coffee IT, an indirect reseller of the Cloud Solution Provider (CSP) Tailspin Distribution
      it | Fourth Coffee IT invita Adatum Corporation a una relazione di rivenditore con Tailspin Distribution | Fourth Coffee IT, rivenditore indiretto del Cloud Solution Provider (CSP) Tailspin Distribution
      pt | Fourth Coffee IT convida Adatum Corporation para uma relação de revendedor com Tailspin Distribution | Fourth Coffee IT, revendedor indireto do Cloud Solution Provider (CSP) Tailspin Distribution
      sv | Fourth Coffee IT bjuder in Adatum Corporation till en återförsäljarrelation med Tailspin Distribution | Fourth Coffee IT, indirekt återförsäljare till Cloud Solution Provider-partnern (CSP) Tailspin Distribution
      """)
  void sendsAnInvitationForwardedByAnIndirectResellerInTheResellersName(String language, String subject, String sentence) {
    InvitationEmail email = invitation(AdminAccess.NONE, List.of(), null, null, "Tailspin Distribution",
        "Fourth Coffee IT", null, false);

    RenderedMail mail = renderer.render(email, new Locale(language));

    assertThat(mail.subject()).isEqualTo(subject);
    assertThat(mail.html())
        .contains(sentence)
        .contains("Fourth Coffee IT</td>")
        .contains("<br><span>Fourth Coffee IT</span>")
        .doesNotContain("??");
    InvitationEmail reminder = invitation(AdminAccess.NONE, List.of(), null, null, "Tailspin Distribution",
        "Fourth Coffee IT", null, true);
    assertThat(renderer.render(reminder, new Locale(language)).subject()).contains("Fourth Coffee IT", "Tailspin Distribution");
  }

  @Test
  void saysTheLinkDoesNotExpireAndUntilWhenWeFollowUp() {
    InvitationEmail reminder = invitation(AdminAccess.NONE, List.of(), null, MARCH_14_2030, "Northwind Cloud Solutions",
        null, null, true);

    assertThat(renderer.render(reminder, Locale.ITALIAN).html())
        .contains("Il link non ha una data di scadenza", "seguiremo questo invito fino al 14 marzo 2030.")
        .doesNotContain("valido fino");
  }

  @Test
  void rendersEveryTemplateInEveryLanguageWithoutMissingTexts() {
    List<MailModel> models = new java.util.ArrayList<>();
    for (boolean reminder : new boolean[] {false, true}) {
      models.add(invitation(AdminAccess.GDAP, List.of(HELPDESK_ADMINISTRATOR), "P730D", MARCH_14_2030,
          "Northwind Cloud Solutions", null, "See you", reminder));
    }
    models.add(gdapApproval("P730D"));
    for (InvitationStatus status : RequesterOutcomeEmail.FINAL_STATUSES) {
      models.add(outcome(status, null));
    }
    for (MailModel model : models) {
      for (String language : MailRenderer.LANGUAGES) {
        RenderedMail mail = renderer.render(model, new Locale(language));

        assertThat(mail.subject()).as(model.templateName() + " " + language)
            .isNotBlank().doesNotContain("{").doesNotContain("??");
        assertThat(mail.html()).as(model.templateName() + " " + language)
            .doesNotContain("??").doesNotContain("{0").contains("Adatum Corporation");
      }
    }
  }

  @Test
  void refusesAModelWithoutARequiredValue() {
    assertThatThrownBy(() -> new InvitationEmail(false, "Adatum Corporation", "Northwind Cloud Solutions", " ", null,
            AdminAccess.NONE, List.of(), null, null, null, "pi-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invitationUrl");
  }

  @Test
  void refusesToTellAnOutcomeThatIsNotFinal() {
    assertThatThrownBy(() -> outcome(InvitationStatus.WAITING_FOR_CUSTOMER, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status");
  }
}
