package io.partnerchannel.orchestrator.events;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event correlators of the reseller relationship invitation, one per Partner Center event name. */
@Configuration(proxyBeanMethods = false)
class EventCorrelatorConfiguration {

  /** Process id of {@code bpmn/ResellerRelationshipInvitation.bpmn}. */
  static final String INVITATION_PROCESS = "ResellerRelationshipInvitation";

  @Bean
  ResellerRelationshipAcceptedCorrelator resellerRelationshipAcceptedCorrelator(
      PartnerCenter partnerCenter, RuntimeService runtimeService) {
    return new ResellerRelationshipAcceptedCorrelator(
        partnerCenter, new ProcessMessageCorrelation(runtimeService, INVITATION_PROCESS));
  }

  @Bean
  GdapRelationshipApprovedCorrelator gdapRelationshipApprovedCorrelator(RuntimeService runtimeService) {
    return new GdapRelationshipApprovedCorrelator(new ProcessMessageCorrelation(runtimeService, INVITATION_PROCESS));
  }
}
