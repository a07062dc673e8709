package io.partnerchannel.orchestrator.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a {@link MailTemplate} with Spring's Thymeleaf engine ({@code templates/mail/<name>.html}) and
 * the texts of {@code mail/messages*.properties} in the recipient's language. The model keys are those
 * of {@link MailModel}; besides them a template reads {@code subject}, {@code senderName}, {@code roles}
 * (GDAP roles with display names), {@code durationText}, {@code expiresOn} and the normalized
 * {@code adminAccess} / {@code status} this class adds.
 */
@Component
public class MailRenderer {

  /** Languages the e-mails are written in; any other locale is rendered in English. */
  public static final List<String> LANGUAGES = List.of("en", "it", "pt", "sv");

  /**
   * Template variable: who the e-mail comes from, shown in the header and signature: the reseller for an
   * invitation forwarded by an indirect reseller ({@link MailModel#RESELLER_NAME}), otherwise the partner.
   */
  static final String SENDER_NAME = "senderName";

  /** {@link MailModel#ADMIN_ACCESS} values. */
  static final Set<String> ADMIN_ACCESS_VALUES = Set.of("NONE", "DAP", "GDAP");

  /** {@link MailModel#STATUS} values: the final statuses of an invitation. */
  static final Set<String> FINAL_STATUSES = Set.of("ESTABLISHED", "ALREADY_RELATED", "REFUSED", "EXPIRED", "WITHDRAWN");
  /** How a relationship removal ends (removal-notification's {@code status}). */
  static final Set<String> REMOVAL_STATUSES = Set.of("REMOVED", "NOT_RELATED", "CANCELLED");

  private final ITemplateEngine templateEngine;
  private final MessageSource messageSource;
  private final ObjectMapper objectMapper;

