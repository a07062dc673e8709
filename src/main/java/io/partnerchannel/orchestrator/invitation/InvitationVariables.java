package io.partnerchannel.orchestrator.invitation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Process variables of {@code ResellerRelationshipInvitation}, in one place (camunda-bpm-data style).
 * Start form field keys and REST body map onto these names; the typed accessors below read them.
 */
public final class InvitationVariables {

  /** String: customer company name. */
  public static final String COMPANY_NAME = "companyName";
  /** String: customer domain, lower case; the correlation key of {@code InvitationAccepted}. */
  public static final String CUSTOMER_DOMAIN = "customerDomain";
  /** String: ISO 3166 alpha-2 country of the customer. */
  public static final String CUSTOMER_COUNTRY = "customerCountry";
  /** String: ISO 639-1 language of the customer's e-mails. */
  public static final String CUSTOMER_LANGUAGE = "customerLanguage";
  /** String: e-mail of the customer's Global admin. */
  public static final String GLOBAL_ADMIN_EMAIL = "globalAdminEmail";
  /** String: {@code NONE}, {@code DAP} or {@code GDAP}. */
  public static final String ADMIN_ACCESS = "adminAccess";
  /** Json array of Entra role definition ids (GDAP only). */
  public static final String GDAP_ROLES = "gdapRoles";
  /** String: ISO-8601 GDAP duration, e.g. {@code P730D}. */
  public static final String GDAP_DURATION = "gdapDuration";
  /** String: the agent's message to the customer, may be empty. */
  public static final String MESSAGE = "message";
  /** String: Camunda user id of the requesting agent (start initiator), may be null. */
  public static final String REQUESTER = "requester";
  /** String: partner cloud, {@code GLOBAL}, {@code US_GOVERNMENT} or {@code 21VIANET}. */
  public static final String CLOUD = "cloud";
  /** String: {@link io.partnerchannel.orchestrator.partnercenter.TenantKind} of the customer domain. */
  public static final String TENANT_KIND = "tenantKind";
  /** Boolean: customer country in the partner's CSP region (R9). */
  public static final String SAME_REGION = "sameRegion";
  /** Boolean: the customer is already in a reseller relationship with the partner. */
  public static final String ALREADY_RELATED = "alreadyRelated";
  /** Boolean: DMN {@code InvitationEligibility} result. */
  public static final String ELIGIBLE = "eligible";
  /** String: human-readable reason the request was refused or ended, when no {@link #REASON_CODE} says it. */
  public static final String REASON = "reason";
  /**
   * String: why the request was refused or ended, as a code of {@code reasons/reasons*.properties} (a decision's
   * output or set by the model), read in words through {@link io.partnerchannel.orchestrator.notification.ReasonTexts}.
   */
  public static final String REASON_CODE = "reasonCode";
  /**
   * String (local to the end event that notifies the requester): the outcome the e-mail tells, an
   * {@link InvitationStatus} name; absent on "Notify requester" (ESTABLISHED).
   */
  public static final String OUTCOME = "outcome";
  /** Boolean: the customer accepted after our follow-up window had ended (set by the late-acceptance start event). */
  public static final String ACCEPTED_LATE = "acceptedLate";
  /** String: rule number that refused the request, e.g. {@code R6}. */
  public static final String REFUSED_BY_RULE = "refusedByRule";
  /** String: the invitation link sent to the customer. */
  public static final String INVITATION_URL = "invitationUrl";
  /** String: ISO-8601 duration between reminders, default {@code P7D}. */
  public static final String REMINDER_INTERVAL = "reminderInterval";
  /** Date: when the invitation expires (default start + P30D); moved by "extend". */
  public static final String EXPIRES_AT = "expiresAt";
  /** String: customer tenant id, known once the customer accepted. */
  public static final String CUSTOMER_TENANT_ID = "customerTenantId";
  /** String: follow-up decision, {@code RESEND}, {@code EXTEND} or {@code WITHDRAW}. */
  public static final String FOLLOW_UP_DECISION = "followUpDecision";
  /** Long: days to extend the invitation by on {@code EXTEND}. */
  public static final String EXTEND_BY_DAYS = "extendByDays";
  /** String: GDAP relationship id; the correlation key of {@code GdapRelationshipApproved}. */
  public static final String GDAP_RELATIONSHIP_ID = "gdapRelationshipId";
  /** String: GDAP approval link sent to the customer. */
  public static final String GDAP_APPROVAL_URL = "gdapApprovalUrl";
  /** String: the operating partner's legal name, shown in e-mails. */
  public static final String PARTNER_NAME = "partnerName";
  /** Boolean: Partner Center reports delegated admin access granted by the customer (recorded on acceptance). */
  public static final String DELEGATED_ACCESS_GRANTED = "delegatedAccessGranted";
  /** String: id of the GDAP access assignment for the partner's security group (R32). */
  public static final String GDAP_ACCESS_ASSIGNMENT_ID = "gdapAccessAssignmentId";
  /** String: {@link InitiatorType} of the operating partner (R13). */
  public static final String INITIATOR_TYPE = "initiatorType";
  /** String: names of the operating partner's indirect providers, when it is an indirect reseller (R13). */
  public static final String INDIRECT_PROVIDERS = "indirectProviders";
  /** String: the customer's associated indirect reseller ({@code Customer.associatedPartnerId}, R15), recorded on acceptance. */
  public static final String ASSOCIATED_PARTNER_ID = "associatedPartnerId";

