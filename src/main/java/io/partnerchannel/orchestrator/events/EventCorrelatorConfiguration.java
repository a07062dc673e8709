package io.partnerchannel.orchestrator.events;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;

import io.partnerchannel.orchestrator.invitation.CustomerInvitationProcess;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event correlators, one per Partner Center event name. A customer's acceptance, of the reseller link
 * or of an indirect provider's indirect reseller link, goes to whichever {@link CustomerInvitationProcess}
 * holds the open invitation of that customer; GDAP approval goes to {@code ResellerRelationshipInvitation}.
 */
@Configuration(proxyBeanMethods = false)
class EventCorrelatorConfiguration {

  @Bean
  ResellerRelationshipAcceptedCorrelator resellerRelationshipAcceptedCorrelator(
      PartnerCenter partnerCenter, RuntimeService runtimeService, List<CustomerInvitationProcess> invitations) {
    return new ResellerRelationshipAcceptedCorrelator(ResellerRelationshipAcceptedCorrelator.EVENT_NAME,
        partnerCenter, invitationCorrelation(runtimeService, invitations));
  }

  @Bean
  ResellerRelationshipAcceptedCorrelator indirectResellerRelationshipAcceptedCorrelator(
      PartnerCenter partnerCenter, RuntimeService runtimeService, List<CustomerInvitationProcess> invitations) {
    return new ResellerRelationshipAcceptedCorrelator(ResellerRelationshipAcceptedCorrelator.INDIRECT_EVENT_NAME,
        partnerCenter, invitationCorrelation(runtimeService, invitations));
  }

  @Bean
  GdapRelationshipApprovedCorrelator gdapRelationshipApprovedCorrelator(RuntimeService runtimeService) {
    return new GdapRelationshipApprovedCorrelator(new ProcessMessageCorrelation(runtimeService, PROCESS_KEY));
  }

  private static ProcessMessageCorrelation invitationCorrelation(
      RuntimeService runtimeService, List<CustomerInvitationProcess> invitations) {
    return new ProcessMessageCorrelation(runtimeService,
        invitations.stream().map(CustomerInvitationProcess::processDefinitionKey).distinct().toArray(String[]::new));
  }
}
