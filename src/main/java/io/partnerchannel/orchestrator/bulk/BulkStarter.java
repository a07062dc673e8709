package io.partnerchannel.orchestrator.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerchannel.orchestrator.bulk.BulkUploadRepository.StoredRow;
import io.partnerchannel.orchestrator.invitation.InvitationRequest;
import io.partnerchannel.orchestrator.invitation.InvitationInstances;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.web.ResourceConflictException;
import io.partnerchannel.orchestrator.invitation.InvitationStatus;
import io.partnerchannel.orchestrator.routing.OnboardingRequest;
import io.partnerchannel.orchestrator.routing.OnboardingService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the queued rows of bulk uploads at a bounded rate: every {@code pco.bulk.start-interval} (default 1 s)
 * at most {@code pco.bulk.starts-per-interval} rows (default 10), oldest upload first, each as its own
 * {@code ResellerRelationshipInvitation} through {@link InvitationInstances#start} (the single start's path:
 * the same variables, open-invitation check and start listener; the uploader as requester). A row is claimed (QUEUED → STARTED) in the transaction that starts its instance, so it
 * starts once even with several nodes, and a row not started before a restart is started after it. A start the
 * application refuses (an invitation for the domain opened meanwhile, a request the start listener refuses) marks
 * the row FAILED with the reason; any other failure leaves it queued for the next run, up to
 * {@code pco.bulk.max-start-attempts}. A row that names subscriptions gets its "Onboard customer subscriptions"
 * ({@code CustomerSubscriptionOnboarding}, through {@link OnboardingService#start}) once its invitation ended with
 * the relationship in place, within the same rate.
 */
@Component
class BulkStarter implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(BulkStarter.class);
  /** End events of an invitation after which the customer is ours. */
  private static final Set<String> RELATIONSHIP_IN_PLACE = Set.of(
      ResellerRelationshipInvitationProcess.END_EVENT_RELATIONSHIP_ESTABLISHED,
      ResellerRelationshipInvitationProcess.END_EVENT_ALREADY_RELATED);

  private final BulkUploadRepository repository;
  private final InvitationInstances instances;
  private final ObjectMapper objectMapper;
  private final BulkProperties properties;
  private final TransactionTemplate ownTransaction;
  private final HistoryService historyService;
  private final OnboardingService onboardings;

  BulkStarter(BulkUploadRepository repository, InvitationInstances instances, ObjectMapper objectMapper,
      BulkProperties properties, PlatformTransactionManager transactionManager, HistoryService historyService,
      OnboardingService onboardings) {
    this.repository = repository;
    this.instances = instances;
    this.objectMapper = objectMapper;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.historyService = historyService;
    this.onboardings = onboardings;
  }

  /** Schedules {@link #startQueued} (every {@code pco.bulk.start-interval}) when scheduling is on. */
  @Override
  public void configureTasks(ScheduledTaskRegistrar tasks) {
    tasks.addFixedDelayTask(new FixedDelayTask(this::startQueued, properties.startInterval(), properties.startInterval()));
  }

  /**
   * One run: starts up to {@code pco.bulk.starts-per-interval} queued rows.
   *
   * @return how many rows this run started
   */
  public int startQueued() {
    List<StoredRow> queued = repository.queued(properties.startsPerInterval());
    int started = 0;
    for (StoredRow row : queued) {
      if (start(row)) {
        started++;
      }
    }
    if (started > 0) {
      log.info("Bulk onboarding: started {} of {} queued rows taken this run", started, queued.size());
    }
    return started + startOnboardings(properties.startsPerInterval() - queued.size());
  }

  /**
   * Starts "Onboard customer subscriptions" for rows whose invitation ended with the relationship in place
   * ({@code ESTABLISHED}, or the customer already was ours), with the tenant id the invitation resolved; a row whose
   * invitation ended otherwise gets no onboarding (its {@code onboardingFailure} says why).
   *
   * @param budget the most onboardings started by this run
   * @return how many were started
   */
  private int startOnboardings(int budget) {
    List<StoredRow> awaiting = repository.awaitingOnboarding();
    if (awaiting.isEmpty() || budget <= 0) {
      return 0;
    }
    Map<String, HistoricProcessInstance> ended = historyService.createHistoricProcessInstanceQuery()
        .processInstanceIds(awaiting.stream().map(StoredRow::processInstanceId).collect(Collectors.toSet()))
        .finished().list().stream()
        .collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
    int started = 0;
    for (StoredRow row : awaiting) {
      HistoricProcessInstance invitation = ended.get(row.processInstanceId());
      if (invitation == null) {
        continue;
      }
      if (!RELATIONSHIP_IN_PLACE.contains(invitation.getEndActivityId())) {
        ownTransaction.executeWithoutResult(status -> repository.onboardingFailed(row.uploadId(), row.row(),
            "The reseller relationship was not established (" + InvitationStatus.ofEnded(invitation.getEndActivityId())
                + "); no subscriptions are onboarded"));
        continue;
      }
      if (started == budget) {
        break;
      }
      if (startOnboarding(row)) {
        started++;
      }
    }
    return started;
  }

  private boolean startOnboarding(StoredRow row) {
    Object tenantId = instances.variables(row.processInstanceId(), InvitationVariables.CUSTOMER_TENANT_ID.getName())
        .get(InvitationVariables.CUSTOMER_TENANT_ID.getName());
    String requester = repository.findById(row.uploadId()).map(BulkUploadRepository.Upload::uploadedBy).orElse(null);
    try {
      OnboardingRequest stored = objectMapper.readValue(row.onboardingJson(), OnboardingRequest.class);
      OnboardingRequest request = new OnboardingRequest(tenantId instanceof String tenant ? tenant : null,
          stored.cloud(), stored.ruleSet(), stored.subscriptions());
      return Boolean.TRUE.equals(ownTransaction.execute(status -> {
        String id = onboardings.start(request, requester).id();
        if (!repository.onboardingStarted(row.uploadId(), row.row(), id)) {
          status.setRollbackOnly(); // another node started it
          return false;
        }
        return true;
      }));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored bulk row " + row.uploadId() + "/" + row.row() + " unreadable", e);
    } catch (InvalidFieldsException refused) {
      ownTransaction.executeWithoutResult(status ->
          repository.onboardingFailed(row.uploadId(), row.row(), String.valueOf(refused.getBody().getDetail())));
      return false;
    }
  }

  private boolean start(StoredRow row) {
    String requester = repository.findById(row.uploadId()).map(BulkUploadRepository.Upload::uploadedBy).orElse(null);
    try {
      return Boolean.TRUE.equals(ownTransaction.execute(status -> {
        if (!repository.claim(row.uploadId(), row.row())) {
          return false;
        }
        Map<String, Object> variables = request(row).toVariables();
        variables.put(InvitationVariables.REQUESTER.getName(), requester);
        repository.started(row.uploadId(), row.row(), instances.start(ResellerRelationshipInvitationProcess.PROCESS_KEY, variables));
        return true;
      }));
    } catch (ResourceConflictException | InvalidFieldsException refused) {
      fail(row, refused.getBody().getDetail(), true);
    } catch (RuntimeException e) {
      boolean last = row.attempts() + 1 >= properties.maxStartAttempts();
      fail(row, e.toString(), last);
      log.warn("Bulk row {}/{} ({}) could not be started{}: {}", row.uploadId(), row.row(), row.customerDomain(),
          last ? "; it failed" : "; it is tried again", e.toString());
    }
    return false;
  }

  private void fail(StoredRow row, String failure, boolean last) {
    ownTransaction.executeWithoutResult(status ->
        repository.failed(row.uploadId(), row.row(), failure == null ? "refused" : failure, last));
  }

  private InvitationRequest request(StoredRow row) {
    try {
      return objectMapper.readValue(row.requestJson(), InvitationRequest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored bulk row " + row.uploadId() + "/" + row.row() + " unreadable", e);
    }
  }
}
