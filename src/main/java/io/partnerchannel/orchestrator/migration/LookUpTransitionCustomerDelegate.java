package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_RELATED;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.REASON;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.REFUSAL;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_CHECK_INTERVAL;

import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Look up customer" of the license transition: reads, and only reads, what Partner Center shows this partner. The
 * license subscription another partner provides is not readable (get-a-subscription-by-id answers 403 code 20002
 * or 404): the agent enters its details (2020 rule set) or the source partner adds it to the transfer (new
 * commerce). Refuses ({@code refusal}, {@code reason}) without a reseller relationship (R24, R36) and when the
 * subscription is already one of ours. Prefills "Enter transfer details"; sets the transfer check interval.
 */
@Component("lookUpTransitionCustomer")
public class LookUpTransitionCustomerDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(LookUpTransitionCustomerDelegate.class);

  private final PartnerCenter partnerCenter;
  private final MigrationProperties properties;

  /**
   * @param partnerCenter the Partner Center port
   * @param properties the transfer check interval
   */
  public LookUpTransitionCustomerDelegate(PartnerCenter partnerCenter, MigrationProperties properties) {
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
    Optional<Customer> customer = partnerCenter.getCustomer(customerTenantId);
    boolean related = customer.map(Customer::isReseller).orElse(false);
    execution.setVariable(CUSTOMER_RELATED, related);
    if (!related) {
      refuse(execution, "NO_RELATIONSHIP", "Customer " + customerTenantId + " is not in a reseller relationship with us;"
          + " it must have one before its subscriptions can move to us (R24, R36).");
      return;
    }
    if (partnerCenter.getSubscriptions(customerTenantId).stream()
        .anyMatch(subscription -> subscriptionId.equalsIgnoreCase(subscription.id()))) {
      refuse(execution, "ALREADY_OURS", "Subscription " + subscriptionId + " is already provided by us.");
      return;
    }
    TransferPrefill.prefill(execution, customer);
    execution.setVariable(REFUSAL, null);
    log.info("License transition {}: customer {} related", execution.getProcessInstanceId(), customerTenantId);
  }

  private static void refuse(DelegateExecution execution, String refusal, String reason) {
    execution.setVariable(REFUSAL, refusal);
    execution.setVariable(REASON, reason);
  }
}