  private InvitationVariables() {}

  /**
   * @param scope an execution or task
   * @param name the variable name
   * @return the variable as a string, or null when absent
   */
  public static String getString(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  /**
   * @param scope an execution or task
   * @param name the variable name
   * @return whether the variable is {@code true} (absent counts as false)
   */
  public static boolean isTrue(VariableScope scope, String name) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }

  /**
   * @param scope an execution or task
   * @return {@link #ADMIN_ACCESS}, {@link AdminAccess#NONE} when absent
   */
  public static AdminAccess adminAccess(VariableScope scope) {
    String value = getString(scope, ADMIN_ACCESS);
    return value == null || value.isBlank() ? AdminAccess.NONE : AdminAccess.valueOf(value);
  }

  /**
   * @param scope an execution or task
   * @return {@link #EXPIRES_AT}, or null when absent
   */
  public static Date expiresAt(VariableScope scope) {
    return (Date) scope.getVariable(EXPIRES_AT);
  }

  /**
   * Reads {@link #GDAP_ROLES}, whether it was stored as Json (start form checklist, REST) or as a Java list.
   *
   * @param scope an execution or task
   * @return the role definition ids, empty when absent
   */
  public static List<String> gdapRoles(VariableScope scope) {
    return roleIds(scope.getVariable(GDAP_ROLES));
  }

  /**
   * @param raw a Json node, Json text, collection or null
   * @return the string elements, empty for null
   * @throws IllegalArgumentException when the value is not a list of strings
   */
  static List<String> roleIds(Object raw) {
    List<String> roles = new ArrayList<>();
    if (raw == null) {
      return roles;
    }
    if (raw instanceof Collection<?> collection) {
      collection.forEach(role -> roles.add(role == null ? null : role.toString()));
      return roles;
    }
    SpinJsonNode json = raw instanceof SpinJsonNode node ? node : Spin.JSON(raw.toString());
    if (!json.isArray()) {
      throw new IllegalArgumentException(GDAP_ROLES + " must be a JSON array of role definition ids");
    }
    json.elements().forEach(role -> roles.add(role.isString() ? role.stringValue() : role.toString()));
    return roles;
  }

  /**
   * @param roles role definition ids
   * @return the value to store in {@link #GDAP_ROLES}: a Json array
   */
  public static JsonValue gdapRolesValue(List<String> roles) {
    return SpinValues.jsonValue(Spin.JSON(roles)).create();
  }
}
