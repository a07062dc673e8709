package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.BILLING_CYCLE;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.OFFER_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.PROVISIONED_SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.QUANTITY;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TERM_DURATION;

import io.partnerchannel.orchestrator.partnercenter.Cart;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.Subscription;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Provision same offer": once the old subscription's term ended or the customer cancelled it, this partner
 * orders the same offer with the same seats, billing cycle and term (R36: the same offer means no license
 * reassignment for the customer's users), with a cart and checkout (A11). Nothing of the old subscription is
 * touched (R7). Idempotent: the subscription carries a friendly name naming this transition, and an existing
 * one is reused.
 */
@Component("provisionSameOffer")
class ProvisionSameOfferDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(ProvisionSameOfferDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public ProvisionSameOfferDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = CUSTOMER_TENANT_ID.from(execution).get();
    String offerId = OFFER_ID.from(execution).get();
    String ourName = offerId + " (transition " + execution.getProcessInstanceId() + ")";
    Optional<Subscription> existing = partnerCenter.getSubscriptions(customerTenantId).stream()
        .filter(subscription -> ourName.equals(subscription.friendlyName()))
        .findFirst();
    String subscriptionId;
    if (existing.isPresent()) {
      subscriptionId = existing.get().id();
    } else {
      subscriptionId = CartOrders.orderOne(partnerCenter, customerTenantId, new Cart.LineItem(0, offerId, ourName,
          QUANTITY.from(execution).get(), BILLING_CYCLE.from(execution).get(), TERM_DURATION.from(execution).get(), null));
    }
    PROVISIONED_SUBSCRIPTION_ID.on(execution).set(subscriptionId);
    log.info("License transition {}: {} x {} provisioned for {} as {}", execution.getProcessInstanceId(),
        QUANTITY.from(execution).get(), offerId, customerTenantId, subscriptionId);
  }
}
