package io.partnerchannel.orchestrator.routing;

import static io.partnerchannel.orchestrator.routing.OnboardingVariables.CHANNEL_TRANSITIONS;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.CUSTOMER_RELATED;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.routing.OnboardingVariables.RELATIONSHIP_NEEDED;

import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Look up customer": reads whether the customer is already our reseller customer ({@code customerRelated})
 * and whether any decided route needs that relationship ({@code relationshipNeeded}: the decision's output
 * {@code needsRelationship}, R2-R5b, R24). When the relationship is needed, it prefills "Confirm customer contact" with
 * what Microsoft Graph tells about the tenant (company name, default domain) and asks for no admin access
 * with the relationship (GDAP is requested separately, R8).
 */
@Component("lookUpOnboardingCustomer")
class LookUpOnboardingCustomerDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(LookUpOnboardingCustomerDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public LookUpOnboardingCustomerDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = CUSTOMER_TENANT_ID.from(execution).get();
    boolean related = partnerCenter.getCustomer(customerTenantId).map(Customer::isReseller).orElse(false);
    boolean routeNeedsIt = OnboardingVariables.channelTransitions(CHANNEL_TRANSITIONS.from(execution)).values().stream()
        .anyMatch(OnboardingVariables::needsRelationship);
    boolean needed = !related && routeNeedsIt;
    CUSTOMER_RELATED.on(execution).set(related);
    RELATIONSHIP_NEEDED.on(execution).set(needed);
    if (needed) {
      CustomerContactPrefill.prefill(execution, partnerCenter, customerTenantId);
    }
    log.info("Onboarding {}: customer {} related {}, relationship needed {}",
        execution.getProcessInstanceId(), customerTenantId, related, needed);
  }
}
