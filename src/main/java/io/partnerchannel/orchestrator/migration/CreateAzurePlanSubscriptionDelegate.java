package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.AZURE_PLAN_CREATED;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.AZURE_PLAN_SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.NEW_AZURE_SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.NEW_SUBSCRIPTION_NAME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Create Azure plan subscription": gives the customer an Azure plan with this partner ({@link AzurePlans#ensure}),
 * where the services of the other channel are recreated (R3). The plan's friendly name carries the process instance
 * id, so a retry finds the plan an earlier attempt created and counts it as created; another existing plan is reused
 * and never compensated ({@code azurePlanCreated} false). The Azure subscription under the plan that receives the
 * services prefills "Enter subscription details".
 */
@Component("createAzurePlanSubscription")
class CreateAzurePlanSubscriptionDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(CreateAzurePlanSubscriptionDelegate.class);

  private final AzurePlans azurePlans;

  /** @param azurePlans the customers' Azure plans */
  public CreateAzurePlanSubscriptionDelegate(AzurePlans azurePlans) {
    this.azurePlans = azurePlans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = CUSTOMER_TENANT_ID.from(execution).get();
    AzurePlans.Plan plan =
        azurePlans.ensure(customerTenantId, "Azure plan (migration " + execution.getProcessInstanceId() + ")");
    AZURE_PLAN_SUBSCRIPTION_ID.on(execution).set(plan.id());
    AZURE_PLAN_CREATED.on(execution).set(plan.created());
    plan.azureSubscription().ifPresent(azure -> {
      NEW_AZURE_SUBSCRIPTION_ID.on(execution).set(azure.id());
      NEW_SUBSCRIPTION_NAME.on(execution).set(azure.friendlyName());
    });
    log.info("Migration {}: Azure plan {} of {} ({})", execution.getProcessInstanceId(), plan.id(), customerTenantId,
        plan.created() ? "created by this migration" : "reused");
  }
}
