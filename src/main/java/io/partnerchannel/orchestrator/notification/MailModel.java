package io.partnerchannel.orchestrator.notification;

/**
 * Keys of the model passed to {@link MailOutbox#enqueue}. Where a value is a process variable of
 * {@code ResellerRelationshipInvitation}, the key is the variable's name
 * ({@link io.partnerchannel.orchestrator.invitation.InvitationVariables}), so a delegate can hand its
 * variables on unchanged. Values are shown HTML-escaped; a missing required key fails the enqueue with
 * {@link IllegalArgumentException} naming it.
 *
 * <table>
 *   <caption>Keys per template (R = required, o = optional)</caption>
 *   <tr><th>key</th><th>invitation</th><th>invitation-reminder</th><th>gdap-approval</th><th>requester-notification</th><th>reseller-notification</th></tr>
 *   <tr><td>{@link #COMPANY_NAME}</td><td>R</td><td>R</td><td>R</td><td>R</td><td>R</td></tr>
 *   <tr><td>{@link #PARTNER_NAME}</td><td>R</td><td>R</td><td>R</td><td>o</td><td>R</td></tr>
 *   <tr><td>{@link #INVITATION_URL}</td><td>R</td><td>R</td><td></td><td></td><td></td></tr>
 *   <tr><td>{@link #MESSAGE}</td><td>o</td><td>o</td><td></td><td></td><td></td></tr>
 *   <tr><td>{@link #ADMIN_ACCESS}</td><td>o (NONE)</td><td>o (NONE)</td><td></td><td></td><td></td></tr>
 *   <tr><td>{@link #GDAP_ROLES}</td><td>o (GDAP)</td><td>o (GDAP)</td><td>R</td><td></td><td></td></tr>
 *   <tr><td>{@link #GDAP_DURATION}</td><td>o (GDAP)</td><td>o (GDAP)</td><td>R</td><td></td><td></td></tr>
 *   <tr><td>{@link #GDAP_APPROVAL_URL}</td><td></td><td></td><td>R</td><td></td><td></td></tr>
 *   <tr><td>{@link #EXPIRES_AT}</td><td>o</td><td>o</td><td></td><td></td><td></td></tr>
 *   <tr><td>{@link #CUSTOMER_DOMAIN}</td><td></td><td></td><td></td><td>R</td><td>R</td></tr>
 *   <tr><td>{@link #STATUS}</td><td></td><td></td><td></td><td>R</td><td></td></tr>
 *   <tr><td>{@link #REASON}</td><td></td><td></td><td></td><td>o</td><td></td></tr>
 *   <tr><td>{@link #CUSTOMER_TENANT_ID}</td><td></td><td></td><td></td><td>o</td><td>o</td></tr>
 *   <tr><td>{@link #DETAILS_URL}</td><td></td><td></td><td></td><td>o</td><td></td></tr>
 *   <tr><td>{@link #REQUESTER_NAME}</td><td></td><td></td><td></td><td>o</td><td>o</td></tr>
 *   <tr><td>{@link #RESELLER_NAME}</td><td>o (sender)</td><td>o (sender)</td><td></td><td>o</td><td>R</td></tr>
 *   <tr><td>{@link #UNCHANGED}</td><td colspan="5">removal-notification only (o); removal-notification also reads
 *   {@link #COMPANY_NAME} (R), {@link #STATUS} (R: REMOVED, NOT_RELATED, CANCELLED), {@link #CUSTOMER_TENANT_ID},
 *   {@link #REASON}, {@link #DETAILS_URL}, {@link #REQUESTER_NAME} (o)</td></tr>
 *   <tr><td>{@link #PROCESS_INSTANCE_ID}</td><td>o</td><td>o</td><td>o</td><td>o</td><td>o</td></tr>
 * </table>
 * {@code gdap-expiry-reminder} (to a GDAP relationship's owner) reads {@link #COMPANY_NAME} (R),
 * {@link #EXPIRES_AT} (R), {@link #GDAP_RELATIONSHIP_ID} (R), {@link #GDAP_ROLES}, {@link #CUSTOMER_TENANT_ID},
 * {@link #FINAL_REMINDER}, {@link #REQUESTER_NAME} and {@link #PROCESS_INSTANCE_ID} (o).
 */
public final class MailModel {

  /** String: the customer's company name. */
  public static final String COMPANY_NAME = "companyName";
  /** String: the operating partner's name as the customer knows it (legal business profile company name). */
  public static final String PARTNER_NAME = "partnerName";
  /** String: the reseller relationship invitation link (Partner Center's request link, A1). */
  public static final String INVITATION_URL = "invitationUrl";
  /** String: the agent's message to the customer; line breaks are kept, may be empty. */
  public static final String MESSAGE = "message";
  /** String: admin access requested with the relationship, {@code NONE}, {@code DAP} or {@code GDAP}. */
  public static final String ADMIN_ACCESS = "adminAccess";
  /**
   * Entra role definition ids of the GDAP request: a {@code Collection}, an array, a Spin JSON array or a
   * JSON array string. Well-known built-in roles are shown by name, others by id.
   */
  public static final String GDAP_ROLES = "gdapRoles";
  /** String: ISO-8601 duration of the GDAP relationship, e.g. {@code P730D} (R29: P1D..P2Y). */
  public static final String GDAP_DURATION = "gdapDuration";
  /** String: the link where the customer's Global admin approves the GDAP relationship (G3). */
  public static final String GDAP_APPROVAL_URL = "gdapApprovalUrl";
  /** {@code Date}, {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime} or {@code LocalDate}: when the invitation expires. */
  public static final String EXPIRES_AT = "expiresAt";
  /** String: the customer's domain, e.g. {@code adatum.onmicrosoft.com}. */
  public static final String CUSTOMER_DOMAIN = "customerDomain";
  /**
   * String: how the invitation ended, one of {@code ESTABLISHED}, {@code ALREADY_RELATED}, {@code REFUSED},
   * {@code EXPIRED}, {@code WITHDRAWN} (the final statuses of {@code GET /api/invitations/{id}}).
   */
  public static final String STATUS = "status";
  /** String: the human-readable reason the invitation ended that way. */
  public static final String REASON = "reason";
  /** String: the customer's tenant id, once the customer accepted. */
  public static final String CUSTOMER_TENANT_ID = "customerTenantId";
  /** String: where the agent reads the invitation's details (e.g. Cockpit or {@code /api/invitations/{id}}). */
  public static final String DETAILS_URL = "detailsUrl";
  /** String: the requesting agent's name, for the greeting. */
  public static final String REQUESTER_NAME = "requesterName";
  /**
   * String: the indirect reseller forwarding an indirect provider's invitation (the e-mail goes out in its
   * name), or the customer's associated reseller in a notice about an indirect invitation.
   */
  public static final String RESELLER_NAME = "resellerName";
  /** String: what a relationship removal does not change (R18–R20), one item per line. */
  public static final String UNCHANGED = "unchanged";
  /** String: the process instance the e-mail belongs to; stored as the outbox entry's business reference. */
  public static final String PROCESS_INSTANCE_ID = "processInstanceId";
  /** String: a GDAP relationship's id (Graph {@code delegatedAdminRelationship}). */
  public static final String GDAP_RELATIONSHIP_ID = "gdapRelationshipId";
  /** Boolean: the last reminder before a GDAP relationship's end ({@code gdap-expiry-reminder}). */
  public static final String FINAL_REMINDER = "finalReminder";

  private MailModel() {}
}
