package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_RELATED;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_CHECK_INTERVAL;

import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.routing.CustomerContactPrefill;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Look up customer" of the partner switch: a transfer needs the customer in a reseller relationship with
 * the future partner (R22, R23, R24). Reads {@code customerRelated}; without a relationship it prefills
 * "Confirm customer contact" for the invitation the process then starts, and "Enter transfer details" with the
 * customer's name and billing e-mail. Sets how often the transfer's status is read
 * ({@code pco.migration.transfer-check-interval}) unless the start gave one.
 */
@Component("lookUpSwitchCustomer")
class LookUpSwitchCustomerDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(LookUpSwitchCustomerDelegate.class);

  private final PartnerCenter partnerCenter;
  private final MigrationProperties properties;

  /**
   * @param partnerCenter the Partner Center port
   * @param properties the transfer check interval
   */
  public LookUpSwitchCustomerDelegate(PartnerCenter partnerCenter, MigrationProperties properties) {
    this.partnerCenter = partnerCenter;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = CUSTOMER_TENANT_ID.from(execution).get();
    Optional<Customer> customer = partnerCenter.getCustomer(customerTenantId);
    boolean related = customer.map(Customer::isReseller).orElse(false);
    CUSTOMER_RELATED.on(execution).set(related);
    TransferPrefill.prefill(execution, customer);
    if (!related) {
      CustomerContactPrefill.prefill(execution, partnerCenter, customerTenantId);
    }
    if (TRANSFER_CHECK_INTERVAL.from(execution).getOptional().isEmpty()) {
      TRANSFER_CHECK_INTERVAL.on(execution).set(properties.transferCheckIntervalIso());
    }
    log.info("Partner switch {}: customer {} related {}", execution.getProcessInstanceId(), customerTenantId, related);
  }
}
