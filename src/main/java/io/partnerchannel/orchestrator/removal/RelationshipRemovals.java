package io.partnerchannel.orchestrator.removal;

import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.Entitlement;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.Subscription;
import io.partnerchannel.orchestrator.removal.RemovalVariables.Prerequisites;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Ending a customer's reseller relationship with this partner (R17-R20): what blocks it, the removal itself, and
 * what it leaves unchanged. The rules are the static methods, which read nothing.
 */
@Component
class RelationshipRemovals {

  /** Partner Center's error code when no relationship exists (Partner-Center-PowerShell #51). */
  static final String RELATIONSHIP_DOES_NOT_EXIST = "3000";

  private final PartnerCenter partnerCenter;

  RelationshipRemovals(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  /**
   * What the prerequisite check found.
   *
   * @param prerequisites met, blocked, or no relationship to remove
   * @param customer the customer as Partner Center shows it, empty when it is not in our customer list
   * @param blockers what must be suspended or cancelled first, one item each; empty unless blocked
   */
  record Check(Prerequisites prerequisites, Optional<Customer> customer, List<String> blockers) {}

  /**
   * @param customerTenantId the customer
   * @return whether the relationship can be removed now
   */
  Check check(String customerTenantId) {
    Optional<Customer> customer = partnerCenter.getCustomer(customerTenantId);
    if (customer.isEmpty() || !customer.get().isReseller()) {
      return new Check(Prerequisites.NO_RELATIONSHIP, customer, List.of());
    }
    List<String> blockers = blockers(partnerCenter.getSubscriptions(customerTenantId),
        partnerCenter.getEntitlements(customerTenantId), OffsetDateTime.now(ZoneOffset.UTC));
    return new Check(blockers.isEmpty() ? Prerequisites.MET : Prerequisites.BLOCKED, customer, blockers);
  }

  /**
   * Removes the relationship; a customer no longer related, or one Partner Center knows no relationship with
   * (404, code {@value #RELATIONSHIP_DOES_NOT_EXIST}), counts as removed.
   *
   * @param customerTenantId the customer
   * @return Partner Center's refusal (400) in words, empty when the relationship is gone
   * @throws PartnerCenterException on any other failure, for the engine to retry
   */
  Optional<String> remove(String customerTenantId) {
    if (!partnerCenter.getCustomer(customerTenantId).map(Customer::isReseller).orElse(false)) {
      return Optional.empty();
    }
    try {
      partnerCenter.removeResellerRelationship(customerTenantId);
      return Optional.empty();
    } catch (PartnerCenterException e) {
      if (e.getHttpStatus() == 404 || RELATIONSHIP_DOES_NOT_EXIST.equals(e.getErrorCode())) {
        return Optional.empty();
      }
      if (e.getHttpStatus() == 400) {
        return Optional.of("Partner Center refused the removal (code " + e.getErrorCode() + "): " + e.getMessage());
      }
      throw e;
    }
  }

  /**
   * What must be suspended or cancelled before the relationship can be removed (R17).
   *
   * @param subscriptions this partner's subscriptions of the customer
   * @param entitlements the customer's entitlements from this partner's orders
   * @param now the current time, for expiry dates
   * @return one line per blocker, empty when nothing blocks
   */
  static List<String> blockers(List<Subscription> subscriptions, List<Entitlement> entitlements, OffsetDateTime now) {
    List<String> blockers = new ArrayList<>();
    for (Subscription subscription : subscriptions) {
      if ("active".equalsIgnoreCase(subscription.status())) {
        blockers.add("Suspend subscription " + subscription.id() + " (" + name(subscription) + "): it is active");
      }
    }
    for (Entitlement entitlement : entitlements) {
      if (!entitlement.isCurrent(now)) {
        continue;
      }
      String order = entitlement.referenceOrder() == null ? "?" : entitlement.referenceOrder().id();
      if (entitlement.isReservation()) {
        blockers.add("Cancel the Azure reservation of order " + order + " (product " + entitlement.productId()
            + ") through Azure support");
      } else if (entitlement.isSoftware()) {
        blockers.add("Cancel the software purchase of order " + order + " (product " + entitlement.productId() + ")");
      }
    }
    return blockers;
  }

  private static String name(Subscription subscription) {
    return subscription.friendlyName() != null ? subscription.friendlyName()
        : subscription.offerName() != null ? subscription.offerName() : subscription.offerId();
  }

  /**
   * What ending the reseller relationship does not change (R18–R20), for the case and the requester's e-mail.
   *
   * @param associatedResellerId the indirect reseller the customer was associated with, or null
   * @return one sentence per item
   */
  static List<String> unchangedByRemoval(String associatedResellerId) {
    List<String> notes = new ArrayList<>();
    notes.add("GDAP relationships with the customer stay until they expire or the customer or we terminate them;"
        + " the customer may remove them in the Microsoft 365 admin center (R18-R20).");
    notes.add("Azure RBAC role assignments of our agents in the customer's Azure subscriptions stay until the customer"
        + " removes them (R20).");
    notes.add("Legacy DAP ends with the relationship (R18); DAP the customer granted to other partners is not changed.");
    if (associatedResellerId != null) {
      notes.add("The customer was associated with indirect reseller " + associatedResellerId + "; the reseller's own"
          + " delegated admin privileges and its partnership with us are not changed (R19).");
    }
    return notes;
  }
}
