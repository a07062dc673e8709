package io.partnerchannel.orchestrator.migration;

import io.partnerchannel.orchestrator.events.CorrelationResult;
import io.partnerchannel.orchestrator.events.EventCorrelator;
import io.partnerchannel.orchestrator.events.EventStatus;
import io.partnerchannel.orchestrator.events.InboxEvent;
import io.partnerchannel.orchestrator.events.ProcessMessageCorrelation;
import io.partnerchannel.orchestrator.events.ResourceUris;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * {@code subscription-updated} (A16; ResourceUri {@code /v1/customers/{customerId}/subscriptions/{subscriptionId}}):
 * a subscription changed at commerce level, for example because a transfer completed. Partner Center has no
 * transfer event, so this event is the nudge the waiting transfer steps use: {@code SubscriptionUpdated} is
 * correlated to the {@code AzurePartnerSwitch} and {@code LicenseSubscriptionTransition} instances with that
 * {@code subscriptionId}, which then read the transfer's status. The event may arrive up to 48 hours late;
 * the processes also read the status on a timer.
 */
@Component
public class SubscriptionUpdatedCorrelator implements EventCorrelator {

  /** The Partner Center event name. */
  public static final String EVENT_NAME = "subscription-updated";

  private static final Pattern SUBSCRIPTION_URI =
      Pattern.compile("/customers/([^/?#]+)/subscriptions/([^/?#]+)/?$", Pattern.CASE_INSENSITIVE);

  private final List<ProcessMessageCorrelation> correlations;

  /** @param runtimeService the engine's runtime service */
  public SubscriptionUpdatedCorrelator(RuntimeService runtimeService) {
    this.correlations = List.of(
        new ProcessMessageCorrelation(runtimeService, AzurePartnerSwitchProcess.PROCESS_KEY),
        new ProcessMessageCorrelation(runtimeService, LicenseSubscriptionTransitionProcess.PROCESS_KEY));
  }

  @Override
  public String eventName() {
    return EVENT_NAME;
  }

  @Override
  public CorrelationResult correlate(InboxEvent event) {
    Matcher matcher = SUBSCRIPTION_URI.matcher(ResourceUris.path(event.resourceUri()));
    if (!matcher.find()) {
      return CorrelationResult.ignored("ResourceUri " + event.resourceUri() + " names no subscription");
    }
    String subscriptionId = matcher.group(2);
    List<CorrelationResult> results = new ArrayList<>();
    for (ProcessMessageCorrelation correlation : correlations) {
      results.add(correlation.correlate(AzurePartnerSwitchProcess.MESSAGE_SUBSCRIPTION_UPDATED,
          MigrationVariables.SUBSCRIPTION_ID.getName(), subscriptionId, Map.of()));
    }
    return results.stream().filter(result -> result.status() == EventStatus.CORRELATED).findFirst()
        .or(() -> results.stream().filter(result -> result.status() == EventStatus.PENDING).findFirst())
        .orElse(CorrelationResult.ignored("no partner switch or license transition waits for subscription " + subscriptionId));
  }
}
