package io.partnerchannel.orchestrator.notification;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The e-mail texts ({@code mail/messages*.properties}) in one recipient's language, and the values a template shows
 * in that language: a message, a long date, an ISO-8601 period in words, Entra role names.
 */
public final class MailTexts {

  private final MessageSource messageSource;
  private final Locale locale;

  MailTexts(MessageSource messageSource, Locale locale) {
    this.messageSource = messageSource;
    this.locale = locale;
  }

  /** @return the language the e-mail is written in (one of {@link MailRenderer#LANGUAGES}) */
  public Locale locale() {
    return locale;
  }

  /**
   * @param code a message code, e.g. {@code mail.invitation.subject}
   * @param args the message's arguments
   * @return the text in the recipient's language
   * @throws org.springframework.context.NoSuchMessageException when no bundle has the code
   */
  public String message(String code, Object... args) {
    return messageSource.getMessage(code, args, locale);
  }

  /**
   * @param date a day, may be null
   * @return the day (UTC) as a long date in the recipient's language, e.g. "14 marzo 2030"; null for null
   */
  public String longDate(Date date) {
    return date == null ? null : longDate(date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate());
  }

  /**
   * @param date a day, may be null
   * @return the day as a long date in the recipient's language; null for null
   */
  public String longDate(LocalDate date) {
    return date == null ? null : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
  }

  /**
   * @param duration an ISO-8601 period such as {@code P730D} or {@code P1Y6M}, may be null
   * @return it in words ("730 days", "1 year, 6 months"); other texts unchanged; null for null
   */
  public String duration(String duration) {
    if (duration == null) {
      return null;
    }
    try {
      Period period = Period.parse(duration);
      List<String> parts = new ArrayList<>();
      if (period.getYears() > 0) {
        parts.add(message("mail.duration.years", period.getYears()));
      }
      if (period.getMonths() > 0) {
        parts.add(message("mail.duration.months", period.getMonths()));
      }
      if (period.getDays() > 0 || parts.isEmpty()) {
        parts.add(message("mail.duration.days", period.getDays()));
      }
      return String.join(", ", parts);
    } catch (DateTimeParseException e) {
      return duration;
    }
  }

  /** A Microsoft Entra role for display: its role definition id and, for well-known roles, its name. */
  public record Role(String id, String name) {}

  /**
   * @param roleDefinitionIds Entra role definition ids, may be null
   * @return each with its name ({@code mail.role.<id>}) or, when unknown, its id
   */
  public List<Role> roles(List<String> roleDefinitionIds) {
    return roleDefinitionIds == null ? List.of() : roleDefinitionIds.stream()
        .filter(id -> id != null && !id.isBlank())
        .map(String::trim)
        .map(id -> new Role(id, messageSource.getMessage("mail.role." + id, null, id, locale)))
        .toList();
  }
}
