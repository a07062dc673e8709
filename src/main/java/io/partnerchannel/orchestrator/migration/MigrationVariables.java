package io.partnerchannel.orchestrator.migration;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.intVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.listVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;
import static io.partnerchannel.orchestrator.forms.JsonArrayVariable.jsonArrayVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import io.partnerchannel.orchestrator.forms.JsonArrayVariable;
import io.partnerchannel.orchestrator.forms.JsonArrayVariable.Option;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Process variables of the migration processes ({@code AzureCancelAndRecreateMigration},
 * {@code AzurePartnerSwitch}, {@code LicenseSubscriptionTransition}) as camunda-bpm-data {@link VariableFactory}
 * constants: read {@code CUSTOMER_TENANT_ID.from(execution).get()}, write {@code .on(execution).set(value)}, the
 * name is {@code getName()}. Values a form submits in another type than the process stores them (a checklist's
 * Json array, a number field, a date typed as text) have a second constant of the same name for the form's type.
 */
public final class MigrationVariables {

  /** String: the customer's tenant id. */
  public static final VariableFactory<String> CUSTOMER_TENANT_ID = stringVariable("customerTenantId");
  /** String: Camunda user id of the requesting agent, may be null. */
  public static final VariableFactory<String> REQUESTER = stringVariable("requester");
  /** String: why the process ended as it did (refusal, withdrawal, guard), for people. */
  public static final VariableFactory<String> REASON = stringVariable("reason");
  /** String: the customer's company name, prefilled from Partner Center for the transfer request. */
  public static final VariableFactory<String> COMPANY_NAME = stringVariable("companyName");
  /** Boolean: the customer is in a reseller relationship with the operating partner. */
  public static final VariableFactory<Boolean> CUSTOMER_RELATED = booleanVariable("customerRelated");

