package io.partnerchannel.orchestrator.gdap;

import io.partnerchannel.orchestrator.events.CorrelationResult;
import io.partnerchannel.orchestrator.events.EventCorrelator;
import io.partnerchannel.orchestrator.events.EventStatus;
import io.partnerchannel.orchestrator.events.InboxEvent;
import io.partnerchannel.orchestrator.events.ProcessMessageCorrelation;
import io.partnerchannel.orchestrator.events.ResourceUris;
import java.util.Map;

/**
 * A GDAP relationship event of Partner Center ({@code granular-admin-relationship-activated}, {@code -expired},
 * {@code -terminated}; partner-center-webhook-events, ResourceUri
 * {@code https://partner.microsoft.com/granularAdminRelationships/{relationshipId}}, relative forms accepted)
 * turned into the lifecycle's BPMN message for the {@code GdapRelationshipLifecycle} instance watching that
 * relationship. An event for a relationship no lifecycle watches is ignored (reconciliation finds those).
 */
class GdapRelationshipEventCorrelator implements EventCorrelator {

  private final String eventName;
  private final String messageName;
  private final ProcessMessageCorrelation correlation;

  /**
   * @param eventName the Partner Center event name
   * @param messageName the BPMN message it raises
   * @param correlation targets {@code GdapRelationshipLifecycle}
   */
  GdapRelationshipEventCorrelator(String eventName, String messageName, ProcessMessageCorrelation correlation) {
    this.eventName = eventName;
    this.messageName = messageName;
    this.correlation = correlation;
  }

  @Override
  public String eventName() {
    return eventName;
  }

  @Override
  public CorrelationResult correlate(InboxEvent event) {
    String relationshipId = ResourceUris.gdapRelationshipId(event.resourceUri()).orElse(null);
    if (relationshipId == null) {
      return CorrelationResult.ignored("ResourceUri " + event.resourceUri() + " names no GDAP relationship");
    }
    CorrelationResult result = correlation.correlate(messageName, GdapVariables.RELATIONSHIP_ID.getName(), relationshipId, Map.of());
    return result.status() == EventStatus.IGNORED
        ? CorrelationResult.ignored("no lifecycle watches GDAP relationship " + relationshipId + ": " + result.detail())
        : result;
  }
}
