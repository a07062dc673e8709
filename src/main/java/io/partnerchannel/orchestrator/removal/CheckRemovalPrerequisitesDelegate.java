package io.partnerchannel.orchestrator.removal;

import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.removal.RemovalVariables.Prerequisites;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Check removal prerequisites" (R17; remove-a-reseller-relationship-with-a-customer): reads the customer
 * ({@code GET /v1/customers/{id}}, get-a-customer-by-id), this partner's subscriptions of it ({@code GET
 * /v1/customers/{id}/subscriptions}, get-all-of-a-customer-s-subscriptions) and its entitlements ({@code GET
 * /v1/customers/{id}/entitlements?showExpiry=true}, get-a-collection-of-entitlements). Sets {@code prerequisites}:
 * {@code NO_RELATIONSHIP} (and {@code removalStatus NOT_RELATED}) when the tenant is not a reseller customer of this
 * partner (any more), {@code BLOCKED} with
 * {@code removalBlockers} (one line per active subscription to suspend and per current Azure reservation or software
 * purchase to cancel) or {@code MET}. Reads only, so the engine may repeat it.
 */
@Component("checkRemovalPrerequisites")
class CheckRemovalPrerequisitesDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(CheckRemovalPrerequisitesDelegate.class);

  private final RelationshipRemovals removals;

  CheckRemovalPrerequisitesDelegate(RelationshipRemovals removals) {
    this.removals = removals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = RemovalVariables.CUSTOMER_TENANT_ID.from(execution).get();
    RelationshipRemovals.Check check = removals.check(customerTenantId);
    RemovalVariables.PREREQUISITES.on(execution).set(check.prerequisites().name());
    RemovalVariables.REMOVAL_BLOCKERS.on(execution).set(check.blockers().isEmpty() ? null : String.join("\n", check.blockers()));
    if (check.prerequisites() == Prerequisites.NO_RELATIONSHIP) {
      RemovalVariables.REMOVAL_STATUS.on(execution).set(RemovalVariables.RemovalStatus.NOT_RELATED.name());
    } else {
      Customer found = check.customer().orElseThrow();
      if (found.companyProfile() != null) {
        RemovalVariables.COMPANY_NAME.on(execution).set(found.companyProfile().companyName());
        RemovalVariables.CUSTOMER_DOMAIN.on(execution).set(found.companyProfile().domain());
      }
      RemovalVariables.ASSOCIATED_RESELLER_ID.on(execution).set(found.associatedPartnerId());
    }
    log.info("Relationship removal {}: {} for {} ({} blocker(s))", execution.getProcessInstanceId(),
        check.prerequisites(), customerTenantId, check.blockers().size());
  }
}