  // ---------------------------------------------------------------- AzureCancelAndRecreateMigration
  /** String: the customer's Azure subscription in the other channel (Advisor, Open, EA), as the agent names it. */
  public static final VariableFactory<String> OLD_SUBSCRIPTION_ID = stringVariable("oldSubscriptionId");
  /** String: offer of the old subscription, e.g. {@code MS-AZR-0017P}. */
  public static final VariableFactory<String> OLD_OFFER_ID = stringVariable("oldOfferId");
  /** String: why the migration cannot start: {@code NO_RELATIONSHIP}, {@code OLD_SUBSCRIPTION_NOT_FOUND},
   * {@code LEGACY_AZURE_OFFER} (R26); null when it can. */
  public static final VariableFactory<String> REFUSAL = stringVariable("refusal");
  /**
   * String: the old subscription's Azure services as the agent entered them from the customer's EA portal or Azure
   * portal, one per line (form field; Partner Center does not show other channels' subscriptions).
   */
  public static final VariableFactory<String> OLD_SERVICES = stringVariable("oldServices");
  /** String: the old channel, e.g. {@code EA}, {@code OPEN}, {@code ADVISOR} (form field). */
  public static final VariableFactory<String> OLD_CHANNEL = stringVariable("oldChannel");
  /** List of strings: the services the agent ticked once the customer confirmed their cancellation (form field). */
  public static final JsonArrayVariable<String> CANCELLED_SERVICES = jsonArrayVariable("cancelledServices", String.class);
  /** Json array {@code [{label, value}]}: the services to cancel, the options of the old-channel checklist. */
  public static final JsonArrayVariable<Option> CANCELLATION_OPTIONS = jsonArrayVariable("cancellationOptions", Option.class);
  /** String: how and when the customer confirmed the cancellation in the old channel (form field). */
  public static final VariableFactory<String> CUSTOMER_CONFIRMATION = stringVariable("customerConfirmation");
  /** String: ISO-8601 repeating interval of the reminders while the old-channel cancellation is open. */
  public static final VariableFactory<String> OLD_CHANNEL_REMINDER_CYCLE = stringVariable("oldChannelReminderCycle");
  /** Json array {@code [{label, value}]}: the old subscription's Azure services as entered, the forms' options. */
  public static final JsonArrayVariable<Option> OLD_SERVICE_OPTIONS = jsonArrayVariable("oldServiceOptions", Option.class);
  /** String: the Partner Center Azure plan subscription of this partner. */
  public static final VariableFactory<String> AZURE_PLAN_SUBSCRIPTION_ID = stringVariable("azurePlanSubscriptionId");
  /** Boolean: this migration created the Azure plan (so withdrawing it compensates the plan). */
  public static final VariableFactory<Boolean> AZURE_PLAN_CREATED = booleanVariable("azurePlanCreated");
  /** String: the Azure subscription under the plan that receives the services (form field). */
  public static final VariableFactory<String> NEW_AZURE_SUBSCRIPTION_ID = stringVariable("newAzureSubscriptionId");
  /** String: the new Azure subscription's name (form field). */
  public static final VariableFactory<String> NEW_SUBSCRIPTION_NAME = stringVariable("newSubscriptionName");
  /** String: e-mail of the new Azure subscription's owner (form field). */
  public static final VariableFactory<String> SUBSCRIPTION_OWNER = stringVariable("subscriptionOwner");
  /** List of strings: the old services moved to the new subscription (form field). */
  public static final VariableFactory<List<String>> MOVED_SERVICES = listVariable("movedServices", String.class);
  /** String: which resource groups went where, one line each (form field, optional). */
  public static final VariableFactory<String> RESOURCE_GROUP_MAPPING = stringVariable("resourceGroupMapping");
  /** String: {@link CancellationScope} chosen (form field). */
  public static final VariableFactory<String> CANCELLATION_SCOPE = stringVariable("cancellationScope");
  /** List of strings: the old Azure services to cancel, the multi-instance collection (form field). */
  public static final VariableFactory<List<String>> SERVICES_TO_CANCEL = listVariable("servicesToCancel", String.class);
  /** String (local to one cancellation): the old Azure service to cancel. */
  public static final VariableFactory<String> SERVICE_TO_CANCEL = stringVariable("serviceToCancel");
  /** String: the cancellation reason sent to Partner Center (form field). */
  public static final VariableFactory<String> CANCELLATION_REASON = stringVariable("cancellationReason");
  /** String: the recorded coexistence of the CSP subscription with the other channel (R3). */
  public static final VariableFactory<String> COEXISTENCE = stringVariable("coexistence");

