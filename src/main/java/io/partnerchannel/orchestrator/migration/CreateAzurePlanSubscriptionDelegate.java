package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.AZURE_PLAN_CREATED;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.AZURE_PLAN_SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.NEW_AZURE_SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.NEW_SUBSCRIPTION_NAME;

import io.partnerchannel.orchestrator.partnercenter.AzureEntitlement;
import io.partnerchannel.orchestrator.partnercenter.Cart;
import io.partnerchannel.orchestrator.partnercenter.Catalog;
import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.Subscription;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Create Azure plan subscription": gives the customer an Azure plan with this partner (create-azure-plan: look the
 * product, SKU and availability up, cart with the availability's {@code catalogItemId}, then checkout; the plan comes
 * with its first Azure subscription), where the services of the other channel are recreated (R3).
 *
 * <p>Idempotent: it first looks for the customer's active Azure plan with us. A plan named for this migration
 * (its friendly name carries the process instance id) was created by an earlier attempt of this very step and
 * counts as created here; another existing plan is reused and never compensated. The Azure subscription
 * under the plan that receives the services prefills "Enter subscription details".
 */
@Component("createAzurePlanSubscription")
class CreateAzurePlanSubscriptionDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(CreateAzurePlanSubscriptionDelegate.class);
  private static final String AZURE_PLAN_PRODUCT = Catalog.AZURE_PLAN_PRODUCT;

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public CreateAzurePlanSubscriptionDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = CUSTOMER_TENANT_ID.from(execution).get();
    String ourName = "Azure plan (migration " + execution.getProcessInstanceId() + ")";
    Optional<Subscription> existing = partnerCenter.getSubscriptions(customerTenantId).stream()
        .filter(subscription -> subscription.offerId() != null && subscription.offerId().startsWith(AZURE_PLAN_PRODUCT))
        .filter(subscription -> "active".equalsIgnoreCase(subscription.status()))
        .findFirst();
    String planId;
    boolean created;
    if (existing.isPresent()) {
      planId = existing.get().id();
      created = ourName.equals(existing.get().friendlyName());
      log.info("Migration {}: customer {} already has Azure plan {} ({})", execution.getProcessInstanceId(),
          customerTenantId, planId, created ? "created by this migration" : "reused");
    } else {
      planId = CartOrders.orderOne(partnerCenter, customerTenantId,
          new Cart.LineItem(0, azurePlanCatalogItem(customerTenantId), ourName, 1, "one_time", null, null));
      created = true;
      log.info("Migration {}: Azure plan {} created for {}", execution.getProcessInstanceId(), planId, customerTenantId);
    }
    AZURE_PLAN_SUBSCRIPTION_ID.on(execution).set(planId);
    AZURE_PLAN_CREATED.on(execution).set(created);
    partnerCenter.getAzureEntitlements(customerTenantId, planId).stream()
        .filter(AzureEntitlement::isActive)
        .findFirst()
        .ifPresent(azure -> {
          NEW_AZURE_SUBSCRIPTION_ID.on(execution).set(azure.id());
          NEW_SUBSCRIPTION_NAME.on(execution).set(azure.friendlyName());
        });
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
