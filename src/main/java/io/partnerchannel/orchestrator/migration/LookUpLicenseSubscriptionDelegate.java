package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.BILLING_CYCLE;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.COMMITMENT_END_DATE;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_RELATED;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.OFFER_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.QUANTITY;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.REASON;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.REFUSAL;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.REMINDER_AT;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TERM_DURATION;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_CHECK_INTERVAL;

import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.Subscription;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Look up license subscription": reads, and only reads, the license-based subscription another partner
 * provides (multi-partner view, A12): its offer, seats, billing cycle, term and term end, which the 2020 rule
 * set waits for and provisions again (R5, R36), and sets the agent's reminder {@code pco.migration.term-end-reminder}
 * before the term ends. Refuses ({@code refusal}, {@code reason}) without a reseller relationship (R24), when the
 * subscription is not visible, not license-based or already this partner's.
 */
@Component("lookUpLicenseSubscription")
public class LookUpLicenseSubscriptionDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(LookUpLicenseSubscriptionDelegate.class);

  private final PartnerCenter partnerCenter;
  private final MigrationProperties properties;

  /**
   * @param partnerCenter the Partner Center port
   * @param properties reminder lead time and transfer check interval
   */
  public LookUpLicenseSubscriptionDelegate(PartnerCenter partnerCenter, MigrationProperties properties) {
    this.partnerCenter = partnerCenter;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = (String) execution.getVariable(CUSTOMER_TENANT_ID);
    String subscriptionId = (String) execution.getVariable(SUBSCRIPTION_ID);
    if (execution.getVariable(TRANSFER_CHECK_INTERVAL) == null) {
      execution.setVariable(TRANSFER_CHECK_INTERVAL, properties.transferCheckIntervalIso());
    }
    boolean related = partnerCenter.getCustomer(customerTenantId).map(Customer::isReseller).orElse(false);
    execution.setVariable(CUSTOMER_RELATED, related);
    if (!related) {
      refuse(execution, "NO_RELATIONSHIP", "Customer " + customerTenantId + " is not in a reseller relationship with us;"
          + " it must have one before its subscriptions can move to us (R24, R36).");
      return;
    }
    Optional<Subscription> found = partnerCenter.getSubscription(customerTenantId, subscriptionId);
    if (found.isEmpty()) {
      refuse(execution, "SUBSCRIPTION_NOT_FOUND", "Subscription " + subscriptionId + " of customer " + customerTenantId
          + " is not visible in Partner Center; check the subscription id.");
      return;
    }
    Subscription subscription = found.get();
    if (!"license".equalsIgnoreCase(subscription.billingType())) {
      refuse(execution, "NOT_LICENSE_BASED", "Subscription " + subscriptionId + " is not license-based (billing type "
          + subscription.billingType() + "); Azure moves with \"Switch Azure to this partner\" (R4).");
      return;
    }
    String ours = partnerCenter.getMpnProfile().mpnId();
    if (ours.equals(subscription.partnerId())) {
      refuse(execution, "ALREADY_OURS", "Subscription " + subscriptionId + " is already provided by us.");
      return;
    }
    execution.setVariable(REFUSAL, null);
    execution.setVariable(OFFER_ID, subscription.offerId());
    execution.setVariable(QUANTITY, subscription.quantity());
    execution.setVariable(BILLING_CYCLE, subscription.billingCycle());
    execution.setVariable(TERM_DURATION, subscription.termDuration());
    if (subscription.commitmentEndDate() != null) {
      Date termEnd = Date.from(subscription.commitmentEndDate().toInstant());
      execution.setVariable(COMMITMENT_END_DATE, termEnd);
      execution.setVariable(REMINDER_AT, Date.from(subscription.commitmentEndDate().toInstant()
          .minus(properties.termEndReminder())));
    }
    log.info("License transition {}: {} x {} of {} ends its term {}", execution.getProcessInstanceId(),
        subscription.quantity(), subscription.offerId(), customerTenantId, subscription.commitmentEndDate());
  }

  private static void refuse(DelegateExecution execution, String refusal, String reason) {
    execution.setVariable(REFUSAL, refusal);
    execution.setVariable(REASON, reason);
  }
}
