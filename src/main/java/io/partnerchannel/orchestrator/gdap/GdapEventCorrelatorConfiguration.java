package io.partnerchannel.orchestrator.gdap;

import io.partnerchannel.orchestrator.events.EventCorrelator;
import io.partnerchannel.orchestrator.events.ProcessMessageCorrelation;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Partner Center events of a GDAP relationship's life after approval, each to the
 * {@code GdapRelationshipLifecycle} instance watching the relationship (partner-center-webhook-events).
 * {@code granular-admin-relationship-approved} is correlated in package {@code events} (invitation and
 * {@code GdapRelationshipRequest}).
 */
@Configuration(proxyBeanMethods = false)
class GdapEventCorrelatorConfiguration {

  @Bean
  EventCorrelator gdapRelationshipActivatedCorrelator(RuntimeService runtimeService) {
    return correlator(runtimeService, GdapMessages.EVENT_ACTIVATED, GdapMessages.RELATIONSHIP_ACTIVATED);
  }

  @Bean
  EventCorrelator gdapRelationshipExpiredCorrelator(RuntimeService runtimeService) {
    return correlator(runtimeService, GdapMessages.EVENT_EXPIRED, GdapMessages.RELATIONSHIP_EXPIRED);
  }

  @Bean
  EventCorrelator gdapRelationshipTerminatedCorrelator(RuntimeService runtimeService) {
    return correlator(runtimeService, GdapMessages.EVENT_TERMINATED, GdapMessages.RELATIONSHIP_TERMINATED);
  }

  private static EventCorrelator correlator(RuntimeService runtimeService, String eventName, String messageName) {
    return new GdapRelationshipEventCorrelator(eventName, messageName,
        new ProcessMessageCorrelation(runtimeService, GdapRelationshipLifecycleProcess.PROCESS_KEY));
  }
}
