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
    String newAzure = (String) execution.getVariable(NEW_AZURE_SUBSCRIPTION_ID);
    String plan = (String) execution.getVariable(AZURE_PLAN_SUBSCRIPTION_ID);
    String newStatus = partnerCenter.getAzureEntitlements(customerTenantId, plan).stream()
        .filter(azure -> azure.id().equalsIgnoreCase(newAzure))
        .map(AzureEntitlement::status)
        .findFirst()
        .orElse("not found under the plan");
    List<String> cancelled = new ArrayList<>(MigrationVariables.stringList(execution.getVariable(CANCELLED_SERVICES)));
    String coexistence = "CSP Azure subscription " + newAzure + " \"" + execution.getVariable(NEW_SUBSCRIPTION_NAME)
        + "\" (owner " + execution.getVariable(SUBSCRIPTION_OWNER) + ", " + newStatus + ") under Azure plan " + plan
        + " coexists with the " + execution.getVariable(OLD_CHANNEL) + " subscription "
        + execution.getVariable(OLD_SUBSCRIPTION_ID) + " ("
        + ("WHOLE_SUBSCRIPTION".equals(execution.getVariable(CANCELLATION_SCOPE)) ? "cancelled as a whole" : "partly cancelled")
        + "); the customer cancelled " + cancelled + " in the old channel, confirmed: "
        + execution.getVariable(CUSTOMER_CONFIRMATION) + " (R3: CSP Azure may coexist with other channels).";
    execution.setVariable(COEXISTENCE, coexistence);
    log.info("Migration {}: {}", execution.getProcessInstanceId(), coexistence);
  }
}
