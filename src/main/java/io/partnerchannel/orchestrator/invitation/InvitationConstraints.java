package io.partnerchannel.orchestrator.invitation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.partnerchannel.orchestrator.notification.MailRenderer;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bean Validation constraints of an invitation request, shared by REST and the start form. */
public final class InvitationConstraints {

  /** A domain name such as {@code contoso.onmicrosoft.com} (labels of letters, digits and inner hyphens). */
  public static final String DOMAIN_PATTERN =
      "^(?=.{4,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$";
  /** An Entra role definition id (GUID). */
  public static final String GUID_PATTERN =
      "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$";
  /** Longest GDAP relationship duration Graph accepts (R29: P1D..P2Y, written in days). */
  public static final int MAX_GDAP_DURATION_DAYS = 730;

  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Pattern DAYS = Pattern.compile("^P(\\d{1,4})D$");

  private InvitationConstraints() {}

  /** An ISO 3166-1 alpha-2 country code, any case ({@link Locale#getISOCountries()}). Null is valid. */
  @Documented
  @Constraint(validatedBy = IsoCountryValidator.class)
  @Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
  @Retention(RUNTIME)
  public @interface IsoCountry {
    String message() default "must be an ISO 3166 alpha-2 country code such as IT";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /**
   * An ISO 639-1 language the customer's e-mails are written in ({@link MailRenderer#LANGUAGES}: en, it, pt,
   * sv), any case; the start forms offer the same list. Null is valid.
   */
  @Documented
  @Constraint(validatedBy = MailLanguageValidator.class)
  @Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
  @Retention(RUNTIME)
  public @interface MailLanguage {
    String message() default "must be a language the e-mails are written in: en (English), it (Italian),"
        + " pt (Portuguese) or sv (Swedish)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /** A GDAP duration in days, {@code P1D}..{@code P730D} (R29). Null is valid (the default applies). */
  @Documented
  @Constraint(validatedBy = GdapDurationValidator.class)
  @Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
  @Retention(RUNTIME)
  public @interface GdapDuration {
    String message() default "must be an ISO-8601 duration in days between P1D and P730D";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /** On {@link InvitationRequest}: GDAP needs at least one role, reported on {@code gdapRoles}. */
  @Documented
  @Constraint(validatedBy = GdapRolesValidator.class)
  @Target(TYPE)
  @Retention(RUNTIME)
  public @interface GdapRolesWhenGdap {
    String message() default "must name at least one Entra role definition id when adminAccess is GDAP";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /** Validates {@link IsoCountry}. */
  public static class IsoCountryValidator implements ConstraintValidator<IsoCountry, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || ISO_COUNTRIES.contains(value.toUpperCase(Locale.ROOT));
    }
  }

  /** Validates {@link MailLanguage}. */
  public static class MailLanguageValidator implements ConstraintValidator<MailLanguage, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || MailRenderer.LANGUAGES.contains(value.trim().toLowerCase(Locale.ROOT));
    }
  }

  /** Validates {@link GdapDuration}. */
  public static class GdapDurationValidator implements ConstraintValidator<GdapDuration, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      Matcher days = DAYS.matcher(value);
      if (!days.matches()) {
        return false;
      }
      int count = Integer.parseInt(days.group(1));
      return count >= 1 && count <= MAX_GDAP_DURATION_DAYS;
    }
  }

  /** Validates {@link GdapRolesWhenGdap}, reporting the violation on the {@code gdapRoles} field. */
  public static class GdapRolesValidator implements ConstraintValidator<GdapRolesWhenGdap, InvitationRequest> {
    @Override
    public boolean isValid(InvitationRequest request, ConstraintValidatorContext context) {
      if (request == null || request.adminAccess() != AdminAccess.GDAP) {
        return true;
      }
      if (request.gdapRoles() != null && !request.gdapRoles().isEmpty()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
          .addPropertyNode("gdapRoles")
          .addConstraintViolation();
      return false;
    }
  }
}
