package io.partnerchannel.orchestrator.removal;

import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.Entitlement;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.Subscription;
import io.partnerchannel.orchestrator.removal.RemovalVariables.Prerequisites;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  private final PartnerCenter partnerCenter;

  CheckRemovalPrerequisitesDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = RemovalVariables.CUSTOMER_TENANT_ID.from(execution).getOrNull();
    Optional<Customer> customer = partnerCenter.getCustomer(customerTenantId);
    if (customer.isEmpty() || !customer.get().isReseller()) {
      RemovalVariables.PREREQUISITES.on(execution).set(Prerequisites.NO_RELATIONSHIP.name());
      RemovalVariables.REMOVAL_BLOCKERS.on(execution).set(null);
      RemovalVariables.REMOVAL_STATUS.on(execution).set(RemovalVariables.RemovalStatus.NOT_RELATED.name());
      log.info("Relationship removal {}: {} is not a reseller customer of this partner ({})",
          execution.getProcessInstanceId(), customerTenantId,
          customer.map(Customer::relationshipToPartner).orElse("not in the customer list"));
      return;
    }
    Customer found = customer.get();
    if (found.companyProfile() != null) {
      RemovalVariables.COMPANY_NAME.on(execution).set(found.companyProfile().companyName());
      RemovalVariables.CUSTOMER_DOMAIN.on(execution).set(found.companyProfile().domain());
    }
    RemovalVariables.ASSOCIATED_RESELLER_ID.on(execution).set(found.associatedPartnerId());
    List<String> blockers = blockers(partnerCenter.getSubscriptions(customerTenantId),
        partnerCenter.getEntitlements(customerTenantId), OffsetDateTime.now(ZoneOffset.UTC));
    RemovalVariables.PREREQUISITES.on(execution).set(
        (blockers.isEmpty() ? Prerequisites.MET : Prerequisites.BLOCKED).name());
    RemovalVariables.REMOVAL_BLOCKERS.on(execution).set(blockers.isEmpty() ? null : String.join("\n", blockers));
    log.info("Relationship removal {}: {} blocker(s) for {}", execution.getProcessInstanceId(), blockers.size(),
        customerTenantId);
  }

  /**
   * What must be suspended or cancelled before the relationship can be removed (R17).
   *
   * @param subscriptions this partner's subscriptions of the customer
   * @param entitlements the customer's entitlements from this partner's orders
   * @param now the current time, for expiry dates
   * @return one line per blocker, empty when nothing blocks
   */
  static List<String> blockers(List<Subscription> subscriptions, List<Entitlement> entitlements, OffsetDateTime now) {
    List<String> blockers = new ArrayList<>();
    for (Subscription subscription : subscriptions) {
      if ("active".equalsIgnoreCase(subscription.status())) {
        blockers.add("Suspend subscription " + subscription.id() + " (" + name(subscription) + "): it is active");
      }
    }
    for (Entitlement entitlement : entitlements) {
      if (!entitlement.isCurrent(now)) {
        continue;
      }
      String order = entitlement.referenceOrder() == null ? "?" : entitlement.referenceOrder().id();
      if (entitlement.isReservation()) {
        blockers.add("Cancel the Azure reservation of order " + order + " (product " + entitlement.productId()
            + ") through Azure support");
      } else if (entitlement.isSoftware()) {
        blockers.add("Cancel the software purchase of order " + order + " (product " + entitlement.productId() + ")");
      }
    }
    return blockers;
  }

  private static String name(Subscription subscription) {
    return subscription.friendlyName() != null ? subscription.friendlyName()
        : subscription.offerName() != null ? subscription.offerName() : subscription.offerId();
  }
}
