package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.ASSOCIATED_PARTNER_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_DOMAIN;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.DELEGATED_ACCESS_GRANTED;

import io.partnerchannel.orchestrator.forms.VariableUpdates;
import io.partnerchannel.orchestrator.partnercenter.Customer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Record reseller relationship": confirms in Partner Center that the customer now has
 * {@code relationshipToPartner=reseller} with us and records what it granted ({@code customerTenantId},
 * {@code delegatedAccessGranted}) and, in the indirect model, the customer's associated indirect reseller
 * ({@code associatedPartnerId}, R15; null for a direct customer). Multi-partner (R7): it only reads; the
 * customer's relationships with other partners and their subscriptions are never touched (the port offers
 * no such operation). While Partner Center does not show the relationship yet, it fails and the job is
 * retried. Shared by both invitation processes.
 */
@Component("recordRelationship")
class RecordRelationshipDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(RecordRelationshipDelegate.class);

  private final ResellerCustomerRecord customers;

  RecordRelationshipDelegate(ResellerCustomerRecord customers) {
    this.customers = customers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String domain = CUSTOMER_DOMAIN.from(execution).getOrNull();
    String tenantId = CUSTOMER_TENANT_ID.from(execution).getOptional().orElseThrow(() -> new IllegalStateException(
        "No customerTenantId: the customer's tenant is resolved before the invitation is sent"));
    Customer customer = customers.of(tenantId, domain);
    VariableUpdates.setChanged(execution, CUSTOMER_TENANT_ID.getName(), customer.id());
    DELEGATED_ACCESS_GRANTED.on(execution).set(Boolean.TRUE.equals(customer.allowDelegatedAccess()));
    ASSOCIATED_PARTNER_ID.on(execution).set(customer.associatedPartnerId());
    log.debug("Invitation {}: reseller relationship with {} ({}) recorded, delegated access {}, associated partner {}",
        execution.getProcessInstanceId(), domain, customer.id(), customer.allowDelegatedAccess(),
        customer.associatedPartnerId());
  }
}
