package io.partnerchannel.orchestrator.notification;

import java.util.Map;

/**
 * The model of one e-mail: a record owned by the feature that sends it, one per template. {@link MailRenderer}
 * renders {@code templates/mail/<templateName>.html} with Thymeleaf; the template reads the record's components
 * by name (a record component {@code companyName} is {@code ${companyName}}), plus what
 * {@link #templateVariables} adds (texts that depend on the language, such as a long date) and {@code subject}.
 * Values are shown HTML-escaped. A record checks its required values in its constructor, so a model that cannot
 * be rendered is never built.
 */
public interface MailModel {

  /** @return the Thymeleaf template under {@code templates/mail/}, whose texts are {@code mail.<templateName>.*} */
  String templateName();

  /**
   * @param texts the texts of {@code mail/messages*.properties} in the recipient's language
   * @return the subject line, plain text
   */
  String subject(MailTexts texts);

  /**
   * Variables the template reads besides the record's components, e.g. {@code expiresOn} from a date.
   *
   * @param texts the texts in the recipient's language
   * @return the extra variables (values may be null); empty by default
   */
  default Map<String, Object> templateVariables(MailTexts texts) {
    return Map.of();
  }

  /** @return the business reference stored with the outbox entry (the process instance id), may be null */
  String reference();

  /**
   * For a model's constructor: refuses a missing required value.
   *
   * @param name the value's name, as the template reads it
   * @param value its value
   * @throws IllegalArgumentException when the value is null or blank, naming it
   */
  static void require(String name, Object value) {
    if (value == null || value instanceof String text && text.isBlank()) {
      throw new IllegalArgumentException("The e-mail needs '" + name + "'");
    }
  }
}
