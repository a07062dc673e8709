package io.partnerchannel.orchestrator.migration;

import io.partnerchannel.orchestrator.partnercenter.Customer;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Prefills "Enter transfer details" from what Partner Center shows of our customer (its name and billing e-mail). */
final class TransferPrefill {

  private TransferPrefill() {}

  /**
   * @param execution the migration
   * @param customer the customer as Partner Center shows it, empty when it is not our customer yet
   */
  static void prefill(DelegateExecution execution, Optional<Customer> customer) {
    customer.ifPresent(found -> {
      if (found.companyProfile() != null && found.companyProfile().companyName() != null
          && MigrationVariables.COMPANY_NAME.from(execution).getOptional().isEmpty()) {
        MigrationVariables.COMPANY_NAME.on(execution).set(found.companyProfile().companyName());
      }
      if (found.billingProfile() != null && found.billingProfile().email() != null
          && MigrationVariables.CUSTOMER_EMAIL.from(execution).getOptional().isEmpty()) {
        MigrationVariables.CUSTOMER_EMAIL.on(execution).set(found.billingProfile().email());
      }
    });
  }
}
