package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /v1/customers/{id}/carts/{id}/checkout} (A11): the orders placed and the line
 * items that failed.
 *
 * @param orders the orders created
 * @param orderErrors errors per order group, empty when everything was ordered
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CartCheckoutResult(List<Order> orders, List<OrderError> orderErrors) {

  /**
   * An order (A11).
   *
   * @param id the order id
   * @param referenceCustomerId the customer's tenant id
   * @param billingCycle the order's billing cycle
   * @param lineItems one per subscription created
   * @param creationDate when it was placed
   * @param status e.g. {@code completed}, {@code pending}
   * @param attributes {@code {"objectType": "Order"}}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Order(
      String id,
      String referenceCustomerId,
      String billingCycle,
      List<OrderLineItem> lineItems,
      OffsetDateTime creationDate,
      String status,
      Map<String, String> attributes) {}

  /**
   * @param lineItemNumber the line's number
   * @param offerId the offer ordered
   * @param subscriptionId the subscription the line created
   * @param friendlyName the subscription's name
   * @param quantity seats
   * @param termDuration e.g. {@code P1Y}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record OrderLineItem(
      Integer lineItemNumber, String offerId, String subscriptionId, String friendlyName, Integer quantity,
      String termDuration) {}

  /**
   * @param orderGroupId the failed order group
   * @param code Partner Center error code
   * @param description what went wrong
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record OrderError(String orderGroupId, String code, String description) {}

  /** @return the orders, never null */
  public List<Order> ordersOrEmpty() {
    return orders == null ? List.of() : orders;
  }
}
