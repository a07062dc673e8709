package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * An Azure subscription under a Partner Center subscription ("Azure entitlement", A11, A13): the Azure
 * plan subscription lists one per Azure subscription created under the plan ({@code GET
 * /v1/customers/{id}/subscriptions/{id}/azureEntitlements}, get-a-list-of-azure-entitlements-for-subscription); a
 * partner sees those of its own Azure plans only.
 *
 * @param id the Azure subscription id (GUID), the {@code entitlement_id} of the cancel call
 * @param friendlyName the Azure subscription's name
 * @param status {@code active}, {@code disabled} or {@code cancelled}
 * @param subscriptionId the Partner Center subscription it belongs to
 * @param attributes {@code {"objectType": "AzureEntitlement"}}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AzureEntitlement(
    String id, String friendlyName, String status, String subscriptionId, Map<String, String> attributes) {

  /** Status of an Azure subscription still in use. */
  public static final String ACTIVE = "active";
  /** Status of a cancelled Azure subscription. */
  public static final String CANCELLED = "cancelled";

  /** @return whether the Azure subscription is still active */
  public boolean isActive() {
    return ACTIVE.equalsIgnoreCase(status);
  }
}
