package io.partnerchannel.orchestrator.notification;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a {@link MailModel} with Spring's Thymeleaf engine ({@code templates/mail/<templateName>.html}) and the
 * texts of {@code mail/messages*.properties} in the recipient's language. The template reads the model record's
 * components, the model's {@link MailModel#templateVariables} and {@code subject}. This class knows no template:
 * each feature's model says which one it fills.
 */
@Component
public class MailRenderer {

  /** Languages the e-mails are written in; any other locale is rendered in English. */
  public static final List<String> LANGUAGES = List.of("en", "it", "pt", "sv");

  private final ITemplateEngine templateEngine;
  private final MessageSource messageSource;

  /**
   * @param templateEngine Spring Boot's Thymeleaf engine (reads the application's {@link MessageSource})
   * @param messageSource the application's messages, {@code mail/messages} among the basenames
   */
  public MailRenderer(ITemplateEngine templateEngine, MessageSource messageSource) {
    this.templateEngine = templateEngine;
    this.messageSource = messageSource;
  }

  /**
   * The language an e-mail for {@code requested} is written in.
   *
   * @param requested the recipient's locale, may be null
   * @return {@code en}, {@code it}, {@code pt} or {@code sv} as a language-only locale; English when unknown
   */
  public static Locale supportedLocale(Locale requested) {
    String language = requested == null ? "" : requested.getLanguage();
    return LANGUAGES.contains(language) ? new Locale(language) : Locale.ENGLISH;
  }

  /**
   * Renders subject and body.
   *
   * @param model the e-mail's model
   * @param requestedLocale the recipient's language; unknown languages fall back to English
   * @return the subject and HTML in the language used
   */
  public RenderedMail render(MailModel model, Locale requestedLocale) {
    Objects.requireNonNull(model, "model");
    Locale locale = supportedLocale(requestedLocale);
    MailTexts texts = new MailTexts(messageSource, locale);
    Map<String, Object> variables = new HashMap<>(components(model));
    variables.putAll(model.templateVariables(texts));
    String subject = model.subject(texts);
    variables.put("subject", subject);
    String html = templateEngine.process("mail/" + model.templateName(), new Context(locale, variables));
    return new RenderedMail(subject, html, locale);
  }

  /** The record's components by name (a model that is no record contributes only its template variables). */
  private static Map<String, Object> components(MailModel model) {
    Map<String, Object> values = new HashMap<>();
    if (model instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        try {
          var accessor = component.getAccessor();
          accessor.trySetAccessible(); // a feature's model may be package-private
          values.put(component.getName(), accessor.invoke(record));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass(), e);
        }
      }
    }
    return values;
  }
}
