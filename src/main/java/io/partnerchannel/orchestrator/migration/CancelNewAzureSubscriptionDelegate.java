package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.AZURE_PLAN_CREATED;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.AZURE_PLAN_SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.REASON;

import io.partnerchannel.orchestrator.partnercenter.AzureEntitlement;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.Subscription;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Cancel new Azure subscription", the compensation of "Create Azure plan subscription" when the migration
 * is withdrawn before anything of the old channel was cancelled: each Azure subscription under the plan is
 * cancelled with one call (R28), then the plan itself is suspended, which Partner Center allows only once no
 * Azure subscription under it is active (R27). A plan the migration did not create (it existed before) is
 * left alone. Idempotent: cancelled Azure subscriptions and a suspended plan are skipped.
 */
@Component("cancelNewAzureSubscription")
class CancelNewAzureSubscriptionDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(CancelNewAzureSubscriptionDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public CancelNewAzureSubscriptionDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = CUSTOMER_TENANT_ID.from(execution).get();
    String planId = AZURE_PLAN_SUBSCRIPTION_ID.from(execution).get();
    if (!AZURE_PLAN_CREATED.from(execution).getOrDefault(false)) {
      REASON.on(execution).set("Migration withdrawn before any cancellation; the Azure plan " + planId
          + " existed before the migration and was left as it is.");
      return;
    }
    for (AzureEntitlement azure : partnerCenter.getAzureEntitlements(customerTenantId, planId)) {
      if (azure.isActive()) {
        partnerCenter.cancelAzureEntitlement(customerTenantId, planId, azure.id(),
            "Migration withdrawn before any service of the other channel was cancelled");
      }
    }
    partnerCenter.getSubscription(customerTenantId, planId)
        .filter(plan -> !"suspended".equalsIgnoreCase(plan.status()))
        .map(CancelNewAzureSubscriptionDelegate::suspended)
        .ifPresent(plan -> partnerCenter.updateSubscription(customerTenantId, plan));
    REASON.on(execution).set("Migration withdrawn before any cancellation; the new Azure plan " + planId
        + " was cancelled (its Azure subscriptions cancelled, the plan suspended).");
    log.info("Migration {}: withdrawn, Azure plan {} of {} compensated", execution.getProcessInstanceId(), planId,
        customerTenantId);
  }

  /**
   * @param subscription a subscription as Partner Center shows it
   * @return the same subscription with {@code status: suspended}
   */
  static Subscription suspended(Subscription subscription) {
    return new Subscription(subscription.id(), subscription.offerId(), subscription.offerName(),
        subscription.friendlyName(), subscription.quantity(), subscription.unitType(), subscription.billingType(),
        subscription.billingCycle(), subscription.termDuration(), subscription.commitmentEndDate(), "suspended",
        subscription.partnerId(), subscription.attributes());
  }
}
