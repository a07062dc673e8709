package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.AZURE_PLAN_SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.MOVED_SERVICES;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.NEW_AZURE_SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.NEW_SUBSCRIPTION_NAME;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.OLD_CHANNEL;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.OLD_SERVICES;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.OLD_SERVICE_OPTIONS;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.RESOURCE_GROUP_MAPPING;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SUBSCRIPTION_OWNER;

import io.partnerchannel.orchestrator.forms.JsonArrayVariable.Option;
import io.partnerchannel.orchestrator.partnercenter.AzureEntitlement;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.web.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Enter subscription details" ({@code Form_EnterSubscriptionDetails}), the manual entry
 * the seeds describe (R3: "create a new Azure subscription in Partner Center, enter the subscription details
 * manually, then cancel the individual services or the whole subscription"). Partner Center does not show the old
 * channel's subscription, so the agent enters it: the old channel ({@code EA}, {@code OPEN} or {@code ADVISOR})
 * and its Azure services, one per line (1..50 lines of 1..200 characters, as the EA portal or Azure portal names
 * them). The new Azure subscription must be an active Azure subscription under this partner's Azure plan for the
 * customer, its name 1..64 characters, the owner an e-mail address, the resource group mapping at most 4000
 * characters. Refuses the completion naming the fields; stores the values normalised, the services as the
 * options of "Choose what to cancel" ({@code oldServiceOptions}) and as {@code movedServices}.
 */
@Component("subscriptionDetailsListener")
class SubscriptionDetailsListener implements TaskListener {

  /** The non-CSP channels whose usage-based services are cancelled and recreated (R3). */
  public static final List<String> OLD_CHANNELS = List.of("EA", "OPEN", "ADVISOR");

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter reads the Azure subscriptions under the plan */
  public SubscriptionDetailsListener(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void notify(DelegateTask task) {
    List<FieldError> errors = new ArrayList<>();
    String newAzureSubscription = MigrationVariables.trimmed(NEW_AZURE_SUBSCRIPTION_ID, task);
    if (newAzureSubscription == null) {
      errors.add(new FieldError(NEW_AZURE_SUBSCRIPTION_ID.getName(), "is required"));
    } else {
      boolean underPlan = partnerCenter.getAzureEntitlements(
              CUSTOMER_TENANT_ID.from(task).get(), AZURE_PLAN_SUBSCRIPTION_ID.from(task).get())
          .stream()
          .filter(AzureEntitlement::isActive)
          .anyMatch(azure -> azure.id().equalsIgnoreCase(newAzureSubscription));
      if (!underPlan) {
        errors.add(new FieldError(NEW_AZURE_SUBSCRIPTION_ID.getName(),
            "must be an active Azure subscription under the customer's Azure plan with us"));
      }
    }
    String name = MigrationVariables.trimmed(NEW_SUBSCRIPTION_NAME, task);
    if (name == null || name.length() > 64) {
      errors.add(new FieldError(NEW_SUBSCRIPTION_NAME.getName(), "must be 1 to 64 characters"));
    }
    String owner = MigrationVariables.trimmed(SUBSCRIPTION_OWNER, task);
    if (owner == null || owner.length() > 254 || !EMAIL.matcher(owner).matches()) {
      errors.add(new FieldError(SUBSCRIPTION_OWNER.getName(), "must be the owner's e-mail address"));
    }
    String channel = MigrationVariables.trimmed(OLD_CHANNEL, task);
    if (channel == null || !OLD_CHANNELS.contains(channel.toUpperCase(Locale.ROOT))) {
      errors.add(new FieldError(OLD_CHANNEL.getName(), "must be one of " + OLD_CHANNELS));
    }
    Set<String> services = new LinkedHashSet<>();
    String servicesText = MigrationVariables.trimmed(OLD_SERVICES, task);
    if (servicesText != null) {
      servicesText.lines().map(String::trim).filter(line -> !line.isEmpty()).forEach(services::add);
    }
    if (services.isEmpty() || services.size() > 50 || services.stream().anyMatch(line -> line.length() > 200)) {
      errors.add(new FieldError(OLD_SERVICES.getName(),
          "must name the old subscription's Azure services, one per line (1 to 50 lines of at most 200 characters)"));
    }
    String mapping = MigrationVariables.trimmed(RESOURCE_GROUP_MAPPING, task);
    if (mapping != null && mapping.length() > 4000) {
      errors.add(new FieldError(RESOURCE_GROUP_MAPPING.getName(), "must be at most 4000 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException("Invalid subscription details", errors);
    }
    NEW_AZURE_SUBSCRIPTION_ID.on(task.getExecution()).set(newAzureSubscription.toLowerCase(Locale.ROOT));
    NEW_SUBSCRIPTION_NAME.on(task.getExecution()).set(name);
    SUBSCRIPTION_OWNER.on(task.getExecution()).set(owner.toLowerCase(Locale.ROOT));
    OLD_CHANNEL.on(task.getExecution()).set(channel.toUpperCase(Locale.ROOT));
    OLD_SERVICES.on(task.getExecution()).set(String.join("\n", services));
    OLD_SERVICE_OPTIONS.set(task.getExecution(), Option.of(services));
    MOVED_SERVICES.on(task.getExecution()).set(new ArrayList<>(services));
    RESOURCE_GROUP_MAPPING.on(task.getExecution()).set(mapping);
  }
}
