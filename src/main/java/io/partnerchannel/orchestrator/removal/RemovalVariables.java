package io.partnerchannel.orchestrator.removal;

import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;

/**
 * Process variables of {@code ResellerRelationshipRemoval} and {@code DapTerminatedByMicrosoft} as camunda-bpm-data
 * {@link VariableFactory} constants: read {@code CUSTOMER_TENANT_ID.from(execution).get()}, write
 * {@code .on(execution).set(value)}, the name is {@code getName()}.
 */
final class RemovalVariables {

  /** String: the customer's tenant id (GUID, lower case); the business key. */
  public static final VariableFactory<String> CUSTOMER_TENANT_ID = stringVariable("customerTenantId");
  /** String, optional: why the partner ends the relationship, ≤ 500 characters. */
  public static final VariableFactory<String> REASON = stringVariable("reason");
  /** String: the user who requested the removal (Camunda user id), null when started without one. */
  public static final VariableFactory<String> REQUESTER = stringVariable("requester");
  /** String: the customer's company name, as Partner Center shows it. */
  public static final VariableFactory<String> COMPANY_NAME = stringVariable("companyName");
  /** String: the customer's primary domain. */
  public static final VariableFactory<String> CUSTOMER_DOMAIN = stringVariable("customerDomain");
  /** String: the indirect reseller the customer is associated with, or null. */
  public static final VariableFactory<String> ASSOCIATED_RESELLER_ID = stringVariable("associatedResellerId");
  /** String: {@link Prerequisites} of the last check. */
  public static final VariableFactory<String> PREREQUISITES = stringVariable("prerequisites");
  /** String: what blocks the removal, one item per line (subscriptions to suspend, reservations to cancel). */
  public static final VariableFactory<String> REMOVAL_BLOCKERS = stringVariable("removalBlockers");
  /** String: Partner Center's refusal of the removal, when it refused. */
  public static final VariableFactory<String> REMOVAL_REFUSAL = stringVariable("removalRefusal");
  /** String: the agent's choice on "Clear removal blockers", {@code CHECK_AGAIN} or {@code CANCEL_REMOVAL}. */
  public static final VariableFactory<String> BLOCKERS_DECISION = stringVariable("blockersDecision");
  /** String: how the removal ended, {@link RemovalStatus}. */
  public static final VariableFactory<String> REMOVAL_STATUS = stringVariable("removalStatus");
  /** String: what the removal does not change (R18–R20), one item per line. */
  public static final VariableFactory<String> UNCHANGED_BY_REMOVAL = stringVariable("unchangedByRemoval");
  /** Date: when Partner Center removed the relationship. */
  public static final VariableFactory<Date> REMOVED_AT = dateVariable("removedAt");

  /** String: the agent's choice on "Decide on GDAP request", {@code REQUEST_GDAP} or {@code NO_GDAP}. */
  public static final VariableFactory<String> GDAP_DECISION = stringVariable("gdapDecision");
  /** String: the GDAP duration the agent asks for ({@code P1D}..{@code P730D}), the invitation's variable of that name. */
  public static final VariableFactory<String> GDAP_DURATION = stringVariable("gdapDuration");
  /** String: when Microsoft terminated the DAP (the event's ResourceChangeUtcDate). */
  public static final VariableFactory<String> DAP_TERMINATED_AT = stringVariable("dapTerminatedAt");

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
}
