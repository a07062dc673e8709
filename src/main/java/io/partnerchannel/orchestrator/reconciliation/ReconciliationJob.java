package io.partnerchannel.orchestrator.reconciliation;

import java.util.Optional;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link Reconciler} every {@code pco.reconciliation.interval} (default one hour, first
 * {@code pco.reconciliation.initial-delay} after start) on whichever node takes the cluster lock
 * {@value #LOCK_NAME} first: ShedLock's JDBC provider on the application's database (table {@code pco_shedlock}),
 * held for at least {@code lock-at-least-for} and at most {@code lock-at-most-for}. Nodes whose schedule comes due
 * while another holds the lock skip that run, so several nodes reconcile once, not once each.
 */
@Component
class ReconciliationJob implements SchedulingConfigurer {

  /** The name of the cluster lock. */
  public static final String LOCK_NAME = "pco-reconciliation";

  private static final Logger log = LoggerFactory.getLogger(ReconciliationJob.class);

  private final Reconciler reconciler;
  private final LockingTaskExecutor executor;
  private final ReconciliationProperties properties;

  ReconciliationJob(Reconciler reconciler, LockProvider reconciliationLockProvider, ReconciliationProperties properties) {
    this.reconciler = reconciler;
    this.executor = new DefaultLockingTaskExecutor(reconciliationLockProvider);
    this.properties = properties;
  }

  /**
   * Schedules {@link #scheduled} every {@code pco.reconciliation.interval}, first after
   * {@code pco.reconciliation.initial-delay}, when scheduling is on.
   */
  @Override
  public void configureTasks(ScheduledTaskRegistrar tasks) {
    tasks.addFixedDelayTask(new FixedDelayTask(this::scheduled, properties.interval(), properties.initialDelay()));
  }

  /** The scheduled run; failures are logged and the next run tries again. */
  public void scheduled() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      log.warn("Reconciliation failed; the next run tries again: {}", e.toString());
    }
  }

  /**
   * One run, if this node gets the lock.
   *
   * @return the report, or empty when another node holds the lock (ran, or runs, this round)
   */
  public Optional<ReconciliationReport> runOnce() {
    LockConfiguration lock = new LockConfiguration(java.time.Instant.now(), LOCK_NAME,
        properties.lockAtMostFor(), properties.lockAtLeastFor());
    TaskResult<ReconciliationReport> result;
    try {
      result = executor.executeWithLock(reconciler::reconcile, lock);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("Reconciliation failed", e);
    }
    if (!result.wasExecuted()) {
      log.info("Reconciliation skipped: another node holds the lock {}", LOCK_NAME);
      return Optional.empty();
    }
    return Optional.ofNullable(result.getResult());
  }
}
