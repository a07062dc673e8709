package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.ADMIN_ACCESS;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.COMPANY_NAME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_COUNTRY;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_DOMAIN;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_LANGUAGE;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_DURATION;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_ROLES;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GLOBAL_ADMIN_EMAIL;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.MESSAGE;

import io.partnerchannel.orchestrator.invitation.InvitationConstraints.GdapDuration;
import io.partnerchannel.orchestrator.invitation.InvitationConstraints.GdapRolesWhenGdap;
import io.partnerchannel.orchestrator.invitation.InvitationConstraints.IsoCountry;
import io.partnerchannel.orchestrator.invitation.InvitationConstraints.MailLanguage;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.partnerchannel.orchestrator.web.FieldError;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A request for a reseller relationship with a customer: the body of {@code POST /api/invitations} and,
 * under the process variable names, the start form {@code Form_RequestResellerRelationship}. Both pass the same
 * gate ({@link io.partnerchannel.orchestrator.web.ValidationGate}): these constraints, the rule across fields
 * ({@link GdapRolesWhenGdap}) included; REST names the fields as here, the start form by process variable
 * ({@link #variableOf}).
 *
 * @param companyName the customer's company name
 * @param domain the customer's domain, e.g. {@code adatum.onmicrosoft.com}
 * @param country ISO 3166 alpha-2 country of the customer (R9)
 * @param language ISO 639-1 language of the e-mails to the customer, one they are written in (en, it, pt, sv)
 * @param globalAdminEmail e-mail of the customer's Global admin, who accepts (R10)
 * @param adminAccess admin access requested with the relationship
 * @param gdapRoles Entra role definition ids, at least one when {@code adminAccess} is GDAP
 * @param gdapDuration GDAP duration {@code P1D}..{@code P730D}, default {@code P730D} (R29)
 * @param message the agent's note to the customer, may be empty
 */
@GdapRolesWhenGdap
public record InvitationRequest(
    @NotBlank @Size(max = 255) String companyName,
    @NotBlank
        @Pattern(
            regexp = InvitationConstraints.DOMAIN_PATTERN,
            message = "must be a domain name such as contoso.onmicrosoft.com")
        String domain,
    @NotBlank @IsoCountry String country,
    @NotBlank @MailLanguage String language,
    @NotBlank @Email @Size(max = 254) String globalAdminEmail,
    @NotNull AdminAccess adminAccess,
    List<
            @NotNull
            @Pattern(
                regexp = InvitationConstraints.GUID_PATTERN,
                message = "must be an Entra role definition id (GUID)")
            String>
        gdapRoles,
    @GdapDuration String gdapDuration,
    @Size(max = 2000) String message) {

  /** GDAP duration used when none is given: the two-year maximum in days. */
  public static final String DEFAULT_GDAP_DURATION = "P730D";

  /** What an invalid request is called in the refusal's message (Tasklist shows it next to the form). */
  public static final String INVALID = "Invalid invitation request";

  /** REST field name → process variable name, for fields whose names differ. */
  private static final Map<String, String> VARIABLE_OF_FIELD =
      Map.of("domain", CUSTOMER_DOMAIN.getName(), "country", CUSTOMER_COUNTRY.getName(), "language", CUSTOMER_LANGUAGE.getName());

  /**
   * @param path a REST field name or property path of a request, e.g. {@code domain} or {@code gdapRoles[0]}
   * @return the process variable (start form key) holding it, with the same index, e.g. {@code customerDomain}
   */
  public static String variableOf(String path) {
    int end = path.indexOf('[') < 0 ? path.length() : path.indexOf('[');
    String field = path.substring(0, end);
    return VARIABLE_OF_FIELD.getOrDefault(field, field) + path.substring(end);
  }

  /**
   * Reads a request from the start variables (form submission or REST start).
   *
   * @param scope the starting execution
   * @return the request as submitted, not yet validated nor normalised
   * @throws InvalidFieldsException when {@code adminAccess} is not NONE, DAP or GDAP, or {@code gdapRoles} is not
   *     a list of strings (named by process variable)
   */
  public static InvitationRequest fromVariables(VariableScope scope) {
    List<FieldError> problems = new ArrayList<>();
    AdminAccess adminAccess = null;
    String access = ADMIN_ACCESS.from(scope).getOrNull();
    if (access != null && !access.isBlank()) {
      try {
        adminAccess = AdminAccess.valueOf(access.trim());
      } catch (IllegalArgumentException e) {
        problems.add(new FieldError(ADMIN_ACCESS.getName(), "must be one of " + List.of(AdminAccess.values())));
      }
    }
    List<String> gdapRoles = List.of();
    try {
      gdapRoles = InvitationVariables.GDAP_ROLES.from(scope);
    } catch (RuntimeException e) {
      problems.add(new FieldError(GDAP_ROLES.getName(), "must be a JSON array of role definition ids"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidFieldsException(INVALID, problems);
    }
    return new InvitationRequest(
        COMPANY_NAME.from(scope).getOrNull(),
        CUSTOMER_DOMAIN.from(scope).getOrNull(),
        CUSTOMER_COUNTRY.from(scope).getOrNull(),
        CUSTOMER_LANGUAGE.from(scope).getOrNull(),
        GLOBAL_ADMIN_EMAIL.from(scope).getOrNull(),
        adminAccess,
        gdapRoles,
        blankToNull(GDAP_DURATION.from(scope).getOrNull()),
        MESSAGE.from(scope).getOrNull());
  }

  /**
   * The request as process variables, normalised: domain and language in lower case, country in upper
   * case, GDAP roles (a Json array) and duration only when GDAP is asked for (duration defaulting to {@code P730D}),
   * null otherwise.
   *
   * @return variables keyed by {@link InvitationVariables} names
   */
  public Map<String, Object> toVariables() {
    boolean gdap = adminAccess == AdminAccess.GDAP;
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(COMPANY_NAME.getName(), companyName.trim());
    variables.put(CUSTOMER_DOMAIN.getName(), domain.trim().toLowerCase(Locale.ROOT));
    variables.put(CUSTOMER_COUNTRY.getName(), country.trim().toUpperCase(Locale.ROOT));
    variables.put(CUSTOMER_LANGUAGE.getName(), language.trim().toLowerCase(Locale.ROOT));
    variables.put(GLOBAL_ADMIN_EMAIL.getName(), globalAdminEmail.trim());
    variables.put(ADMIN_ACCESS.getName(), adminAccess.name());
    // null, not an empty Json array, without GDAP: a Json value is a byte array in every table it is written to
    variables.put(
        GDAP_ROLES.getName(),
        gdap
            ? InvitationVariables.GDAP_ROLES.value(gdapRoles.stream().map(role -> role.toLowerCase(Locale.ROOT)).distinct().toList())
            : null);
    variables.put(GDAP_DURATION.getName(), gdap ? (gdapDuration == null ? DEFAULT_GDAP_DURATION : gdapDuration) : null);
    variables.put(MESSAGE.getName(), message == null ? "" : message.trim());
    return variables;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
