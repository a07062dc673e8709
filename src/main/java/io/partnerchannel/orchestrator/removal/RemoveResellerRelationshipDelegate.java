package io.partnerchannel.orchestrator.removal;

import java.util.Date;
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

  private static final Logger log = LoggerFactory.getLogger(RemoveResellerRelationshipDelegate.class);

  private final RelationshipRemovals removals;

  RemoveResellerRelationshipDelegate(RelationshipRemovals removals) {
    this.removals = removals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<String> refusal = removals.remove(RemovalVariables.CUSTOMER_TENANT_ID.from(execution).get());
    if (refusal.isPresent()) {
      RemovalVariables.REMOVAL_REFUSAL.on(execution).set(refusal.get());
      RemovalVariables.REMOVAL_BLOCKERS.on(execution).set(refusal.get());
      log.info("Relationship removal {} refused: {}", execution.getProcessInstanceId(), refusal.get());
      throw new BpmnError(ResellerRelationshipRemovalProcess.ERROR_REMOVAL_REFUSED, refusal.get());
    }
    RemovalVariables.REMOVAL_STATUS.on(execution).set(RemovalVariables.RemovalStatus.REMOVED.name());
    RemovalVariables.REMOVED_AT.on(execution).set(new Date());
    RemovalVariables.UNCHANGED_BY_REMOVAL.on(execution).set(String.join("\n",
        RelationshipRemovals.unchangedByRemoval(RemovalVariables.ASSOCIATED_RESELLER_ID.from(execution).getOrNull())));
  }
}
