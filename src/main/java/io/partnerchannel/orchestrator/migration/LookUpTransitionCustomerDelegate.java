package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_RELATED;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.REASON;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.REFUSAL;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_CHECK_INTERVAL;

import io.partnerchannel.orchestrator.migration.MigrationEligibility.Eligibility;
import io.partnerchannel.orchestrator.migration.MigrationEligibility.Refusal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Look up customer" of the license transition: asks {@link MigrationEligibility#forLicenseTransition} whether the
 * subscription can move to us and records {@code customerRelated}, and {@code refusal} and {@code reason} when it
 * cannot. The license subscription another partner provides is not readable in Partner Center: the agent enters its
 * details (2020 rule set) or the source partner adds it to the transfer (new commerce). Prefills "Enter transfer
 * details"; sets the transfer check interval unless the start gave one.
 */
@Component("lookUpTransitionCustomer")
class LookUpTransitionCustomerDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(LookUpTransitionCustomerDelegate.class);

  private final MigrationEligibility eligibility;
  private final MigrationProperties properties;

  /**
   * @param eligibility the migration's refusal rules
   * @param properties the transfer check interval
   */
  public LookUpTransitionCustomerDelegate(MigrationEligibility eligibility, MigrationProperties properties) {
    this.eligibility = eligibility;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = CUSTOMER_TENANT_ID.from(execution).get();
    if (TRANSFER_CHECK_INTERVAL.from(execution).getOptional().isEmpty()) {
      TRANSFER_CHECK_INTERVAL.on(execution).set(properties.transferCheckIntervalIso());
    }
    Eligibility found = eligibility.forLicenseTransition(customerTenantId, SUBSCRIPTION_ID.from(execution).get());
    CUSTOMER_RELATED.on(execution).set(found.related());
    REFUSAL.on(execution).set(found.refusal().map(Refusal::code).orElse(null));
    found.refusal().ifPresentOrElse(refusal -> REASON.on(execution).set(refusal.reason()),
        () -> TransferPrefill.prefill(execution, found.customer()));
    log.info("License transition {}: customer {} {}", execution.getProcessInstanceId(), customerTenantId,
        found.refusal().map(Refusal::reason).orElse("related"));
  }
}
