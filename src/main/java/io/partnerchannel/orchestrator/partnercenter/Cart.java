package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A Partner Center cart ({@code POST /v1/customers/{id}/carts}, A11): what the partner is about to order
 * for the customer; {@code POST .../carts/{id}/checkout} turns it into orders and subscriptions.
 *
 * @param id the cart id, set by Partner Center
 * @param creationTimestamp when it was created
 * @param lastModifiedTimestamp when it last changed
 * @param expirationTimestamp when it expires unless checked out
 * @param lineItems what to buy
 * @param status {@code Active} until checked out, then {@code Ordered}
 * @param attributes {@code {"objectType": "Cart"}}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Cart(
    String id,
    OffsetDateTime creationTimestamp,
    OffsetDateTime lastModifiedTimestamp,
    OffsetDateTime expirationTimestamp,
    List<LineItem> lineItems,
    String status,
    Map<String, String> attributes) {

  /**
   * @param lineItems what to buy
   * @return a new cart to post: {@code {"lineItems": [...]}} as create-a-cart's example
   */
  public static Cart of(List<LineItem> lineItems) {
    return new Cart(null, null, null, null, lineItems, null, null);
  }

  /**
   * A cart line item (A11).
   *
   * @param id the line's number in the cart, from 0
   * @param catalogItemId the product/SKU availability or offer to buy, an availability's {@code catalogItemId} ({@link Catalog.Availability})
   * @param friendlyName name of the subscription to create, optional
   * @param quantity seats, 1 for an Azure plan
   * @param billingCycle e.g. {@code monthly}, {@code annual}, {@code one_time}
   * @param termDuration e.g. {@code P1Y}; none for an Azure plan
   * @param provisioningContext product-specific provisioning values, optional
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LineItem(
      Integer id,
      String catalogItemId,
      String friendlyName,
      Integer quantity,
      String billingCycle,
      String termDuration,
      Map<String, String> provisioningContext) {}
}
