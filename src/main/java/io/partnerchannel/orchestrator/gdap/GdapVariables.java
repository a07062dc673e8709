package io.partnerchannel.orchestrator.gdap;

import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Process variables of {@code GdapRelationshipLifecycle} and {@code GdapRelationshipRequest}. The request
 * shares the invitation's names ({@code InvitationVariables}: {@code customerTenantId}, {@code gdapRoles},
 * {@code gdapDuration}, {@code gdapRelationshipId}, ...) so it runs the invitation's delegates unchanged.
 */
final class GdapVariables {

  /**
   * String: the watched delegatedAdminRelationship id (also the lifecycle's business key); the correlation
   * key of the lifecycle's event messages. Named apart from the invitation's {@code gdapRelationshipId}, which
   * {@code GdapRelationshipRequest} sets to the relationship it creates.
   */
  public static final String RELATIONSHIP_ID = "watchedRelationshipId";
  /** String: the customer's tenant id. */
  public static final String CUSTOMER_TENANT_ID = "customerTenantId";
  /** String: Camunda user id of the relationship's owner, who is reminded of its expiry; may be null. */
  public static final String OWNER = "requester";
  /** String: e-mail of the customer's Global admin, who approves a new relationship; may be null. */
  public static final String GLOBAL_ADMIN_EMAIL = "globalAdminEmail";
  /** String: ISO 639-1 language of the customer's e-mails; may be null (English). */
  public static final String CUSTOMER_LANGUAGE = "customerLanguage";
  /**
   * String: what "Read GDAP relationship" found: {@code ACTIVE} ({@code active} or {@code expiring}),
   * {@code NOT_YET_ACTIVE} ({@code created}, {@code approvalPending}, {@code approved}, {@code activating}) or
   * {@code ENDED} (termination requested, terminating, terminated, expired, or unknown to Graph), or
   * {@code WATCHED_ELSEWHERE} (another lifecycle of the same relationship runs).
   */
  public static final String RELATIONSHIP_STATE = "relationshipState";
  /** String: the relationship's Graph {@code status} as last read. */
  public static final String RELATIONSHIP_STATUS = "relationshipStatus";
  /** Date: the relationship's {@code endDateTime} as last read. */
  public static final String END_DATE_TIME = "gdapEndDateTime";
  /**
   * Date: when an auto-extending relationship is read again: its {@code endDateTime}, or
   * {@code pco.gdap.lifecycle.activation-check-interval} from now when that end has passed (Microsoft not done yet).
   */
  public static final String END_DATE_CHECK_AT = "endDateCheckAt";
  /** Date: when the owner is reminded first ({@code endDateTime} - {@code pco.gdap.lifecycle.first-reminder}). */
  public static final String FIRST_REMINDER_AT = "firstReminderAt";
  /** Date: when the owner is reminded again ({@code endDateTime} - {@code pco.gdap.lifecycle.final-reminder}). */
  public static final String FINAL_REMINDER_AT = "finalReminderAt";
  /** Boolean: the roles allow auto-extension (no Global Administrator, R30). */
  public static final String AUTO_EXTEND_ALLOWED = "autoExtendAllowed";
  /** String: ISO-8601 duration of a timer, {@code pco.gdap.lifecycle.provisioning-time}. */
  public static final String PROVISIONING_TIME = "provisioningTime";
  /** String: ISO-8601 duration of a timer, {@code pco.gdap.lifecycle.activation-check-interval}. */
  public static final String ACTIVATION_CHECK_INTERVAL = "activationCheckInterval";
  /** Boolean: the access assignments were found active, or an admin chose to continue without. */
  public static final String ACCESS_ASSIGNMENTS_CHECKED = "accessAssignmentsChecked";
  /** String: for people, each access assignment that is not active (group, status), empty when all are. */
  public static final String ACCESS_ASSIGNMENT_PROBLEMS = "accessAssignmentProblems";
  /** String: decision of "Review access assignments", {@code CHECK_AGAIN} or {@code CONTINUE}. */
  public static final String ACCESS_ASSIGNMENT_DECISION = "accessAssignmentDecision";
  /** Json array: the ids of the access assignments created for the relationship, one per security group. */
  public static final String ACCESS_ASSIGNMENT_IDS = "gdapAccessAssignmentIds";
  /** Boolean: {@code GdapRelationshipRequest} ended with the customer's approval and access assignments. */
  public static final String GDAP_RELATIONSHIP_APPROVED = "gdapRelationshipApproved";
  /** Boolean: {@code GdapRelationshipRequest} knows the Global admin e-mail, at least one role and the duration. */
  public static final String GDAP_REQUEST_COMPLETE = "gdapRequestComplete";
  /** String: the relationship {@code GdapRelationshipRequest} created to replace the watched one. */
  public static final String NEW_RELATIONSHIP_ID = "newRelationshipId";

  private GdapVariables() {}

  /**
   * @param scope an execution or task
   * @param name the variable name
   * @return the variable as text, or null when absent
   */
  static String string(VariableScope scope, String name) {
    Object value = scope.getVariableTyped(name) == null ? null : scope.getVariableTyped(name).getValue();
    return value == null ? null : value.toString();
  }

  /**
   * @param scope an execution or task
   * @param name a Date variable
   * @return its value, or null when absent
   */
  static Date date(VariableScope scope, String name) {
    var typed = scope.<org.camunda.bpm.engine.variable.value.DateValue>getVariableTyped(name);
    return typed == null ? null : typed.getValue();
  }
}
