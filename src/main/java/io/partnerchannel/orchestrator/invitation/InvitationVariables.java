package io.partnerchannel.orchestrator.invitation;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;
import static io.partnerchannel.orchestrator.invitation.JsonArrayVariable.jsonArrayVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Process variables of {@code ResellerRelationshipInvitation}, one camunda-bpm-data {@link VariableFactory} each:
 * read {@code CUSTOMER_DOMAIN.from(execution).get()}, write {@code CUSTOMER_DOMAIN.on(execution).set(value)}, name
 * {@code CUSTOMER_DOMAIN.getName()}. The names are those of the start form's fields, the REST body, the BPMN
 * expressions and the decision tables: they do not change. Json lists go through {@link JsonArrayVariable}.
 */
public final class InvitationVariables {

  /** String: customer company name. */
  public static final VariableFactory<String> COMPANY_NAME = stringVariable("companyName");
  /** String: customer domain, lower case; the correlation key of {@code InvitationAccepted}. */
  public static final VariableFactory<String> CUSTOMER_DOMAIN = stringVariable("customerDomain");
  /** String: ISO 3166 alpha-2 country of the customer. */
  public static final VariableFactory<String> CUSTOMER_COUNTRY = stringVariable("customerCountry");
  /** String: ISO 639-1 language of the customer's e-mails. */
  public static final VariableFactory<String> CUSTOMER_LANGUAGE = stringVariable("customerLanguage");
  /** String: e-mail of the customer's Global admin. */
  public static final VariableFactory<String> GLOBAL_ADMIN_EMAIL = stringVariable("globalAdminEmail");
  /** String: {@code NONE}, {@code DAP} or {@code GDAP}. */
  public static final VariableFactory<String> ADMIN_ACCESS = stringVariable("adminAccess");
  /** Json array of Entra role definition ids (GDAP only). */
  public static final JsonArrayVariable<String> GDAP_ROLES = jsonArrayVariable("gdapRoles", String.class);
  /** String: ISO-8601 GDAP duration, e.g. {@code P730D}. */
  public static final VariableFactory<String> GDAP_DURATION = stringVariable("gdapDuration");
  /** String: the agent's message to the customer, may be empty. */
  public static final VariableFactory<String> MESSAGE = stringVariable("message");
  /** String: Camunda user id of the requesting agent (start initiator), may be null. */
  public static final VariableFactory<String> REQUESTER = stringVariable("requester");
  /** String: partner cloud, {@code GLOBAL}, {@code US_GOVERNMENT} or {@code 21VIANET}. */
  public static final VariableFactory<String> CLOUD = stringVariable("cloud");
  /** String: {@link io.partnerchannel.orchestrator.partnercenter.TenantKind} of the customer domain. */
  public static final VariableFactory<String> TENANT_KIND = stringVariable("tenantKind");
  /** Boolean: customer country in the partner's CSP region (R9). */
  public static final VariableFactory<Boolean> SAME_REGION = booleanVariable("sameRegion");
  /** Boolean: the customer is already in a reseller relationship with the partner. */
  public static final VariableFactory<Boolean> ALREADY_RELATED = booleanVariable("alreadyRelated");
  /** Boolean: DMN {@code InvitationEligibility} result. */
  public static final VariableFactory<Boolean> ELIGIBLE = booleanVariable("eligible");
  /** String: human-readable reason the request was refused or ended, when no {@link #REASON_CODE} says it. */
  public static final VariableFactory<String> REASON = stringVariable("reason");
  /**
   * String: why the request was refused or ended, as a code of {@code reasons/reasons*.properties} (a decision's
   * output or set by the model), read in words through {@link io.partnerchannel.orchestrator.notification.ReasonTexts}.
   */
  public static final VariableFactory<String> REASON_CODE = stringVariable("reasonCode");
  /**
   * String (local to the end event that notifies the requester): the outcome the e-mail tells, an
   * {@link InvitationStatus} name; absent on "Notify requester" (ESTABLISHED).
   */
  public static final VariableFactory<String> OUTCOME = stringVariable("outcome");
  /** Boolean: the customer accepted after our follow-up window had ended (set by the late-acceptance start event). */
  public static final VariableFactory<Boolean> ACCEPTED_LATE = booleanVariable("acceptedLate");
  /** String: rule number that refused the request, e.g. {@code R6}. */
  public static final VariableFactory<String> REFUSED_BY_RULE = stringVariable("refusedByRule");
  /** String: the invitation link sent to the customer. */
  public static final VariableFactory<String> INVITATION_URL = stringVariable("invitationUrl");
  /** String: ISO-8601 duration between reminders, default {@code P7D}. */
  public static final VariableFactory<String> REMINDER_INTERVAL = stringVariable("reminderInterval");
  /** Date: when the invitation expires (default start + P30D); moved by "extend". */
  public static final VariableFactory<Date> EXPIRES_AT = dateVariable("expiresAt");
  /** String: customer tenant id, known once the customer accepted. */
  public static final VariableFactory<String> CUSTOMER_TENANT_ID = stringVariable("customerTenantId");
  /** String: follow-up decision, {@code RESEND}, {@code EXTEND} or {@code WITHDRAW}. */
  public static final VariableFactory<String> FOLLOW_UP_DECISION = stringVariable("followUpDecision");
  /** Number (form-js submits a Long): days to extend the invitation by on {@code EXTEND}. */
  public static final VariableFactory<Number> EXTEND_BY_DAYS = customVariable("extendByDays", Number.class);
  /** String: GDAP relationship id; the correlation key of {@code GdapRelationshipApproved}. */
  public static final VariableFactory<String> GDAP_RELATIONSHIP_ID = stringVariable("gdapRelationshipId");
  /** String: GDAP approval link sent to the customer. */
  public static final VariableFactory<String> GDAP_APPROVAL_URL = stringVariable("gdapApprovalUrl");
  /**
   * String: the indirect reseller an indirect provider's invitation goes out in the name of (set by
   * {@code IndirectResellerInvitation}); null otherwise.
   */
  public static final VariableFactory<String> RESELLER_NAME = stringVariable("resellerName");
  /** String: the operating partner's legal name, shown in e-mails. */
  public static final VariableFactory<String> PARTNER_NAME = stringVariable("partnerName");
  /** Boolean: Partner Center reports delegated admin access granted by the customer (recorded on acceptance). */
  public static final VariableFactory<Boolean> DELEGATED_ACCESS_GRANTED = booleanVariable("delegatedAccessGranted");
  /** String: id of the GDAP access assignment for the partner's security group (R32). */
  public static final VariableFactory<String> GDAP_ACCESS_ASSIGNMENT_ID = stringVariable("gdapAccessAssignmentId");
  /** String: {@link InitiatorType} of the operating partner (R13). */
  public static final VariableFactory<String> INITIATOR_TYPE = stringVariable("initiatorType");
  /** String: names of the operating partner's indirect providers, when it is an indirect reseller (R13). */
  public static final VariableFactory<String> INDIRECT_PROVIDERS = stringVariable("indirectProviders");
  /** String: the customer's associated indirect reseller ({@code Customer.associatedPartnerId}, R15), recorded on acceptance. */
  public static final VariableFactory<String> ASSOCIATED_PARTNER_ID = stringVariable("associatedPartnerId");

  private InvitationVariables() {}

  /**
   * @param scope an execution or task
   * @return {@link #ADMIN_ACCESS}, {@link AdminAccess#NONE} when absent or blank
   */
  public static AdminAccess adminAccess(VariableScope scope) {
    String value = ADMIN_ACCESS.from(scope).getOrNull();
    return value == null || value.isBlank() ? AdminAccess.NONE : AdminAccess.valueOf(value);
  }
}
