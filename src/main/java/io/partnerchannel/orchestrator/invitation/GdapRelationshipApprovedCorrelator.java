package io.partnerchannel.orchestrator.invitation;

import io.partnerchannel.orchestrator.events.CorrelationResult;
import io.partnerchannel.orchestrator.events.EventCorrelator;
import io.partnerchannel.orchestrator.events.EventStatus;
import io.partnerchannel.orchestrator.events.InboxEvent;
import io.partnerchannel.orchestrator.events.ProcessMessageCorrelation;
import io.partnerchannel.orchestrator.events.ResourceUris;
import java.util.Map;

/**
 * {@code granular-admin-relationship-approved} (partner-center-webhook-events; ResourceUri
 * {@code https://partner.microsoft.com/granularAdminRelationships/{relationshipId}}, relative forms accepted,
 * ResourceName {@code GranularAdminRelationship}):
 * the customer's Global admin approved a GDAP relationship. Correlates
 * {@link InvitationMessages#GDAP_RELATIONSHIP_APPROVED} to the invitation with that {@code gdapRelationshipId}.
 */
public class GdapRelationshipApprovedCorrelator implements EventCorrelator {

  /** The Partner Center event name. */
  public static final String EVENT_NAME = "granular-admin-relationship-approved";

  private final ProcessMessageCorrelation correlation;

  /** @param correlation targets the invitation process */
  public GdapRelationshipApprovedCorrelator(ProcessMessageCorrelation correlation) {
    this.correlation = correlation;
  }

  @Override
  public String eventName() {
    return EVENT_NAME;
  }

  @Override
  public CorrelationResult correlate(InboxEvent event) {
    String relationshipId = ResourceUris.gdapRelationshipId(event.resourceUri()).orElse(null);
    if (relationshipId == null) {
      return CorrelationResult.ignored("ResourceUri " + event.resourceUri() + " names no GDAP relationship");
    }
    CorrelationResult result = correlation.correlate(InvitationMessages.GDAP_RELATIONSHIP_APPROVED,
        InvitationVariables.GDAP_RELATIONSHIP_ID.getName(), relationshipId, Map.of());
    return result.status() == EventStatus.IGNORED
        ? CorrelationResult.ignored("event for unknown GDAP relationship " + relationshipId + ": " + result.detail())
        : result;
  }
}
