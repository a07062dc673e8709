package io.partnerchannel.orchestrator.invitation;

import io.partnerchannel.orchestrator.events.CorrelationResult;
import io.partnerchannel.orchestrator.events.EventCorrelator;
import io.partnerchannel.orchestrator.events.EventStatus;
import io.partnerchannel.orchestrator.events.InboxEvent;
import io.partnerchannel.orchestrator.events.ProcessMessageCorrelation;
import io.partnerchannel.orchestrator.events.ResourceUris;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code reseller-relationship-accepted-by-customer} and {@code indirect-reseller-relationship-accepted-by-customer}
 * (partner-center-webhook-events, partner-center-webhooks; ResourceUri
 * {@code https://api.partnercenter.microsoft.com/v1/customers/{customerTenantId}}, relative forms accepted,
 * ResourceName {@code Customer}): the customer's Global admin accepted the partner's reseller relationship
 * link, or an indirect provider's indirect reseller link. The link is per partner, not per customer (S3),
 * so the event names only the tenant: {@link InvitationMessages#INVITATION_ACCEPTED} is correlated to the
 * invitation whose {@code customerTenantId} (resolved from the typed domain when the invitation started,
 * Graph {@code findTenantInformationByDomainName}) is that tenant, whichever invitation process it runs in:
 * by business key to its "Track invitation" instance, which the call activity gives the tenant id as business
 * key, and only when none has it by the variable (an invitation that has not reached "Track invitation" yet:
 * pending; docs/invitation-tracking.md).
 * When no invitation of that tenant is open any more, the {@link LateAcceptances} are asked to record it.
 * One instance per event name is registered ({@link InvitationEventCorrelatorConfiguration}).
 */
public class ResellerRelationshipAcceptedCorrelator implements EventCorrelator {

  /** The Partner Center event of an accepted reseller relationship link. */
  public static final String EVENT_NAME = "reseller-relationship-accepted-by-customer";
  /** The Partner Center event of an accepted indirect reseller link (the provider owns the relationship). */
  public static final String INDIRECT_EVENT_NAME = "indirect-reseller-relationship-accepted-by-customer";

  private static final Pattern CUSTOMER_URI = Pattern.compile("/customers/([^/?#]+)/?$", Pattern.CASE_INSENSITIVE);

  private final String eventName;
  private final ProcessMessageCorrelation correlation;
  private final LateAcceptances lateAcceptances;

  /**
   * @param eventName {@value #EVENT_NAME} or {@value #INDIRECT_EVENT_NAME}
   * @param correlation targets the invitation processes
   * @param lateAcceptances records an acceptance no open invitation waits for
   */
  public ResellerRelationshipAcceptedCorrelator(
      String eventName, ProcessMessageCorrelation correlation, LateAcceptances lateAcceptances) {
    this.eventName = eventName;
    this.correlation = correlation;
    this.lateAcceptances = lateAcceptances;
  }

  @Override
  public String eventName() {
    return eventName;
  }

  @Override
  public CorrelationResult correlate(InboxEvent event) {
    if (event.resourceUri() == null) {
      return CorrelationResult.ignored("event names no customer (no ResourceUri)");
    }
    Matcher matcher = CUSTOMER_URI.matcher(ResourceUris.path(event.resourceUri()));
    if (!matcher.find()) {
      return CorrelationResult.ignored("ResourceUri " + event.resourceUri() + " names no customer");
    }
    String customerTenantId = matcher.group(1);
    CorrelationResult result = correlation.correlateByBusinessKey(InvitationMessages.INVITATION_ACCEPTED,
        customerTenantId, InvitationVariables.CUSTOMER_TENANT_ID.getName(), Map.of());
    if (result.status() != EventStatus.IGNORED) {
      return result;
    }
    return lateAcceptances.record(customerTenantId)
        .orElseGet(() -> CorrelationResult.ignored("event for unknown customer " + customerTenantId + ": " + result.detail()));
  }
}
