package io.partnerchannel.orchestrator.routing;

import static io.partnerchannel.orchestrator.routing.OnboardingVariables.CUSTOMER_RELATED;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.CUSTOMER_TENANT_ID;

import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Check reseller relationship": after the invitation ended, reads in Partner Center whether the customer
 * now has {@code relationshipToPartner=reseller} with us ({@code GET /v1/customers/{id}}) into
 * {@code customerRelated}. An invitation that was refused, expired or withdrawn leaves it false.
 */
@Component("checkResellerRelationship")
class CheckResellerRelationshipDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(CheckResellerRelationshipDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public CheckResellerRelationshipDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = CUSTOMER_TENANT_ID.from(execution).get();
    boolean related = partnerCenter.getCustomer(customerTenantId).map(Customer::isReseller).orElse(false);
    CUSTOMER_RELATED.on(execution).set(related);
    log.info("Process {}: customer {} in a reseller relationship: {}", execution.getProcessInstanceId(),
        customerTenantId, related);
  }
}
