package io.partnerchannel.orchestrator.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Process variables of the migration processes ({@code AzureCancelAndRecreateMigration},
 * {@code AzurePartnerSwitch}, {@code LicenseSubscriptionTransition}), in one place (camunda-bpm-data style),
 * with typed readers for the values forms submit as JSON.
 */
public final class MigrationVariables {

  /** String: the customer's tenant id. */
  public static final String CUSTOMER_TENANT_ID = "customerTenantId";
  /** String: Camunda user id of the requesting agent, may be null. */
  public static final String REQUESTER = "requester";
  /** String: why the process ended as it did (refusal, withdrawal, guard), for people. */
  public static final String REASON = "reason";
  /** Boolean: the customer is in a reseller relationship with the operating partner. */
  public static final String CUSTOMER_RELATED = "customerRelated";

  // ---------------------------------------------------------------- AzureCancelAndRecreateMigration
  /** String: the customer's Azure subscription in the other channel (Advisor, Open, EA), as the agent names it. */
  public static final String OLD_SUBSCRIPTION_ID = "oldSubscriptionId";
  /** String: offer of the old subscription, e.g. {@code MS-AZR-0017P}. */
  public static final String OLD_OFFER_ID = "oldOfferId";
  /** String: why the migration cannot start: {@code NO_RELATIONSHIP}, {@code OLD_SUBSCRIPTION_NOT_FOUND},
   * {@code LEGACY_AZURE_OFFER} (R26); null when it can. */
  public static final String REFUSAL = "refusal";
  /**
   * String: the old subscription's Azure services as the agent entered them from the customer's EA portal or Azure
   * portal, one per line (form field; Partner Center does not show other channels' subscriptions).
   */
  public static final String OLD_SERVICES = "oldServices";
  /** String: the old channel, e.g. {@code EA}, {@code OPEN}, {@code ADVISOR} (form field). */
  public static final String OLD_CHANNEL = "oldChannel";
  /** List of strings: the services the agent ticked once the customer confirmed their cancellation (form field). */
  public static final String CANCELLED_SERVICES = "cancelledServices";
  /** Json array {@code [{label, value}]}: the services to cancel, the options of the old-channel checklist. */
  public static final String CANCELLATION_OPTIONS = "cancellationOptions";
  /** String: how and when the customer confirmed the cancellation in the old channel (form field). */
  public static final String CUSTOMER_CONFIRMATION = "customerConfirmation";
  /** String: ISO-8601 repeating interval of the reminders while the old-channel cancellation is open. */
  public static final String OLD_CHANNEL_REMINDER_CYCLE = "oldChannelReminderCycle";
  /** Json array {@code [{label, value}]}: the old subscription's Azure services as entered, the forms' options. */
  public static final String OLD_SERVICE_OPTIONS = "oldServiceOptions";
  /** String: the Partner Center Azure plan subscription of this partner. */
  public static final String AZURE_PLAN_SUBSCRIPTION_ID = "azurePlanSubscriptionId";
  /** Boolean: this migration created the Azure plan (so withdrawing it compensates the plan). */
  public static final String AZURE_PLAN_CREATED = "azurePlanCreated";
  /** String: the Azure subscription under the plan that receives the services (form field). */
  public static final String NEW_AZURE_SUBSCRIPTION_ID = "newAzureSubscriptionId";
  /** String: the new Azure subscription's name (form field). */
  public static final String NEW_SUBSCRIPTION_NAME = "newSubscriptionName";
  /** String: e-mail of the new Azure subscription's owner (form field). */
  public static final String SUBSCRIPTION_OWNER = "subscriptionOwner";
  /** List of strings: the old services moved to the new subscription (form field). */
  public static final String MOVED_SERVICES = "movedServices";
  /** String: which resource groups went where, one line each (form field, optional). */
  public static final String RESOURCE_GROUP_MAPPING = "resourceGroupMapping";
  /** String: {@link CancellationScope} chosen (form field). */
  public static final String CANCELLATION_SCOPE = "cancellationScope";
  /** List of strings: the old Azure services to cancel, the multi-instance collection (form field). */
  public static final String SERVICES_TO_CANCEL = "servicesToCancel";
  /** String (local to one cancellation): the old Azure service to cancel. */
  public static final String SERVICE_TO_CANCEL = "serviceToCancel";
  /** String: the cancellation reason sent to Partner Center (form field). */
  public static final String CANCELLATION_REASON = "cancellationReason";
  /** String: the recorded coexistence of the CSP subscription with the other channel (R3). */
  public static final String COEXISTENCE = "coexistence";

