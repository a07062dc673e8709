package io.partnerchannel.orchestrator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.notification.ReasonTexts;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * An onboarding's reasons in words ({@link OnboardingReasons}) from the shipped bundles {@code reasons/reasons*}: the
 * decision's reason code and, for a route that did not run without the relationship, the invitation's reason.
 */
class OnboardingReasonsTest {

  private final OnboardingReasons reasons = new OnboardingReasons(new ReasonTexts(bundles()));
  private final Map<String, Object> variables = Map.of("companyName", "Proseware", "customerDomain", "proseware.example",
      "partnerName", "Contoso");

  @Test
  void aDecisionsReasonCodeReadsInTheReadersLanguage() {
    Map<String, String> transition = transition("BOUGHT_FROM_21VIANET");

    assertThat(reasons.text(transition, variables::get, Locale.ENGLISH)).contains("21Vianet", "China");
    assertThat(reasons.text(transition, variables::get, Locale.ITALIAN)).contains("Cina");
    assertThat(reasons.text(transition, variables::get, Locale.forLanguageTag("pt"))).contains("China", "nuvem");
    assertThat(reasons.text(transition, variables::get, Locale.forLanguageTag("sv"))).contains("Kina");
    assertThat(reasons.text(transition, variables::get, Locale.GERMAN))
        .as("a language without texts reads English")
        .isEqualTo(reasons.text(transition, variables::get, Locale.ENGLISH));
  }

  @Test
  void aMissingRelationshipReadsWithTheInvitationsReasonInTheSameLanguage() {
    Map<String, String> transition = transition(RecordMissingRelationshipDelegate.REASON_NO_RELATIONSHIP);
    transition.put(OnboardingVariables.INVITATION_REASON_CODE.getName(), "ALREADY_RELATED");

    assertThat(reasons.text(transition, variables::get, Locale.ENGLISH))
        .startsWith("The customer did not enter the reseller relationship")
        .endsWith("Proseware (proseware.example) is already a reseller customer of Contoso; no second relationship was"
            + " requested and nothing was changed.");
    assertThat(reasons.text(transition, variables::get, Locale.ITALIAN))
        .startsWith("Il cliente non ha accettato la relazione di rivenditore")
        .contains("Proseware (proseware.example) è già cliente rivenditore di Contoso");
    assertThat(reasons.text(transition, variables::get, Locale.forLanguageTag("pt")))
        .startsWith("O cliente não aceitou a relação de revendedor");
    assertThat(reasons.text(transition, variables::get, Locale.forLanguageTag("sv")))
        .startsWith("Kunden ingick inte den återförsäljarrelation");
  }

  @Test
  void aWithdrawalsFreeTextFollowsAsTyped() {
    Map<String, String> transition = transition(RecordMissingRelationshipDelegate.REASON_NO_RELATIONSHIP);
    transition.put(OnboardingVariables.INVITATION_REASON.getName(), "customer changed its mind");

    assertThat(reasons.text(transition, variables::get, Locale.forLanguageTag("sv")))
        .startsWith("Kunden ingick inte").endsWith(" customer changed its mind");
  }

  @Test
  void anEntryRecordedBeforeReasonCodesShowsItsTextAsWritten() {
    Map<String, String> transition = new HashMap<>(Map.of("reason", "Recorded in English before codes."));

    assertThat(reasons.text(transition, variables::get, Locale.ITALIAN)).isEqualTo("Recorded in English before codes.");
  }

  private static Map<String, String> transition(String reasonCode) {
    Map<String, String> transition = new HashMap<>();
    transition.put(OnboardingVariables.REASON_CODE.getName(), reasonCode);
    return transition;
  }

  @Test
  void theVariablesTheTextsNameAreKnownWithoutReadingAnInstance() {
    assertThat(new ReasonTexts(bundles()).variableNames())
        .as("every {variable} of a reason.* text in any language, none from the bundles' comments")
        .containsExactlyInAnyOrder("companyName", "customerDomain", "partnerName", "indirectProviders", "resellerName",
            "resellerTenantId", "resellerPartnershipState", "resellerAgreementStatus", "declineReason");
  }

  private static ResourceBundleMessageSource bundles() {
    ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
    bundles.setBasenames("mail/messages", "reasons/reasons");
    bundles.setDefaultEncoding("UTF-8");
    bundles.setFallbackToSystemLocale(false);
    return bundles;
  }
}
