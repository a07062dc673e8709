package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.AZURE_PLAN_SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CANCELLATION_SCOPE;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CANCELLED_SERVICES;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.COEXISTENCE;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_CONFIRMATION;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.NEW_AZURE_SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.NEW_SUBSCRIPTION_NAME;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.OLD_CHANNEL;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.OLD_SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SUBSCRIPTION_OWNER;

import io.partnerchannel.orchestrator.partnercenter.AzureEntitlement;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Record channel coexistence": records as {@code coexistence} where both channels stand: the new Azure subscription
 * under this partner's Azure plan, read back from Partner Center (still active), beside the old channel's
 * subscription, whose cancelled services the agent confirmed (Partner Center does not show the old channel); CSP
 * Azure may coexist with other channels (R3).
 */
@Component("recordCoexistence")
class RecordCoexistenceDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(RecordCoexistenceDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public RecordCoexistenceDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = CUSTOMER_TENANT_ID.from(execution).get();
    String newAzure = NEW_AZURE_SUBSCRIPTION_ID.from(execution).get();
    String plan = AZURE_PLAN_SUBSCRIPTION_ID.from(execution).get();
    String newStatus = partnerCenter.getAzureEntitlements(customerTenantId, plan).stream()
        .filter(azure -> azure.id().equalsIgnoreCase(newAzure))
        .map(AzureEntitlement::status)
        .findFirst()
        .orElse("not found under the plan");
    List<String> cancelled = CANCELLED_SERVICES.from(execution);
    String coexistence = "CSP Azure subscription " + newAzure + " \"" + NEW_SUBSCRIPTION_NAME.from(execution).getOrNull()
        + "\" (owner " + SUBSCRIPTION_OWNER.from(execution).getOrNull() + ", " + newStatus + ") under Azure plan " + plan
        + " coexists with the " + OLD_CHANNEL.from(execution).getOrNull() + " subscription "
        + OLD_SUBSCRIPTION_ID.from(execution).getOrNull() + " ("
        + (CancellationScope.WHOLE_SUBSCRIPTION.name().equals(CANCELLATION_SCOPE.from(execution).getOrNull()) ? "cancelled as a whole" : "partly cancelled")
        + "); the customer cancelled " + cancelled + " in the old channel, confirmed: "
        + CUSTOMER_CONFIRMATION.from(execution).getOrNull() + " (R3: CSP Azure may coexist with other channels).";
    COEXISTENCE.on(execution).set(coexistence);
    log.info("Migration {}: {}", execution.getProcessInstanceId(), coexistence);
  }
}