  // ---------------------------------------------------------------- AzurePartnerSwitch / LicenseSubscriptionTransition
  /** String: the subscription another partner provides today. */
  public static final String SUBSCRIPTION_ID = "subscriptionId";
  /** String: the partner providing it today. */
  public static final String SOURCE_PARTNER_TENANT_ID = "sourcePartnerTenantId";
  /** String: that partner's name. */
  public static final String SOURCE_PARTNER_NAME = "sourcePartnerName";
  /** Boolean: the subscription can be transferred (R25). */
  public static final String TRANSFER_ELIGIBLE = "transferEligible";
  /** String: the transfer request's id. */
  public static final String TRANSFER_ID = "transferId";
  /** String: the customer's e-mail Partner Center notifies about the transfer (form field, {@code customerEmailId}). */
  public static final String CUSTOMER_EMAIL = "customerEmail";
  /** String: the transfer's {@code targetProductTypes} entry, {@code AzureSubscription} or {@code OnlineServicesNCE}. */
  public static final String TRANSFER_PRODUCT_TYPE = "transferProductType";
  /** String: what the agent decided on a transfer status the process does not know: see {@link TransferDecision}. */
  public static final String TRANSFER_DECISION = "transferDecision";
  /** String: the transfer's line items as the source partner added them, one per line, for people. */
  public static final String TRANSFER_LINE_ITEMS = "transferLineItems";
  /** String: the transfer request's status as Partner Center answers: {@code Active}, {@code InProgress}, {@code Completed}, ... */
  public static final String TRANSFER_STATUS = "transferStatus";
  /** Date: when the transfer request expires (created + 30 days, R23). */
  public static final String TRANSFER_EXPIRES_AT = "transferExpiresAt";
  /** String: ISO-8601 duration between two reads of the transfer's status. */
  public static final String TRANSFER_CHECK_INTERVAL = "transferCheckInterval";
  /** String: what moved and what did not (RBAC, reservations, AOBO; R23), recorded on completion. */
  public static final String TRANSFER_NOTES = "transferNotes";
  /**
   * String: where the license subscription was bought, {@code CSP_PARTNER} (default) or {@code THIRD_PARTY_NON_CSP}
   * (which waits for the term end under either rule set: the seeds).
   */
  public static final String BOUGHT_FROM = "boughtFrom";
  /** String: {@code 2020} or {@code NEW_COMMERCE}. */
  public static final String RULE_SET = "ruleSet";
  /** String: offer of the license subscription. */
  public static final String OFFER_ID = "offerId";
  /** Integer: its seats. */
  public static final String QUANTITY = "quantity";
  /** String: its billing cycle. */
  public static final String BILLING_CYCLE = "billingCycle";
  /** String: its term, e.g. {@code P1Y}. */
  public static final String TERM_DURATION = "termDuration";
  /** Date: end of its current term. */
  public static final String COMMITMENT_END_DATE = "commitmentEndDate";
  /** Date: when to remind the agent of the coming term end. */
  public static final String REMINDER_AT = "reminderAt";
  /** String: the subscription this partner provisioned with the same offer (R36). */
  public static final String PROVISIONED_SUBSCRIPTION_ID = "provisionedSubscriptionId";

  private static final ObjectMapper JSON = new ObjectMapper();

  private MigrationVariables() {}

  /**
   * Reads a list of strings, whether a form stored it as JSON (checklist), a script as JSON text or code as
   * a Java collection.
   *
   * @param raw the variable's value
   * @return the strings, empty for null
   * @throws IllegalArgumentException when the value is not a list of strings
   */
  public static List<String> stringList(Object raw) {
    List<String> values = new ArrayList<>();
    if (raw == null) {
      return values;
    }
    if (raw instanceof Collection<?> collection) {
      collection.forEach(value -> values.add(value == null ? null : value.toString()));
      return values;
    }
    try {
      JsonNode node = JSON.readTree(raw instanceof SpinJsonNode spin ? spin.toString() : raw.toString());
      if (!node.isArray()) {
        throw new IllegalArgumentException("not a JSON array");
      }
      node.forEach(value -> values.add(value.isTextual() ? value.asText() : value.toString()));
      return values;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON array", e);
    }
  }

  /**
   * @param scope an execution or task
   * @param name the variable
   * @return the variable as a string, null when absent or blank
   */
  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  /**
   * @param options form options {@code [{label, value}]}
   * @return the value to store: a Json array Tasklist's forms read through {@code valuesKey}
   */
  public static JsonValue options(List<Map<String, String>> options) {
    return SpinValues.jsonValue(Spin.JSON(options)).create();
  }

  /**
   * @param scope an execution or task
   * @return the {@code value}s of {@link #OLD_SERVICE_OPTIONS}
   */
  public static List<String> oldServiceIds(VariableScope scope) {
    List<String> ids = new ArrayList<>();
    Object raw = scope.getVariable(OLD_SERVICE_OPTIONS);
    if (raw == null) {
      return ids;
    }
    try {
      JSON.readTree(raw instanceof SpinJsonNode spin ? spin.toString() : raw.toString())
          .forEach(option -> ids.add(option.path("value").asText()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(OLD_SERVICE_OPTIONS + " is not a JSON array", e);
    }
    return ids;
  }
}
