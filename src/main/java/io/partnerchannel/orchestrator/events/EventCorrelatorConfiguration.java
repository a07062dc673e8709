package io.partnerchannel.orchestrator.events;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event correlators of {@code ResellerRelationshipInvitation}, one per Partner Center event name. */
@Configuration(proxyBeanMethods = false)
class EventCorrelatorConfiguration {

  @Bean
  ResellerRelationshipAcceptedCorrelator resellerRelationshipAcceptedCorrelator(
      PartnerCenter partnerCenter, RuntimeService runtimeService) {
    return new ResellerRelationshipAcceptedCorrelator(
        partnerCenter, new ProcessMessageCorrelation(runtimeService, PROCESS_KEY));
  }

  @Bean
  GdapRelationshipApprovedCorrelator gdapRelationshipApprovedCorrelator(RuntimeService runtimeService) {
    return new GdapRelationshipApprovedCorrelator(new ProcessMessageCorrelation(runtimeService, PROCESS_KEY));
  }
}
