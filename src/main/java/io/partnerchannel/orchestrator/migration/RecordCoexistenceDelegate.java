package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.AZURE_PLAN_SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.COEXISTENCE;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.NEW_AZURE_SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.NEW_SUBSCRIPTION_NAME;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.OLD_SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SUBSCRIPTION_OWNER;

import io.partnerchannel.orchestrator.partnercenter.AzureEntitlement;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.Subscription;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Record channel coexistence": reads back from Partner Center where both channels stand and records it as
 * {@code coexistence}: the CSP Azure subscription now runs the moved services beside whatever the other
 * channel keeps; CSP Azure may coexist with other channels (R3).
 */
@Component("recordCoexistence")
public class RecordCoexistenceDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(RecordCoexistenceDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public RecordCoexistenceDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = (String) execution.getVariable(CUSTOMER_TENANT_ID);
    String oldSubscriptionId = (String) execution.getVariable(OLD_SUBSCRIPTION_ID);
    String oldStatus = partnerCenter.getSubscription(customerTenantId, oldSubscriptionId)
        .map(Subscription::status)
        .orElse("not visible");
    List<AzureEntitlement> oldServices = partnerCenter.getAzureEntitlements(customerTenantId, oldSubscriptionId);
    List<String> stillActive = oldServices.stream().filter(AzureEntitlement::isActive).map(AzureEntitlement::id).toList();
    List<String> cancelled = oldServices.stream().filter(azure -> !azure.isActive()).map(AzureEntitlement::id).toList();
    String coexistence = "CSP Azure subscription " + execution.getVariable(NEW_AZURE_SUBSCRIPTION_ID) + " \""
        + execution.getVariable(NEW_SUBSCRIPTION_NAME) + "\" (owner " + execution.getVariable(SUBSCRIPTION_OWNER)
        + ") under Azure plan " + execution.getVariable(AZURE_PLAN_SUBSCRIPTION_ID) + " coexists with the other"
        + " channel's subscription " + oldSubscriptionId + ", now " + oldStatus + "; cancelled services " + cancelled
        + ", still active " + stillActive + " (R3: CSP Azure may coexist with other channels).";
    execution.setVariable(COEXISTENCE, coexistence);
    log.info("Migration {}: {}", execution.getProcessInstanceId(), coexistence);
  }
}
