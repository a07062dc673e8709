package io.partnerchannel.orchestrator.invitation;

import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import org.springframework.stereotype.Component;

/**
 * The customer as Partner Center records it once the reseller relationship is accepted
 * ({@code GET /v1/customers/{tenantId}}): until Partner Center shows the tenant as a reseller customer the read
 * fails as a 404, so the engine retries it.
 */
@Component
class ResellerCustomerRecord {

  private final PartnerCenter partnerCenter;

  ResellerCustomerRecord(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  /**
   * @param tenantId the customer's tenant id
   * @param domain the customer's domain, for the message
   * @return the customer, a reseller customer of ours
   * @throws PartnerCenterException 404 while Partner Center does not show it as a reseller customer (retried), or
   *     what the read failed with
   */
  Customer of(String tenantId, String domain) {
    return partnerCenter.getCustomer(tenantId)
        .filter(Customer::isReseller)
        .orElseThrow(() -> new PartnerCenterException(404, null,
            "Partner Center does not show " + domain + " as a reseller customer yet; retrying until it does", null));
  }
}
