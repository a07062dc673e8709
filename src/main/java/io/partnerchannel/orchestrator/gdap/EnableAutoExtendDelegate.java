package io.partnerchannel.orchestrator.gdap;

import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Enable auto-extend": sets {@code autoExtendDuration} {@code P180D} on the watched relationship (Graph
 * delegatedadminrelationship-update; expiring-gdap-relationships-and-auto-extend-gdap: the relationship then extends
 * itself by six months at each end date). Only reached when the roles exclude Global Administrator (R30). Idempotent:
 * a relationship that already auto-extends is left alone.
 */
@Component("enableGdapAutoExtend")
class EnableAutoExtendDelegate implements JavaDelegate {

  /** The only auto-extension Graph offers: 180 days. */
  static final String AUTO_EXTEND_180_DAYS = "P180D";
  private static final Logger log = LoggerFactory.getLogger(EnableAutoExtendDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  EnableAutoExtendDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String relationshipId = GdapVariables.RELATIONSHIP_ID.from(execution).getOrNull();
    DelegatedAdminRelationship relationship = partnerCenter.getDelegatedAdminRelationship(relationshipId)
        .orElseThrow(() -> new PartnerCenterException(404, null, "GDAP relationship " + relationshipId + " not found", null));
    if (AUTO_EXTEND_180_DAYS.equals(relationship.autoExtendDuration())) {
      log.info("GDAP lifecycle {}: relationship {} already auto-extends", execution.getProcessInstanceId(), relationshipId);
      return;
    }
    partnerCenter.updateDelegatedAdminRelationshipAutoExtendDuration(relationshipId, AUTO_EXTEND_180_DAYS);
    log.info("GDAP lifecycle {}: relationship {} now auto-extends by {}", execution.getProcessInstanceId(),
        relationshipId, AUTO_EXTEND_180_DAYS);
  }
}