  /**
   * @param templateEngine Spring Boot's Thymeleaf engine (reads the application's {@link MessageSource})
   * @param messageSource the application's messages, {@code mail/messages} among the basenames
   * @param objectMapper reads GDAP roles given as a JSON array
   */
  public MailRenderer(ITemplateEngine templateEngine, MessageSource messageSource, ObjectMapper objectMapper) {
    this.templateEngine = templateEngine;
    this.messageSource = messageSource;
    this.objectMapper = objectMapper;
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
   * @param template the e-mail
   * @param requestedLocale the recipient's language; unknown languages fall back to English
   * @param model values per {@link MailModel}
   * @return the subject and HTML in the language used
   * @throws IllegalArgumentException when a required model key is missing or a value is not allowed
   */
  public RenderedMail render(MailTemplate template, Locale requestedLocale, Map<String, Object> model) {
    Locale locale = supportedLocale(requestedLocale);
    Map<String, Object> variables = new HashMap<>(model);
    requireKeys(template, variables);

    String adminAccess = upperCase(variables.get(MailModel.ADMIN_ACCESS), "NONE");
    if (!ADMIN_ACCESS_VALUES.contains(adminAccess)) {
      throw new IllegalArgumentException(MailModel.ADMIN_ACCESS + " must be one of " + ADMIN_ACCESS_VALUES + ", was " + adminAccess);
    }
    variables.put(MailModel.ADMIN_ACCESS, adminAccess);
    variables.put("roles", roles(variables.get(MailModel.GDAP_ROLES), locale));
    variables.put("durationText", durationText(text(variables.get(MailModel.GDAP_DURATION)), locale));
    variables.put("expiresOn", expiresOn(variables.get(MailModel.EXPIRES_AT), locale));

    String resellerName = text(variables.get(MailModel.RESELLER_NAME));
    boolean inResellersName =
        resellerName != null && (template == MailTemplate.INVITATION || template == MailTemplate.INVITATION_REMINDER);
    variables.put(SENDER_NAME, inResellersName ? resellerName : variables.get(MailModel.PARTNER_NAME));
    String subject = switch (template) {
      case INVITATION, INVITATION_REMINDER -> inResellersName
          ? message("mail." + template.templateName() + ".subject.indirect", locale,
              resellerName, variables.get(MailModel.COMPANY_NAME), variables.get(MailModel.PARTNER_NAME))
          : message("mail." + template.templateName() + ".subject", locale,
              variables.get(MailModel.PARTNER_NAME), variables.get(MailModel.COMPANY_NAME));
      case GDAP_APPROVAL -> message(
          "mail." + template.templateName() + ".subject", locale,
          variables.get(MailModel.PARTNER_NAME), variables.get(MailModel.COMPANY_NAME));
      case GDAP_EXPIRY_REMINDER -> message(
          "mail.gdap-expiry-reminder.subject" + (Boolean.TRUE.equals(variables.get(MailModel.FINAL_REMINDER)) ? ".final" : ""),
          locale, variables.get(MailModel.COMPANY_NAME), variables.get("expiresOn"));
      case RESELLER_NOTIFICATION -> message(
          "mail.reseller-notification.subject", locale,
          variables.get(MailModel.COMPANY_NAME), variables.get(MailModel.CUSTOMER_DOMAIN));
      case REMOVAL_NOTIFICATION -> {
        String status = upperCase(variables.get(MailModel.STATUS), "");
        if (!REMOVAL_STATUSES.contains(status)) {
          throw new IllegalArgumentException(MailModel.STATUS + " must be one of " + REMOVAL_STATUSES + ", was " + status);
        }
        variables.put(MailModel.STATUS, status);
        String unchanged = text(variables.get(MailModel.UNCHANGED));
        variables.put(MailModel.UNCHANGED, unchanged == null ? List.of() : List.of(unchanged.split("\\R")));
        yield message("mail.removal-notification.subject." + status, locale, variables.get(MailModel.COMPANY_NAME));
      }
      case REQUESTER_NOTIFICATION -> {
        String status = upperCase(variables.get(MailModel.STATUS), "");
        if (!FINAL_STATUSES.contains(status)) {
          throw new IllegalArgumentException(MailModel.STATUS + " must be one of " + FINAL_STATUSES + ", was " + status);
        }
        variables.put(MailModel.STATUS, status);
        yield message("mail.requester-notification.subject." + status, locale,
            variables.get(MailModel.COMPANY_NAME), variables.get(MailModel.CUSTOMER_DOMAIN));
      }
    };
    variables.put("subject", subject);

    String html = templateEngine.process("mail/" + template.templateName(), new Context(locale, variables));
    return new RenderedMail(subject, html, locale);
  }

  private static void requireKeys(MailTemplate template, Map<String, Object> model) {
    List<String> required = switch (template) {
      case INVITATION, INVITATION_REMINDER -> List.of(MailModel.COMPANY_NAME, MailModel.PARTNER_NAME, MailModel.INVITATION_URL);
      case GDAP_APPROVAL -> List.of(MailModel.COMPANY_NAME, MailModel.PARTNER_NAME, MailModel.GDAP_APPROVAL_URL,
          MailModel.GDAP_ROLES, MailModel.GDAP_DURATION);
      case REQUESTER_NOTIFICATION -> List.of(MailModel.COMPANY_NAME, MailModel.CUSTOMER_DOMAIN, MailModel.STATUS);
      case GDAP_EXPIRY_REMINDER -> List.of(MailModel.COMPANY_NAME, MailModel.EXPIRES_AT, MailModel.GDAP_RELATIONSHIP_ID);
      case RESELLER_NOTIFICATION -> List.of(MailModel.COMPANY_NAME, MailModel.CUSTOMER_DOMAIN, MailModel.PARTNER_NAME,
          MailModel.RESELLER_NAME);
      case REMOVAL_NOTIFICATION -> List.of(MailModel.COMPANY_NAME, MailModel.STATUS);
    };
    for (String key : required) {
      Object value = model.get(key);
      if (value == null || value instanceof String s && s.isBlank()) {
        throw new IllegalArgumentException("Mail " + template.templateName() + " needs model key '" + key + "'");
      }
    }
  }

  private String message(String code, Locale locale, Object... args) {
    return messageSource.getMessage(code, args, locale);
  }

  /** A GDAP role for display: its Entra role definition id and, for well-known roles, its name. */
  record Role(String id, String name) {}

  private List<Role> roles(Object value, Locale locale) {
    return roleIds(value).stream()
        .map(id -> new Role(id, messageSource.getMessage("mail.role." + id, null, id, locale)))
        .toList();
  }

  /** Role ids from a collection, an array, or anything whose text is a JSON array (Spin, Jackson, String). */
  List<String> roleIds(Object value) {
    if (value == null) {
      return List.of();
    }
    Collection<?> items;
    if (value instanceof Collection<?> collection) {
      items = collection;
    } else if (value instanceof Object[] array) {
      items = Arrays.asList(array);
    } else {
      String json = value.toString().trim();
      if (json.isEmpty()) {
        return List.of();
      }
      try {
        items = Arrays.asList(objectMapper.readValue(json, String[].class));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(MailModel.GDAP_ROLES + " must be a list of role definition ids, was " + json, e);
      }
    }
    List<String> ids = new ArrayList<>();
    for (Object item : items) {
      if (item != null && !item.toString().isBlank()) {
        ids.add(item.toString().trim());
      }
    }
    return ids;
  }

  /** {@code P730D} → "730 days", {@code P1Y6M} → "1 year, 6 months"; other texts unchanged. */
  private String durationText(String duration, Locale locale) {
    if (duration == null) {
      return null;
    }
    try {
      Period period = Period.parse(duration);
      List<String> parts = new ArrayList<>();
      if (period.getYears() > 0) {
        parts.add(message("mail.duration.years", locale, period.getYears()));
      }
      if (period.getMonths() > 0) {
        parts.add(message("mail.duration.months", locale, period.getMonths()));
      }
      if (period.getDays() > 0 || parts.isEmpty()) {
        parts.add(message("mail.duration.days", locale, period.getDays()));
      }
      return String.join(", ", parts);
    } catch (DateTimeParseException e) {
      return duration;
    }
  }

  /** The expiry as a long date in the recipient's language (UTC), or null. */
  private static String expiresOn(Object value, Locale locale) {
    LocalDate date;
    if (value == null) {
      return null;
    } else if (value instanceof Date d) {
      date = d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    } else if (value instanceof Instant i) {
      date = i.atOffset(ZoneOffset.UTC).toLocalDate();
    } else if (value instanceof OffsetDateTime o) {
      date = o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    } else if (value instanceof ZonedDateTime z) {
      date = z.withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    } else if (value instanceof LocalDate l) {
      date = l;
    } else {
      throw new IllegalArgumentException(MailModel.EXPIRES_AT + " must be a date, was " + value.getClass().getName());
    }
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  private static String upperCase(Object value, String fallback) {
    String text = text(value);
    return StringUtils.hasText(text) ? text.toUpperCase(Locale.ROOT) : fallback;
  }
}
