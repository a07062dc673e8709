package io.partnerchannel.orchestrator.notification;

import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * The language of a person the application writes to by user id (the requesting agent): the Camunda user info
 * {@value #USER_INFO_KEY} of the user (an ISO 639 language code such as {@code it}, set in the Admin webapp
 * under the user's account or with {@code IdentityService#setUserInfo}), else {@code pco.mail.default-language}
 * (default {@code en}). A language without e-mail texts (anything but en, it, pt, sv) falls back to English,
 * like every e-mail ({@link MailRenderer#supportedLocale}). See docs/notifications.md.
 */
@Component
public class AgentLanguage {

  /** Key of the Camunda user info holding the user's language. */
  public static final String USER_INFO_KEY = "language";

  private final IdentityService identityService;
  private final Locale defaultLanguage;

  /**
   * @param identityService the engine's users
   * @param properties {@code pco.mail.*}
   */
  public AgentLanguage(IdentityService identityService, MailProperties properties) {
    this.identityService = identityService;
    this.defaultLanguage = MailRenderer.supportedLocale(properties.defaultLanguage());
  }

  /**
   * @param userId a Camunda user id, may be null
   * @return the language e-mails to that user are written in: en, it, pt or sv
   */
  public Locale of(String userId) {
    String language = userId == null ? null : identityService.getUserInfo(userId, USER_INFO_KEY);
    return language == null || language.isBlank()
        ? defaultLanguage
        : MailRenderer.supportedLocale(Locale.forLanguageTag(language.trim()));
  }
}
