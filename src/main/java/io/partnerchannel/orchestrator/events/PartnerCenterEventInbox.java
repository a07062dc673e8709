package io.partnerchannel.orchestrator.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Partner Center event inbox: every event is stored first, in its own transaction, then correlated
 * to the waiting process instance by the {@link EventCorrelator} for its name. Events are never lost: an
 * event that arrives before its instance waits for the message, or while the engine or Partner Center
 * fails, stays {@link EventStatus#PENDING} and {@link #correlatePending()} tries it again every
 * {@code pco.events.retry-interval} (default {@code PT30S}) until it is correlated or, once no instance
 * could take it, ignored. A repeated delivery (same name, resource and change time, compared as parsed:
 * {@link EventDeliveryIdentity}) is acknowledged without a second row and without a second correlation.
 *
 * <p>The webhook is answered as soon as the event is stored: {@link #receive} hands the correlation to the
 * executor {@value EventCorrelatorConfiguration#EXECUTOR} ({@code pco.events.correlation.threads}, default 4);
 * when it is full, or the node stops first, the event stays pending for {@link #correlatePending()}. Every
 * path that correlates (the retry, a reconciliation) goes through {@link #correlate(String)}, which claims
 * the event first, so an event is correlated once.
 */
@Service
public class PartnerCenterEventInbox {

  private static final int BATCH_SIZE = 100;
  private static final Logger log = LoggerFactory.getLogger(PartnerCenterEventInbox.class);

  private final EventInboxRepository repository;
  private final Map<String, EventCorrelator> correlators;
  private final TransactionTemplate ownTransaction;
  private final Executor correlation;

  /**
   * An inbox that correlates each event in the receiving thread before answering.
   *
   * @param repository the inbox table
   * @param correlators one per event name; events of other names are ignored
   * @param transactionManager the application's (and engine's) transaction manager
   */
  public PartnerCenterEventInbox(
      EventInboxRepository repository, List<EventCorrelator> correlators, PlatformTransactionManager transactionManager) {
    this(repository, correlators, transactionManager, Runnable::run);
  }

  /**
   * @param repository the inbox table
   * @param correlators one per event name; events of other names are ignored
   * @param transactionManager the application's (and engine's) transaction manager
   * @param correlation where a received event is correlated ({@value EventCorrelatorConfiguration#EXECUTOR})
   */
  @Autowired
  public PartnerCenterEventInbox(EventInboxRepository repository, List<EventCorrelator> correlators,
      PlatformTransactionManager transactionManager, @Qualifier(EventCorrelatorConfiguration.EXECUTOR) Executor correlation) {
    this.correlation = correlation;
    this.repository = repository;
    this.correlators = correlators.stream().collect(Collectors.toMap(EventCorrelator::eventName, Function.identity()));
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * What the endpoint answers for a delivery.
   *
   * @param id the inbox id
   * @param status the event's status after this delivery
   * @param duplicate whether the event had been delivered before (then nothing was done)
   */
  public record Receipt(String id, EventStatus status, boolean duplicate) {}

  /**
   * Stores the event (committed before anything else happens), then tries to correlate it once.
   *
   * @param event a validated webhook body
   * @return the receipt; {@code duplicate} when this delivery was stored before
   * @throws io.partnerchannel.orchestrator.web.InvalidFieldsException when its URI or date cannot be read
   *     (nothing stored)
   */
  public Receipt receive(PartnerCenterEvent event) {
    String identity = EventDeliveryIdentity.of(event).key();
    InboxEvent stored = new InboxEvent(UUID.randomUUID().toString(), event.eventName().trim(),
        event.resourceUri() == null ? "" : event.resourceUri().trim(),
        event.resourceName(), event.auditUri(), event.resourceChangeUtcDate().trim(), now(), EventStatus.PENDING, 0, null, null);
    try {
      ownTransaction.executeWithoutResult(tx -> repository.insert(stored, identity));
    } catch (DuplicateKeyException e) {
      InboxEvent existing = repository
          .findDelivery(identity)
          .orElseThrow(() -> e);
      log.info("Partner Center event {} for {} at {} delivered again; already {} as {}", existing.eventName(),
          existing.resourceUri(), existing.resourceChangeUtcDate(), existing.status(), existing.id());
      return new Receipt(existing.id(), existing.status(), true);
    }
    log.debug("Received Partner Center event {} for {} at {} as {}", stored.eventName(), stored.resourceUri(),
        stored.resourceChangeUtcDate(), stored.id());
    // the stored event itself goes to the correlation, which claims it first: no read of what was just written
    AtomicReference<EventStatus> inline = new AtomicReference<>();
    try {
      correlation.execute(() -> inline.set(correlate(stored)));
    } catch (RejectedExecutionException e) {
      log.debug("Partner Center event {} waits for the retry: correlation is busy", stored.id());
    }
    // correlated before answering (pco.events.correlation.threads 0): its outcome; else pending when handed over
    EventStatus status = inline.get();
    return new Receipt(stored.id(), status == null ? EventStatus.PENDING : status, false);
  }

  /**
   * Tries every {@link EventStatus#PENDING} event again, oldest first (up to 100 per call); {@link EventInboxRetry}
   * calls it every {@code pco.events.retry-interval}.
   *
   * @return how many were correlated by this call
   */
  public int correlatePending() {
    int correlated = 0;
    for (String id : repository.findIdsByStatus(EventStatus.PENDING, BATCH_SIZE)) {
      if (correlate(id) == EventStatus.CORRELATED) {
        correlated++;
      }
    }
    return correlated;
  }

  /**
   * One correlation attempt: the message, the instance's progress up to its next wait state and the
   * event's new status commit together, or not at all.
   */
  EventStatus correlate(String id) {
    InboxEvent event = repository.findById(id).orElseThrow(() -> new IllegalArgumentException("No inbox event " + id));
    if (event.status() != EventStatus.PENDING) {
      return event.status();
    }
    return correlate(event);
  }

  /** {@link #correlate(String)} of an event read (or just stored) as pending; its claim decides who correlates it. */
  private EventStatus correlate(InboxEvent event) {
    String id = event.id();
    EventCorrelator correlator = correlators.get(event.eventName());
    CorrelationResult result;
    try {
      result = ownTransaction.execute(tx -> {
        if (!repository.claim(id)) {
          return null; // taken by a concurrent attempt
        }
        CorrelationResult outcome = correlator == null
            ? CorrelationResult.ignored("no process waits for Partner Center event " + event.eventName())
            : correlator.correlate(event);
        repository.complete(id, outcome, now());
        return outcome;
      });
    } catch (RuntimeException e) {
      repository.recordFailure(id, e.toString());
      log.warn("Correlating Partner Center event {} ({} {}) failed; it stays pending and is retried: {}",
          id, event.eventName(), event.resourceUri(), e.toString());
      return EventStatus.PENDING;
    }
    if (result == null) {
      return repository.findById(id).map(InboxEvent::status).orElse(EventStatus.PENDING);
    }
    switch (result.status()) {
      case CORRELATED -> log.debug("Partner Center event {} ({} {}): {}", id, event.eventName(), event.resourceUri(), result.detail());
      case PENDING -> log.debug("Partner Center event {} ({} {}) kept for retry: {}", id, event.eventName(), event.resourceUri(),
          result.detail());
      case IGNORED -> log.warn("Ignored Partner Center event {} ({} {}): {}", id, event.eventName(), event.resourceUri(),
          result.detail());
    }
    return result.status();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