  // ---------------------------------------------------------------- AzurePartnerSwitch / LicenseSubscriptionTransition
  /** String: the subscription another partner provides today. */
  public static final VariableFactory<String> SUBSCRIPTION_ID = stringVariable("subscriptionId");
  /** String: the partner providing it today. */
  public static final VariableFactory<String> SOURCE_PARTNER_TENANT_ID = stringVariable("sourcePartnerTenantId");
  /** String: that partner's name. */
  public static final VariableFactory<String> SOURCE_PARTNER_NAME = stringVariable("sourcePartnerName");
  /** Boolean: the subscription can be transferred (R25). */
  public static final VariableFactory<Boolean> TRANSFER_ELIGIBLE = booleanVariable("transferEligible");
  /** String: the transfer request's id. */
  public static final VariableFactory<String> TRANSFER_ID = stringVariable("transferId");
  /** String: the customer's e-mail Partner Center notifies about the transfer (form field, {@code customerEmailId}). */
  public static final VariableFactory<String> CUSTOMER_EMAIL = stringVariable("customerEmail");
  /** String: the transfer's {@code targetProductTypes} entry, {@code AzureSubscription} or {@code OnlineServicesNCE}. */
  public static final VariableFactory<String> TRANSFER_PRODUCT_TYPE = stringVariable("transferProductType");
  /** String: what the agent decided on a transfer status the process does not know: see {@link TransferDecision}. */
  public static final VariableFactory<String> TRANSFER_DECISION = stringVariable("transferDecision");
  /** String: the transfer's line items as the source partner added them, one per line, for people. */
  public static final VariableFactory<String> TRANSFER_LINE_ITEMS = stringVariable("transferLineItems");
  /** String: the transfer request's status as Partner Center answers: {@code Active}, {@code InProgress}, {@code Completed}, ... */
  public static final VariableFactory<String> TRANSFER_STATUS = stringVariable("transferStatus");
  /** Date: when the transfer request expires (created + 30 days, R23). */
  public static final VariableFactory<Date> TRANSFER_EXPIRES_AT = dateVariable("transferExpiresAt");
  /** String: ISO-8601 duration between two reads of the transfer's status. */
  public static final VariableFactory<String> TRANSFER_CHECK_INTERVAL = stringVariable("transferCheckInterval");
  /** String: what moved and what did not (RBAC, reservations, AOBO; R23), recorded on completion. */
  public static final VariableFactory<String> TRANSFER_NOTES = stringVariable("transferNotes");
  /**
   * String: where the license subscription was bought, {@code CSP_PARTNER} (default) or {@code THIRD_PARTY_NON_CSP}
   * (which waits for the term end under either rule set: the seeds).
   */
  public static final VariableFactory<String> BOUGHT_FROM = stringVariable("boughtFrom");
  /** String: {@code 2020} or {@code NEW_COMMERCE}. */
  public static final VariableFactory<String> RULE_SET = stringVariable("ruleSet");
  /** String: offer of the license subscription. */
  public static final VariableFactory<String> OFFER_ID = stringVariable("offerId");
  /** Integer: its seats. */
  public static final VariableFactory<Integer> QUANTITY = intVariable("quantity");
  /** String: its billing cycle. */
  public static final VariableFactory<String> BILLING_CYCLE = stringVariable("billingCycle");
  /** String: its term, e.g. {@code P1Y}. */
  public static final VariableFactory<String> TERM_DURATION = stringVariable("termDuration");
  /** Date: end of its current term. */
  public static final VariableFactory<Date> COMMITMENT_END_DATE = dateVariable("commitmentEndDate");
  /** Date: when to remind the agent of the coming term end. */
  public static final VariableFactory<Date> REMINDER_AT = dateVariable("reminderAt");
  /** String: the subscription this partner provisioned with the same offer (R36). */
  public static final VariableFactory<String> PROVISIONED_SUBSCRIPTION_ID = stringVariable("provisionedSubscriptionId");

  /** Json array of strings: the services the agent chose in "Choose what to cancel", as the checklist submits them. */
  public static final JsonArrayVariable<String> SERVICES_CHOSEN_TO_CANCEL =
      jsonArrayVariable(SERVICES_TO_CANCEL.getName(), String.class);
  /** Number: the seats as the form's number field submits them (stored as {@link #QUANTITY}). */
  public static final VariableFactory<Number> QUANTITY_ENTERED = customVariable(QUANTITY.getName(), Number.class);
  /** String {@code yyyy-MM-dd}: the term's end as the form submits it (stored as {@link #COMMITMENT_END_DATE}). */
  public static final VariableFactory<String> COMMITMENT_END_DATE_ENTERED = stringVariable(COMMITMENT_END_DATE.getName());
  /** Integer: reminders of the open old-channel cancellation sent so far. */
  public static final VariableFactory<Integer> CANCELLATION_REMINDERS = intVariable("cancellationReminders");

  private MigrationVariables() {}

  /**
   * @param variable a String variable a form fills
   * @param scope an execution or task
   * @return the value trimmed, null when absent or blank
   */
  public static String trimmed(VariableFactory<String> variable, VariableScope scope) {
    return variable.from(scope).getOptional().map(String::trim).filter(text -> !text.isEmpty()).orElse(null);
  }
}
