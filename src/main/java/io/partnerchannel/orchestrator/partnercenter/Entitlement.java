package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Partner Center {@code Entitlement} resource (entitlement-resources; answered by get-a-collection-of-entitlements,
 * {@code GET /v1/customers/{id}/entitlements}): what a customer is entitled to from an order, e.g. an Azure
 * reservation ({@code reservedinstance}, formerly {@code virtualmachinereservedinstance}) or a software purchase
 * ({@code software}). Reduced to what the removal prerequisites (R17) read.
 *
 * @param productId product id, e.g. {@code DZH318Z0BQ3W}
 * @param skuId SKU id
 * @param quantity quantity entitled
 * @param entitlementType {@code software}, {@code reservedinstance} or {@code virtualmachinereservedinstance}
 * @param referenceOrder the order (and line item) the entitlement comes from
 * @param expiryDate when it expires, present only when requested with {@code showExpiry=true} and applicable
 * @param includedEntitlements entitlements that come with this one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entitlement(
    String productId,
    String skuId,
    Integer quantity,
    String entitlementType,
    ReferenceOrder referenceOrder,
    OffsetDateTime expiryDate,
    List<Entitlement> includedEntitlements) {

  /** {@code entitlementType} of an Azure reservation. */
  public static final String RESERVED_INSTANCE = "reservedinstance";
  /** {@code entitlementType} of an Azure VM reservation as older answers name it. */
  public static final String VIRTUAL_MACHINE_RESERVED_INSTANCE = "virtualmachinereservedinstance";
  /** {@code entitlementType} of a software purchase. */
  public static final String SOFTWARE = "software";

  /**
   * @param id order id
   * @param lineItemId line item of the order
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReferenceOrder(String id, String lineItemId) {}

  /** @return whether this is an Azure reservation (either documented type name) */
  public boolean isReservation() {
    return RESERVED_INSTANCE.equalsIgnoreCase(entitlementType)
        || VIRTUAL_MACHINE_RESERVED_INSTANCE.equalsIgnoreCase(entitlementType);
  }

  /** @return whether this is a software purchase */
  public boolean isSoftware() {
    return SOFTWARE.equalsIgnoreCase(entitlementType);
  }

  /**
   * @param now the current time
   * @return whether it still counts: no expiry date, or one after {@code now}
   */
  public boolean isCurrent(OffsetDateTime now) {
    return expiryDate == null || expiryDate.isAfter(now);
  }
}
