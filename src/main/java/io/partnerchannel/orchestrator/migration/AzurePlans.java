package io.partnerchannel.orchestrator.migration;

import io.partnerchannel.orchestrator.partnercenter.AzureEntitlement;
import io.partnerchannel.orchestrator.partnercenter.Cart;
import io.partnerchannel.orchestrator.partnercenter.Catalog;
import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.Subscription;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A customer's Azure plan with this partner, where the services of another channel are recreated (R3):
 * create-azure-plan looks the product, SKU and availability up, orders the availability's {@code catalogItemId} with a
 * cart and checks out; the plan comes with its first Azure subscription.
 */
@Component
public class AzurePlans {

  private static final String AZURE_PLAN_PRODUCT = Catalog.AZURE_PLAN_PRODUCT;

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public AzurePlans(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  /**
   * The customer's Azure plan.
   *
   * @param id the plan's subscription id
   * @param created whether this caller created it (a plan named {@code friendlyName}), false for a plan reused
   * @param azureSubscription the first active Azure subscription under the plan, empty when none
   */
  public record Plan(String id, boolean created, Optional<AzureEntitlement> azureSubscription) {}

  /**
   * Idempotent: the customer's active Azure plan with us is reused; a plan named {@code friendlyName} was created by
   * an earlier attempt of the same caller and counts as created.
   *
   * @param customerTenantId the customer
   * @param friendlyName the name a plan this call creates gets, unique to the caller (e.g. naming the process instance)
   * @return the plan
   * @throws PartnerCenterException when the catalog offers no Azure plan or the order fails
   */
  public Plan ensure(String customerTenantId, String friendlyName) {
    Optional<Subscription> existing = partnerCenter.getSubscriptions(customerTenantId).stream()
        .filter(subscription -> subscription.offerId() != null && subscription.offerId().startsWith(AZURE_PLAN_PRODUCT))
        .filter(subscription -> "active".equalsIgnoreCase(subscription.status()))
        .findFirst();
    String planId = existing.map(Subscription::id).orElseGet(() -> CartOrders.orderOne(partnerCenter, customerTenantId,
        new Cart.LineItem(0, azurePlanCatalogItem(customerTenantId), friendlyName, 1, "one_time", null, null)));
    boolean created = existing.map(plan -> friendlyName.equals(plan.friendlyName())).orElse(true);
    return new Plan(planId, created, partnerCenter.getAzureEntitlements(customerTenantId, planId).stream()
        .filter(AzureEntitlement::isActive)
        .findFirst());
  }

  /**
   * The Azure plan's catalog item in the customer's country, looked up as create-azure-plan says: the product
   * (targetView {@code MicrosoftAzure}), its SKU, the SKU's purchasable availability, whose {@code catalogItemId}
   * the cart orders.
   *
   * @param customerTenantId the customer; its billing address country, else this partner's legal country
   * @return the availability's catalog item id
   * @throws PartnerCenterException 404 when the catalog offers no purchasable Azure plan in that country
   */
  String azurePlanCatalogItem(String customerTenantId) {
    String country = partnerCenter.getCustomer(customerTenantId)
        .map(Customer::billingProfile)
        .map(Customer.BillingProfile::defaultAddress)
        .map(Customer.Address::country)
        .filter(code -> !code.isBlank())
        .orElseGet(() -> partnerCenter.getLegalBusinessProfile().address().country());
    Catalog.Product product = partnerCenter.getProducts(country, Catalog.MICROSOFT_AZURE_VIEW).stream()
        .filter(candidate -> AZURE_PLAN_PRODUCT.equalsIgnoreCase(candidate.id()))
        .findFirst()
        .orElseThrow(() -> notInCatalog("product " + AZURE_PLAN_PRODUCT, country));
    for (Catalog.Sku sku : partnerCenter.getSkus(product.id(), country)) {
      Optional<Catalog.Availability> availability = partnerCenter.getAvailabilities(product.id(), sku.id(), country)
          .stream()
          .filter(candidate -> !Boolean.FALSE.equals(candidate.isPurchasable()) && candidate.catalogItemId() != null)
          .findFirst();
      if (availability.isPresent()) {
        return availability.get().catalogItemId();
      }
    }
    throw notInCatalog("a purchasable availability of product " + AZURE_PLAN_PRODUCT, country);
  }

  private static PartnerCenterException notInCatalog(String what, String country) {
    return new PartnerCenterException(404, null, "The Partner Center catalog has no " + what + " (Azure plan) in "
        + country + " (create-azure-plan)", null);
  }
}
