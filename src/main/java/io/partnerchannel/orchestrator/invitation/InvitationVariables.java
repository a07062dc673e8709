package io.partnerchannel.orchestrator.invitation;

/**
 * Process variables of {@code ResellerRelationshipInvitation}, in one place (camunda-bpm-data style).
 * Start form field keys and REST body map onto these names.
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
  /** String: human-readable reason the request was refused or ended. */
  public static final String REASON = "reason";
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

  private InvitationVariables() {}
}
