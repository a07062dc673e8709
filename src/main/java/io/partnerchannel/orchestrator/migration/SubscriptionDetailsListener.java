package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.AZURE_PLAN_SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.MOVED_SERVICES;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.NEW_AZURE_SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.NEW_SUBSCRIPTION_NAME;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.RESOURCE_GROUP_MAPPING;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SUBSCRIPTION_OWNER;

import io.partnerchannel.orchestrator.partnercenter.AzureEntitlement;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.routing.InvalidProcessInputException;
import io.partnerchannel.orchestrator.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Enter subscription details" ({@code Form_EnterSubscriptionDetails}), the manual entry
 * the seeds describe (R3): the new Azure subscription must be an active Azure subscription under this
 * partner's Azure plan for the customer, its name 1..64 characters, the owner an e-mail address, the moved
 * services one or more of the old subscription's services, and the resource group mapping at most 4000
 * characters. Refuses the completion naming the fields; stores the values normalised.
 */
@Component("subscriptionDetailsListener")
public class SubscriptionDetailsListener implements TaskListener {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter reads the Azure subscriptions under the plan */
  public SubscriptionDetailsListener(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void notify(DelegateTask task) {
    List<FieldError> errors = new ArrayList<>();
    String newAzureSubscription = MigrationVariables.text(task, NEW_AZURE_SUBSCRIPTION_ID);
    if (newAzureSubscription == null) {
      errors.add(new FieldError(NEW_AZURE_SUBSCRIPTION_ID, "is required"));
    } else {
      boolean underPlan = partnerCenter.getAzureEntitlements(
              (String) task.getVariable(CUSTOMER_TENANT_ID), (String) task.getVariable(AZURE_PLAN_SUBSCRIPTION_ID))
          .stream()
          .filter(AzureEntitlement::isActive)
          .anyMatch(azure -> azure.id().equalsIgnoreCase(newAzureSubscription));
      if (!underPlan) {
        errors.add(new FieldError(NEW_AZURE_SUBSCRIPTION_ID,
            "must be an active Azure subscription under the customer's Azure plan with us"));
      }
    }
    String name = MigrationVariables.text(task, NEW_SUBSCRIPTION_NAME);
    if (name == null || name.length() > 64) {
      errors.add(new FieldError(NEW_SUBSCRIPTION_NAME, "must be 1 to 64 characters"));
    }
    String owner = MigrationVariables.text(task, SUBSCRIPTION_OWNER);
    if (owner == null || owner.length() > 254 || !EMAIL.matcher(owner).matches()) {
      errors.add(new FieldError(SUBSCRIPTION_OWNER, "must be the owner's e-mail address"));
    }
    List<String> moved = List.of();
    try {
      moved = MigrationVariables.stringList(task.getVariable(MOVED_SERVICES));
      List<String> known = MigrationVariables.oldServiceIds(task);
      if (moved.isEmpty()) {
        errors.add(new FieldError(MOVED_SERVICES, "must name at least one service of the old subscription"));
      } else if (!known.containsAll(moved)) {
        errors.add(new FieldError(MOVED_SERVICES, "must only name active services of the old subscription " + known));
      }
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(MOVED_SERVICES, "must be a list of service ids"));
    }
    String mapping = MigrationVariables.text(task, RESOURCE_GROUP_MAPPING);
    if (mapping != null && mapping.length() > 4000) {
      errors.add(new FieldError(RESOURCE_GROUP_MAPPING, "must be at most 4000 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidProcessInputException("Invalid subscription details", errors);
    }
    task.getExecution().setVariable(NEW_AZURE_SUBSCRIPTION_ID, newAzureSubscription.toLowerCase(Locale.ROOT));
    task.getExecution().setVariable(NEW_SUBSCRIPTION_NAME, name);
    task.getExecution().setVariable(SUBSCRIPTION_OWNER, owner.toLowerCase(Locale.ROOT));
    task.getExecution().setVariable(MOVED_SERVICES, new ArrayList<>(moved));
    task.getExecution().setVariable(RESOURCE_GROUP_MAPPING, mapping);
  }
}
