package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_RELATED;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.OLD_OFFER_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.OLD_SERVICE_OPTIONS;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.OLD_SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.REASON;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.REFUSAL;

import io.partnerchannel.orchestrator.partnercenter.AzureEntitlement;
import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.Subscription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Look up old subscription": reads, and only reads, what decides whether the cancel-and-recreate migration
 * can go ahead (R3): the customer must be our reseller customer (R2), the old Azure subscription must be
 * visible, and the customer must not have the legacy Azure offer MS-AZR-0145P with us, which rules out an
 * Azure plan (R26). Sets {@code refusal} and {@code reason} when it cannot, else the old subscription's
 * offer and its active Azure services as the forms' options.
 */
@Component("lookUpOldAzureSubscription")
public class LookUpOldAzureSubscriptionDelegate implements JavaDelegate {

  /** Legacy Azure offer that rules out an Azure plan (R26). */
  public static final String LEGACY_AZURE_OFFER = "MS-AZR-0145P";

  private static final Logger log = LoggerFactory.getLogger(LookUpOldAzureSubscriptionDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public LookUpOldAzureSubscriptionDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = (String) execution.getVariable(CUSTOMER_TENANT_ID);
    String oldSubscriptionId = (String) execution.getVariable(OLD_SUBSCRIPTION_ID);
    boolean related = partnerCenter.getCustomer(customerTenantId).map(Customer::isReseller).orElse(false);
    execution.setVariable(CUSTOMER_RELATED, related);
    if (!related) {
      refuse(execution, "NO_RELATIONSHIP", "Customer " + customerTenantId + " is not in a reseller relationship with"
          + " us, so no Azure plan can be created for it; request the relationship first (R2), for example through"
          + " \"Onboard customer subscriptions\".");
      return;
    }
    Optional<Subscription> old = partnerCenter.getSubscription(customerTenantId, oldSubscriptionId);
    if (old.isEmpty()) {
      refuse(execution, "OLD_SUBSCRIPTION_NOT_FOUND", "Subscription " + oldSubscriptionId + " of customer "
          + customerTenantId + " is not visible in Partner Center; check the subscription id.");
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
    List<Map<String, String>> options = partnerCenter.getAzureEntitlements(customerTenantId, oldSubscriptionId).stream()
        .filter(AzureEntitlement::isActive)
        .map(service -> {
          Map<String, String> option = new LinkedHashMap<>();
          option.put("label", service.friendlyName() + " (" + service.id() + ")");
          option.put("value", service.id());
          return option;
        })
        .toList();
    execution.setVariable(REFUSAL, null);
    execution.setVariable(OLD_OFFER_ID, old.get().offerId());
    execution.setVariable(OLD_SERVICE_OPTIONS, MigrationVariables.options(options));
    log.info("Migration {}: old subscription {} ({}) of {} has {} active Azure service(s)",
        execution.getProcessInstanceId(), oldSubscriptionId, old.get().offerId(), customerTenantId, options.size());
  }

  private static void refuse(DelegateExecution execution, String refusal, String reason) {
    execution.setVariable(REFUSAL, refusal);
    execution.setVariable(REASON, reason);
    log.info("Migration {} cannot go ahead: {}", execution.getProcessInstanceId(), reason);
  }
}
