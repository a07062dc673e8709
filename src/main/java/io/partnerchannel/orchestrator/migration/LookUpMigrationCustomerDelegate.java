package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_RELATED;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.OLD_CHANNEL_REMINDER_CYCLE;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.REASON;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.REFUSAL;

import io.partnerchannel.orchestrator.migration.MigrationEligibility.Eligibility;
import io.partnerchannel.orchestrator.migration.MigrationEligibility.Refusal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Look up customer" of the cancel-and-recreate migration (R3): asks {@link MigrationEligibility#forAzurePlan}
 * whether the customer can get an Azure plan with us and records {@code customerRelated}, and {@code refusal} and
 * {@code reason} when it cannot. The old subscription (EA, Open, Advisor) is not readable in Partner Center: the
 * agent enters its details in "Enter subscription details". Sets the reminder cycle of the old-channel
 * cancellation ({@code pco.migration.old-channel-reminder}) unless the start gave one.
 */
@Component("lookUpMigrationCustomer")
class LookUpMigrationCustomerDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(LookUpMigrationCustomerDelegate.class);

  private final MigrationEligibility eligibility;
  private final MigrationProperties properties;

  /**
   * @param eligibility the migration's refusal rules
   * @param properties the old-channel reminder interval
   */
  public LookUpMigrationCustomerDelegate(MigrationEligibility eligibility, MigrationProperties properties) {
    this.eligibility = eligibility;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = CUSTOMER_TENANT_ID.from(execution).get();
    if (OLD_CHANNEL_REMINDER_CYCLE.from(execution).getOptional().isEmpty()) {
      OLD_CHANNEL_REMINDER_CYCLE.on(execution).set(properties.oldChannelReminderCycle());
    }
    Eligibility found = eligibility.forAzurePlan(customerTenantId);
    CUSTOMER_RELATED.on(execution).set(found.related());
    REFUSAL.on(execution).set(found.refusal().map(Refusal::code).orElse(null));
    found.refusal().ifPresent(refusal -> REASON.on(execution).set(refusal.reason()));
    log.info("Migration {}: customer {} {}", execution.getProcessInstanceId(), customerTenantId,
        found.refusal().map(Refusal::reason).orElse("can get an Azure plan"));
  }
}
