package io.partnerchannel.orchestrator.routing;

import static io.partnerchannel.orchestrator.routing.OnboardingVariables.INVITATION_REASON;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.INVITATION_REASON_CODE;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.REASON_CODE;

import io.partnerchannel.orchestrator.notification.ReasonTexts;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * A subscription's reason on an onboarding in words, in the reader's language: the words of its reason code
 * (decided by {@code ChannelTransition.dmn}, or {@value RecordMissingRelationshipDelegate#REASON_NO_RELATIONSHIP})
 * followed by the invitation's reason when the relationship was not established (its code's words, else its free
 * text), from {@code reasons/reasons*.properties} through {@link ReasonTexts}.
 */
@Component
class OnboardingReasons {

  /** Key of the English reason text that entries of onboardings started before reason codes carry. */
  private static final String REASON_TEXT_BEFORE_CODES = "reason";

  private final ReasonTexts texts;

  /** @param texts the reason bundles */
  OnboardingReasons(ReasonTexts texts) {
    this.texts = texts;
  }

  /**
   * @param transition an entry of {@link OnboardingVariables#CHANNEL_TRANSITIONS}
   * @param variables the onboarding's variables, which a text may name (e.g. {@code companyName})
   * @param locale the reader's language (en, it, pt, sv; others read English)
   * @return the reason in words, null when the entry has none
   */
  String text(Map<String, String> transition, Function<String, Object> variables, Locale locale) {
    String code = transition.get(REASON_CODE.getName());
    String reason = texts.text(code != null ? code : transition.get(REASON_TEXT_BEFORE_CODES), variables, locale);
    String invitation = texts.text(transition.get(INVITATION_REASON_CODE.getName()), variables, locale);
    if (invitation == null) {
      String free = transition.get(INVITATION_REASON.getName());
      invitation = free == null || free.isBlank() ? null : free.trim();
    }
    if (invitation == null) {
      return reason;
    }
    return reason == null ? invitation : reason + " " + invitation;
  }
}
