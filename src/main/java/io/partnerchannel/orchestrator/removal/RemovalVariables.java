package io.partnerchannel.orchestrator.removal;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Process variables of {@code ResellerRelationshipRemoval} and {@code DapTerminatedByMicrosoft}, with typed readers.
 */
public final class RemovalVariables {

  /** String: the customer's tenant id (GUID, lower case); the business key. */
  public static final String CUSTOMER_TENANT_ID = "customerTenantId";
  /** String, optional: why the partner ends the relationship, ≤ 500 characters. */
  public static final String REASON = "reason";
  /** String: the user who requested the removal (Camunda user id), null when started without one. */
  public static final String REQUESTER = "requester";
  /** String: the customer's company name, as Partner Center shows it. */
  public static final String COMPANY_NAME = "companyName";
  /** String: the customer's primary domain. */
  public static final String CUSTOMER_DOMAIN = "customerDomain";
  /** String: the indirect reseller the customer is associated with, or null. */
  public static final String ASSOCIATED_RESELLER_ID = "associatedResellerId";
  /** String: {@link Prerequisites} of the last check. */
  public static final String PREREQUISITES = "prerequisites";
  /** String: what blocks the removal, one item per line (subscriptions to suspend, reservations to cancel). */
  public static final String REMOVAL_BLOCKERS = "removalBlockers";
  /** String: Partner Center's refusal of the removal, when it refused. */
  public static final String REMOVAL_REFUSAL = "removalRefusal";
  /** String: the agent's choice on "Clear removal blockers", {@code CHECK_AGAIN} or {@code CANCEL_REMOVAL}. */
  public static final String BLOCKERS_DECISION = "blockersDecision";
  /** String: how the removal ended, {@link RemovalStatus}. */
  public static final String REMOVAL_STATUS = "removalStatus";
  /** String: what the removal does not change (R18–R20), one item per line. */
  public static final String UNCHANGED_BY_REMOVAL = "unchangedByRemoval";
  /** Date: when Partner Center removed the relationship. */
  public static final String REMOVED_AT = "removedAt";

  /** String: the agent's choice on "Decide on GDAP request", {@code REQUEST_GDAP} or {@code NO_GDAP}. */
  public static final String GDAP_DECISION = "gdapDecision";
  /** String: when Microsoft terminated the DAP (the event's ResourceChangeUtcDate). */
  public static final String DAP_TERMINATED_AT = "dapTerminatedAt";

  /** Outcome of the prerequisite check. */
  public enum Prerequisites {
    /** Nothing blocks the removal. */
    MET,
    /** Active subscriptions, reservations or software purchases block it (R17). */
    BLOCKED,
    /** The customer has no reseller relationship with this partner (any more). */
    NO_RELATIONSHIP
  }

  /** How a removal ended. */
  public enum RemovalStatus {
    /** Partner Center removed the relationship. */
    REMOVED,
    /** The customer had no reseller relationship with this partner: nothing to remove. */
    NOT_RELATED,
    /** The agent cancelled the removal. */
    CANCELLED
  }

  private RemovalVariables() {}

  /**
   * @param scope an execution or task
   * @param name a String variable
   * @return its value as text, or null
   */
  static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }
}
