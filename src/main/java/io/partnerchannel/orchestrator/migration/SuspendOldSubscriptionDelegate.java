package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.OLD_SUBSCRIPTION_ID;

import io.partnerchannel.orchestrator.partnercenter.MultiPartnerGuardException;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.Subscription;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Suspend old subscription": after all its Azure services were cancelled, the whole old subscription is
 * suspended ({@code PATCH .../subscriptions/{id}} with {@code status: suspended}, A12); the cancel API does
 * not cancel the subscription itself (R28), and Partner Center refuses to suspend while Azure services are
 * active (R27). Idempotent: a suspended subscription is left as it is.
 */
@Component("suspendOldSubscription")
public class SuspendOldSubscriptionDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(SuspendOldSubscriptionDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public SuspendOldSubscriptionDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = (String) execution.getVariable(CUSTOMER_TENANT_ID);
    String oldSubscriptionId = (String) execution.getVariable(OLD_SUBSCRIPTION_ID);
    Subscription old = partnerCenter.getSubscription(customerTenantId, oldSubscriptionId)
        .orElseThrow(() -> new PartnerCenterException(404, null, "Subscription " + oldSubscriptionId + " not found", null));
    if ("suspended".equalsIgnoreCase(old.status())) {
      log.info("Migration {}: old subscription {} already suspended", execution.getProcessInstanceId(), oldSubscriptionId);
      return;
    }
    try {
      partnerCenter.updateSubscription(customerTenantId, suspended(old));
    } catch (MultiPartnerGuardException refusal) {
      throw MultiPartnerGuardErrors.refused(execution, refusal);
    }
    log.info("Migration {}: old subscription {} suspended", execution.getProcessInstanceId(), oldSubscriptionId);
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
