package io.partnerchannel.orchestrator.migration;

import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.Subscription;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether a migration may go ahead, decided from what Partner Center shows this partner of the customer (its
 * reseller relationship and its subscriptions with us); the processes' "Look up customer" steps ask it and record
 * the answer. The rules are the static methods, which read nothing.
 */
@Component
class MigrationEligibility {

  /** Legacy Azure offer that rules out an Azure plan (R26). */
  public static final String LEGACY_AZURE_OFFER = "MS-AZR-0145P";

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port (read only) */
  public MigrationEligibility(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  /**
   * Why a migration cannot go ahead.
   *
   * @param code {@code NO_RELATIONSHIP}, {@code LEGACY_AZURE_OFFER} or {@code ALREADY_OURS}
   * @param reason the same for people
   */
  public record Refusal(String code, String reason) {}

  /**
   * What "Look up customer" found.
   *
   * @param customer the customer as Partner Center shows it, empty when it is not our customer
   * @param related whether the customer is in a reseller relationship with us
   * @param refusal why the migration cannot go ahead, empty when it can
   */
  public record Eligibility(Optional<Customer> customer, boolean related, Optional<Refusal> refusal) {}

  /**
   * @param customerTenantId the customer
   * @return whether the cancel-and-recreate migration can give the customer an Azure plan
   */
  public Eligibility forAzurePlan(String customerTenantId) {
    Optional<Customer> customer = partnerCenter.getCustomer(customerTenantId);
    boolean related = customer.map(Customer::isReseller).orElse(false);
    List<Subscription> ours = related ? partnerCenter.getSubscriptions(customerTenantId) : List.of();
    return new Eligibility(customer, related, azurePlanRefusal(customerTenantId, related, ours));
  }

  /**
   * @param customerTenantId the customer
   * @param subscriptionId the license subscription another partner provides today
   * @return whether the license transition can take the subscription over
   */
  public Eligibility forLicenseTransition(String customerTenantId, String subscriptionId) {
    Optional<Customer> customer = partnerCenter.getCustomer(customerTenantId);
    boolean related = customer.map(Customer::isReseller).orElse(false);
    List<Subscription> ours = related ? partnerCenter.getSubscriptions(customerTenantId) : List.of();
    return new Eligibility(customer, related, licenseTransitionRefusal(customerTenantId, subscriptionId, related, ours));
  }

  /**
   * An Azure plan needs the customer as our reseller customer (R2), and Partner Center creates none while the
   * customer has the legacy Azure offer {@value #LEGACY_AZURE_OFFER} with us, deleted ones aside (R26).
   *
   * @param customerTenantId the customer, named in the reason
   * @param related whether the customer is in a reseller relationship with us
   * @param ours the customer's subscriptions with us
   * @return the refusal, empty when the plan can be created
   */
  static Optional<Refusal> azurePlanRefusal(String customerTenantId, boolean related, List<Subscription> ours) {
    if (!related) {
      return Optional.of(new Refusal("NO_RELATIONSHIP", "Customer " + customerTenantId + " is not in a reseller"
          + " relationship with us, so no Azure plan can be created for it; request the relationship first (R2), for"
          + " example through \"Onboard customer subscriptions\"."));
    }
    boolean legacy = ours.stream().anyMatch(subscription -> subscription.offerId() != null
        && subscription.offerId().startsWith(LEGACY_AZURE_OFFER) && !"deleted".equalsIgnoreCase(subscription.status()));
    if (legacy) {
      return Optional.of(new Refusal("LEGACY_AZURE_OFFER", "The customer already has the legacy Azure offer "
          + LEGACY_AZURE_OFFER + " with us, so Partner Center cannot create an Azure plan for it; transition that"
          + " subscription with the product upgrade APIs instead (R26)."));
    }
    return Optional.empty();
  }

  /**
   * A subscription moves to us only once the customer is in a reseller relationship with us (R24, R36), and only
   * when it is not ours already.
   *
   * @param customerTenantId the customer, named in the reason
   * @param subscriptionId the subscription to take over
   * @param related whether the customer is in a reseller relationship with us
   * @param ours the customer's subscriptions with us
   * @return the refusal, empty when the transition can go ahead
   */
  static Optional<Refusal> licenseTransitionRefusal(
      String customerTenantId, String subscriptionId, boolean related, List<Subscription> ours) {
    if (!related) {
      return Optional.of(new Refusal("NO_RELATIONSHIP", "Customer " + customerTenantId + " is not in a reseller"
          + " relationship with us; it must have one before its subscriptions can move to us (R24, R36)."));
    }
    if (ours.stream().anyMatch(subscription -> subscriptionId.equalsIgnoreCase(subscription.id()))) {
      return Optional.of(new Refusal("ALREADY_OURS", "Subscription " + subscriptionId + " is already provided by us."));
    }
    return Optional.empty();
  }
}
