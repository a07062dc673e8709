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
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
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
 * {@code pco.bulk.max-start-attempts}.
 */
@Component
public class BulkStarter {

  private static final Logger log = LoggerFactory.getLogger(BulkStarter.class);

  private final BulkUploadRepository repository;
  private final InvitationInstances instances;
  private final ObjectMapper objectMapper;
  private final BulkProperties properties;
  private final TransactionTemplate ownTransaction;

  BulkStarter(BulkUploadRepository repository, InvitationInstances instances, ObjectMapper objectMapper,
      BulkProperties properties, PlatformTransactionManager transactionManager) {
    this.repository = repository;
    this.instances = instances;
    this.objectMapper = objectMapper;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * One run: starts up to {@code pco.bulk.starts-per-interval} queued rows.
   *
   * @return how many rows this run started
   */
  @Scheduled(fixedDelayString = "${pco.bulk.start-interval:PT1S}", initialDelayString = "${pco.bulk.start-interval:PT1S}")
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
    return started;
  }

  private boolean start(StoredRow row) {
    String requester = repository.findById(row.uploadId()).map(BulkUploadRepository.Upload::uploadedBy).orElse(null);
    try {
      return Boolean.TRUE.equals(ownTransaction.execute(status -> {
        if (!repository.claim(row.uploadId(), row.row())) {
          return false;
        }
        Map<String, Object> variables = request(row).toVariables();
        variables.put(InvitationVariables.REQUESTER, requester);
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
