package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_RELATED;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.OLD_CHANNEL_REMINDER_CYCLE;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.REASON;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.REFUSAL;

import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Look up customer" of the cancel-and-recreate migration (R3): reads, and only reads, what Partner Center shows
 * this partner: the customer must be our reseller customer (R2) and must not have the legacy Azure offer
 * MS-AZR-0145P with us, which rules out an Azure plan (R26). The old subscription (EA, Open, Advisor) is not
 * readable in Partner Center (get-a-subscription-by-id answers 403 code 20002 or 404): the agent enters its
 * details in "Enter subscription details". Sets {@code refusal} and {@code reason} when the migration cannot go
 * ahead, and the reminder cycle of the old-channel cancellation ({@code pco.migration.old-channel-reminder}).
 */
@Component("lookUpMigrationCustomer")
public class LookUpMigrationCustomerDelegate implements JavaDelegate {

  /** Legacy Azure offer that rules out an Azure plan (R26). */
  public static final String LEGACY_AZURE_OFFER = "MS-AZR-0145P";

  private static final Logger log = LoggerFactory.getLogger(LookUpMigrationCustomerDelegate.class);

  private final PartnerCenter partnerCenter;
  private final MigrationProperties properties;

  /**
   * @param partnerCenter the Partner Center port
   * @param properties the old-channel reminder interval
   */
  public LookUpMigrationCustomerDelegate(PartnerCenter partnerCenter, MigrationProperties properties) {
    this.partnerCenter = partnerCenter;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = (String) execution.getVariable(CUSTOMER_TENANT_ID);
    if (execution.getVariable(OLD_CHANNEL_REMINDER_CYCLE) == null) {
      execution.setVariable(OLD_CHANNEL_REMINDER_CYCLE, properties.oldChannelReminderCycle());
    }
    boolean related = partnerCenter.getCustomer(customerTenantId).map(Customer::isReseller).orElse(false);
    execution.setVariable(CUSTOMER_RELATED, related);
    if (!related) {
      refuse(execution, "NO_RELATIONSHIP", "Customer " + customerTenantId + " is not in a reseller relationship with"
          + " us, so no Azure plan can be created for it; request the relationship first (R2), for example through"
          + " \"Onboard customer subscriptions\".");
      return;
    }
    boolean legacy = partnerCenter.getSubscriptions(customerTenantId).stream()
        .anyMatch(subscription -> subscription.offerId() != null && subscription.offerId().startsWith(LEGACY_AZURE_OFFER)
            && !"deleted".equalsIgnoreCase(subscription.status()));
    if (legacy) {
      refuse(execution, "LEGACY_AZURE_OFFER", "The customer already has the legacy Azure offer " + LEGACY_AZURE_OFFER
          + " with us, so Partner Center cannot create an Azure plan for it; transition that subscription with the"
          + " product upgrade APIs instead (R26).");
      return;
    }
    execution.setVariable(REFUSAL, null);
    log.info("Migration {}: customer {} can get an Azure plan", execution.getProcessInstanceId(), customerTenantId);
  }

  private static void refuse(DelegateExecution execution, String refusal, String reason) {
    execution.setVariable(REFUSAL, refusal);
    execution.setVariable(REASON, reason);
    log.info("Migration {} cannot go ahead: {}", execution.getProcessInstanceId(), reason);
  }
}
