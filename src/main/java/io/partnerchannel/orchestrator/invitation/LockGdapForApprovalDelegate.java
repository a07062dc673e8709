package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_RELATIONSHIP_ID;

import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationshipRequest.Action;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Lock GDAP relationship for approval": posts the {@code lockForApproval} request (G3), which moves the
 * relationship from {@code created} to {@code approvalPending}. Idempotent: a relationship that is no
 * longer {@code created} (already locked, approved or active) is left alone.
 */
@Component("lockGdapForApproval")
class LockGdapForApprovalDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(LockGdapForApprovalDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public LockGdapForApprovalDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String relationshipId = GDAP_RELATIONSHIP_ID.from(execution).getOrNull();
    DelegatedAdminRelationship relationship =
        partnerCenter
            .getDelegatedAdminRelationship(relationshipId)
            .orElseThrow(
                () -> new PartnerCenterException(404, null, "GDAP relationship " + relationshipId + " not found", null));
    if (!DelegatedAdminRelationship.STATUS_CREATED.equals(relationship.status())) {
      log.debug(
          "Invitation {}: GDAP relationship {} is already {}, not locked again",
          execution.getProcessInstanceId(), relationshipId, relationship.status());
      return;
    }
    partnerCenter.requestDelegatedAdminRelationshipAction(relationshipId, Action.lockForApproval);
    log.debug("Invitation {}: GDAP relationship {} locked for approval", execution.getProcessInstanceId(), relationshipId);
  }
}
