package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;

import io.partnerchannel.orchestrator.events.EventMessages;
import io.partnerchannel.orchestrator.events.ProcessMessageCorrelation;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The invitation's event correlators (partner-center-webhook-events). A customer's acceptance, of the reseller
 * link or of an indirect provider's indirect reseller link, goes to the "Track invitation" instance
 * ({@link TrackInvitationProcess}) of whichever {@link CustomerInvitationProcess} holds the open invitation of that
 * customer, found by its business key, the {@code customerTenantId} the invitation gives it (indexed;
 * docs/invitation-tracking.md); an invitation that has not reached "Track invitation" yet, found by that variable
 * only when no instance has the key, keeps the event pending. GDAP approval goes to
 * {@code ResellerRelationshipInvitation} and to {@code GdapRelationshipRequest} (a re-request of the GDAP
 * lifecycle, a GDAP offer). The GDAP lifecycle's own events are correlated in package {@code gdap}.
 */
@Configuration(proxyBeanMethods = false)
class InvitationEventCorrelatorConfiguration {

  /** Process id of {@code bpmn/GdapRelationshipRequest.bpmn}, which waits for GDAP approval as the invitation does. */
  private static final String GDAP_RELATIONSHIP_REQUEST = "GdapRelationshipRequest";

  /** @return the messages of the invitation's Partner Center events, refused to users by the engine */
  @Bean
  EventMessages invitationEventMessages() {
    return new EventMessages(Set.of(InvitationMessages.INVITATION_ACCEPTED, InvitationMessages.GDAP_RELATIONSHIP_APPROVED));
  }

  @Bean
  LateAcceptances lateAcceptances(
      RuntimeService runtimeService, HistoryService historyService, List<CustomerInvitationProcess> invitations) {
    return new LateAcceptances(runtimeService, historyService, keys(invitations));
  }

  @Bean
  ResellerRelationshipAcceptedCorrelator resellerRelationshipAcceptedCorrelator(
      RuntimeService runtimeService, List<CustomerInvitationProcess> invitations, LateAcceptances lateAcceptances) {
    return new ResellerRelationshipAcceptedCorrelator(ResellerRelationshipAcceptedCorrelator.EVENT_NAME,
        invitationCorrelation(runtimeService, invitations), lateAcceptances);
  }

  @Bean
  ResellerRelationshipAcceptedCorrelator indirectResellerRelationshipAcceptedCorrelator(
      RuntimeService runtimeService, List<CustomerInvitationProcess> invitations, LateAcceptances lateAcceptances) {
    return new ResellerRelationshipAcceptedCorrelator(ResellerRelationshipAcceptedCorrelator.INDIRECT_EVENT_NAME,
        invitationCorrelation(runtimeService, invitations), lateAcceptances);
  }

  @Bean
  GdapRelationshipApprovedCorrelator gdapRelationshipApprovedCorrelator(RuntimeService runtimeService) {
    return new GdapRelationshipApprovedCorrelator(
        new ProcessMessageCorrelation(runtimeService, PROCESS_KEY, GDAP_RELATIONSHIP_REQUEST));
  }

  /**
   * The invitations and their "Track invitation" instances: both hold the tenant (the latter also as business key),
   * only the latter waits for the acceptance, so an invitation still sending its e-mail is found and the event kept
   * pending.
   */
  private static ProcessMessageCorrelation invitationCorrelation(
      RuntimeService runtimeService, List<CustomerInvitationProcess> invitations) {
    return new ProcessMessageCorrelation(runtimeService,
        Stream.concat(keys(invitations).stream(), Stream.of(TrackInvitationProcess.PROCESS_KEY)).toArray(String[]::new));
  }

  private static List<String> keys(List<CustomerInvitationProcess> invitations) {
    return invitations.stream().map(CustomerInvitationProcess::processDefinitionKey).distinct().toList();
  }
}
