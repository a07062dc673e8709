package io.partnerchannel.orchestrator.events;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;

import io.partnerchannel.orchestrator.invitation.CustomerInvitationProcess;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The event correlators, one per Partner Center event name. A customer's acceptance, of the reseller link
 * or of an indirect provider's indirect reseller link, goes to whichever {@link CustomerInvitationProcess}
 * holds the open invitation of that customer; GDAP approval goes to {@code ResellerRelationshipInvitation} and to
 * {@code GdapRelationshipRequest} (a re-request of the GDAP lifecycle, a GDAP offer). The GDAP lifecycle's own
 * events are correlated in package {@code gdap}.
 */
@Configuration(proxyBeanMethods = false)
class EventCorrelatorConfiguration {

  /** Process id of {@code bpmn/GdapRelationshipRequest.bpmn}, which waits for GDAP approval as the invitation does. */
  private static final String GDAP_RELATIONSHIP_REQUEST = "GdapRelationshipRequest";

  /** Name of the executor received events are correlated on. */
  static final String EXECUTOR = "eventCorrelationExecutor";

  /**
   * @param properties {@code pco.events.correlation.*}
   * @return where received events are correlated: {@code threads} threads and a queue of {@code queue} events
   *     (a full queue leaves the event to the retry); {@code threads = 0}: in the receiving thread, before the
   *     webhook is answered
   */
  @Bean(name = EXECUTOR)
  Executor eventCorrelationExecutor(EventCorrelationProperties properties) {
    if (properties.threads() == 0) {
      return new SyncTaskExecutor();
    }
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(properties.threads());
    executor.setMaxPoolSize(properties.threads());
    executor.setQueueCapacity(properties.queue());
    executor.setThreadNamePrefix("event-correlation-");
    executor.setRejectedExecutionHandler(new ThreadPoolExecutor.AbortPolicy());
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(10);
    executor.initialize();
    return executor;
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

  private static ProcessMessageCorrelation invitationCorrelation(
      RuntimeService runtimeService, List<CustomerInvitationProcess> invitations) {
    return new ProcessMessageCorrelation(runtimeService, keys(invitations).toArray(String[]::new));
  }

  private static List<String> keys(List<CustomerInvitationProcess> invitations) {
    return invitations.stream().map(CustomerInvitationProcess::processDefinitionKey).distinct().toList();
  }
}
