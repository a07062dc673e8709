package io.partnerchannel.orchestrator.migration;

import io.partnerchannel.orchestrator.partnercenter.Cart;
import io.partnerchannel.orchestrator.partnercenter.CartCheckoutResult;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import java.util.List;
import java.util.Objects;

/** Orders one product for a customer the way Partner Center does it: a cart with one line, then checkout (A11). */
final class CartOrders {

  private CartOrders() {}

  /**
   * @param partnerCenter the Partner Center port
   * @param customerTenantId the customer
   * @param line what to buy
   * @return the id of the subscription the order created
   * @throws PartnerCenterException when Partner Center refuses the cart or the checkout creates no subscription
   */
  static String orderOne(PartnerCenter partnerCenter, String customerTenantId, Cart.LineItem line) {
    Cart cart = partnerCenter.createCart(customerTenantId, Cart.of(List.of(line)));
    CartCheckoutResult result = partnerCenter.checkoutCart(customerTenantId, cart.id());
    return result.ordersOrEmpty().stream()
        .flatMap(order -> order.lineItems() == null ? java.util.stream.Stream.empty() : order.lineItems().stream())
        .map(CartCheckoutResult.OrderLineItem::subscriptionId)
        .filter(Objects::nonNull)
        .findFirst()
        .orElseThrow(() -> new PartnerCenterException(0, null,
            "Checkout of cart " + cart.id() + " created no subscription: " + result.orderErrors(), null));
  }
}
