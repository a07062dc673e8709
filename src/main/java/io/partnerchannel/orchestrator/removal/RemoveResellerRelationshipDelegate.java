package io.partnerchannel.orchestrator.removal;

import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Remove reseller relationship" (remove-a-reseller-relationship-with-a-customer: {@code PATCH /v1/customers/{id}} with
 * {@code relationshipToPartner: none}). Idempotent: the customer is read first, and a customer no longer in the list
 * or no longer a reseller customer counts as removed (an earlier attempt got through), as does Partner Center's 404 or
 * error code 3000 ("the relationship between the partner and customer does not exist"). A 400 (e.g. code 600006,
 * active subscriptions or reservations, R17) throws the BPMN error {@value ResellerRelationshipRemovalProcess#ERROR_REMOVAL_REFUSED}
 * with Partner Center's description in {@code removalRefusal} and {@code removalBlockers}; other failures are thrown
 * for the engine to retry. On success sets {@code removalStatus REMOVED}, {@code removedAt} and
 * {@code unchangedByRemoval}: what the removal does not change (R18–R20).
 */
@Component("removeResellerRelationship")
class RemoveResellerRelationshipDelegate implements JavaDelegate {

  /** Partner Center's error code when no relationship exists (Partner-Center-PowerShell #51). */
  static final String RELATIONSHIP_DOES_NOT_EXIST = "3000";

  private static final Logger log = LoggerFactory.getLogger(RemoveResellerRelationshipDelegate.class);

  private final PartnerCenter partnerCenter;

  RemoveResellerRelationshipDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = RemovalVariables.CUSTOMER_TENANT_ID.from(execution).getOrNull();
    Optional<Customer> customer = partnerCenter.getCustomer(customerTenantId);
    if (customer.isPresent() && customer.get().isReseller()) {
      try {
        partnerCenter.removeResellerRelationship(customerTenantId);
      } catch (PartnerCenterException e) {
        if (e.getHttpStatus() == 404 || RELATIONSHIP_DOES_NOT_EXIST.equals(e.getErrorCode())) {
          log.info("Relationship removal {}: Partner Center knows no relationship with {} any more",
              execution.getProcessInstanceId(), customerTenantId);
        } else if (e.getHttpStatus() == 400) {
          String refusal = "Partner Center refused the removal (code " + e.getErrorCode() + "): " + e.getMessage();
          RemovalVariables.REMOVAL_REFUSAL.on(execution).set(refusal);
          RemovalVariables.REMOVAL_BLOCKERS.on(execution).set(refusal);
          log.info("Relationship removal {} refused: {}", execution.getProcessInstanceId(), refusal);
          throw new BpmnError(ResellerRelationshipRemovalProcess.ERROR_REMOVAL_REFUSED, refusal);
        } else {
          throw e;
        }
      }
    } else {
      log.info("Relationship removal {}: {} is no reseller customer any more; counted as removed",
          execution.getProcessInstanceId(), customerTenantId);
    }
    RemovalVariables.REMOVAL_STATUS.on(execution).set(RemovalVariables.RemovalStatus.REMOVED.name());
    RemovalVariables.REMOVED_AT.on(execution).set(new Date());
    RemovalVariables.UNCHANGED_BY_REMOVAL.on(execution).set(
        String.join("\n", unchangedByRemoval(RemovalVariables.ASSOCIATED_RESELLER_ID.from(execution).getOrNull())));
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
