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
public class SubscriptionDetailsListener implements TaskListener {

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
    String channel = MigrationVariables.text(task, OLD_CHANNEL);
    if (channel == null || !OLD_CHANNELS.contains(channel.toUpperCase(Locale.ROOT))) {
      errors.add(new FieldError(OLD_CHANNEL, "must be one of " + OLD_CHANNELS));
    }
    Set<String> services = new LinkedHashSet<>();
    String servicesText = MigrationVariables.text(task, OLD_SERVICES);
    if (servicesText != null) {
      servicesText.lines().map(String::trim).filter(line -> !line.isEmpty()).forEach(services::add);
    }
    if (services.isEmpty() || services.size() > 50 || services.stream().anyMatch(line -> line.length() > 200)) {
      errors.add(new FieldError(OLD_SERVICES,
          "must name the old subscription's Azure services, one per line (1 to 50 lines of at most 200 characters)"));
    }
    String mapping = MigrationVariables.text(task, RESOURCE_GROUP_MAPPING);
    if (mapping != null && mapping.length() > 4000) {
      errors.add(new FieldError(RESOURCE_GROUP_MAPPING, "must be at most 4000 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException("Invalid subscription details", errors);
    }
    task.getExecution().setVariable(NEW_AZURE_SUBSCRIPTION_ID, newAzureSubscription.toLowerCase(Locale.ROOT));
    task.getExecution().setVariable(NEW_SUBSCRIPTION_NAME, name);
    task.getExecution().setVariable(SUBSCRIPTION_OWNER, owner.toLowerCase(Locale.ROOT));
    List<Map<String, String>> options = new ArrayList<>();
    services.forEach(service -> {
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", service);
      option.put("value", service);
      options.add(option);
    });
    task.getExecution().setVariable(OLD_CHANNEL, channel.toUpperCase(Locale.ROOT));
    task.getExecution().setVariable(OLD_SERVICES, String.join("\n", services));
    task.getExecution().setVariable(OLD_SERVICE_OPTIONS, MigrationVariables.options(options));
    task.getExecution().setVariable(MOVED_SERVICES, new ArrayList<>(services));
    task.getExecution().setVariable(RESOURCE_GROUP_MAPPING, mapping);
  }
}
