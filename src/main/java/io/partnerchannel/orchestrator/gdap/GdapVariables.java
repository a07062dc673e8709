package io.partnerchannel.orchestrator.gdap;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;
import static io.partnerchannel.orchestrator.forms.JsonArrayVariable.jsonArrayVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import io.partnerchannel.orchestrator.forms.JsonArrayVariable;
import java.util.Date;

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
  public static final VariableFactory<String> RELATIONSHIP_ID = stringVariable("watchedRelationshipId");
  /** String: the customer's tenant id. */
  public static final VariableFactory<String> CUSTOMER_TENANT_ID = stringVariable("customerTenantId");
  /** String: Camunda user id of the relationship's owner, who is reminded of its expiry; may be null. */
  public static final VariableFactory<String> OWNER = stringVariable("requester");
  /** String: e-mail of the customer's Global admin, who approves a new relationship; may be null. */
  public static final VariableFactory<String> GLOBAL_ADMIN_EMAIL = stringVariable("globalAdminEmail");
  /** String: ISO 639-1 language of the customer's e-mails; may be null (English). */
  public static final VariableFactory<String> CUSTOMER_LANGUAGE = stringVariable("customerLanguage");
  /**
   * String: what "Read GDAP relationship" found: {@code ACTIVE} ({@code active} or {@code expiring}),
   * {@code NOT_YET_ACTIVE} ({@code created}, {@code approvalPending}, {@code approved}, {@code activating}) or
   * {@code ENDED} (termination requested, terminating, terminated, expired, or unknown to Graph), or
   * {@code WATCHED_ELSEWHERE} (another lifecycle of the same relationship runs).
   */
  public static final VariableFactory<String> RELATIONSHIP_STATE = stringVariable("relationshipState");
  /** String: the relationship's Graph {@code status} as last read. */
  public static final VariableFactory<String> RELATIONSHIP_STATUS = stringVariable("relationshipStatus");
  /** Date: the relationship's {@code endDateTime} as last read. */
  public static final VariableFactory<Date> END_DATE_TIME = dateVariable("gdapEndDateTime");
  /**
   * Date: when an auto-extending relationship is read again: its {@code endDateTime}, or
   * {@code pco.gdap.lifecycle.activation-check-interval} from now when that end has passed (Microsoft not done yet).
   */
  public static final VariableFactory<Date> END_DATE_CHECK_AT = dateVariable("endDateCheckAt");
  /** Date: when the owner is reminded first ({@code endDateTime} - {@code pco.gdap.lifecycle.first-reminder}). */
  public static final VariableFactory<Date> FIRST_REMINDER_AT = dateVariable("firstReminderAt");
  /** Date: when the owner is reminded again ({@code endDateTime} - {@code pco.gdap.lifecycle.final-reminder}). */
  public static final VariableFactory<Date> FINAL_REMINDER_AT = dateVariable("finalReminderAt");
  /** Boolean: the roles allow auto-extension (no Global Administrator, R30). */
  public static final VariableFactory<Boolean> AUTO_EXTEND_ALLOWED = booleanVariable("autoExtendAllowed");
  /** String: ISO-8601 duration of a timer, {@code pco.gdap.lifecycle.provisioning-time}. */
  public static final VariableFactory<String> PROVISIONING_TIME = stringVariable("provisioningTime");
  /** String: ISO-8601 duration of a timer, {@code pco.gdap.lifecycle.activation-check-interval}. */
  public static final VariableFactory<String> ACTIVATION_CHECK_INTERVAL = stringVariable("activationCheckInterval");
  /** Boolean: the access assignments were found active, or an admin chose to continue without. */
  public static final VariableFactory<Boolean> ACCESS_ASSIGNMENTS_CHECKED = booleanVariable("accessAssignmentsChecked");
  /** String: for people, each access assignment that is not active (group, status), empty when all are. */
  public static final VariableFactory<String> ACCESS_ASSIGNMENT_PROBLEMS = stringVariable("accessAssignmentProblems");
  /** String: decision of "Review access assignments", {@code CHECK_AGAIN} or {@code CONTINUE}. */
  public static final VariableFactory<String> ACCESS_ASSIGNMENT_DECISION = stringVariable("accessAssignmentDecision");
  /** Json array: the ids of the access assignments created for the relationship, one per security group. */
  public static final JsonArrayVariable<String> ACCESS_ASSIGNMENT_IDS = jsonArrayVariable("gdapAccessAssignmentIds", String.class);
  /** Boolean: {@code GdapRelationshipRequest} ended with the customer's approval and access assignments. */
  public static final VariableFactory<Boolean> GDAP_RELATIONSHIP_APPROVED = booleanVariable("gdapRelationshipApproved");
  /** Boolean: {@code GdapRelationshipRequest} knows the Global admin e-mail, at least one role and the duration. */
  public static final VariableFactory<Boolean> GDAP_REQUEST_COMPLETE = booleanVariable("gdapRequestComplete");
  /** String: the relationship {@code GdapRelationshipRequest} created to replace the watched one. */
  public static final VariableFactory<String> NEW_RELATIONSHIP_ID = stringVariable("newRelationshipId");

  private GdapVariables() {}
}
