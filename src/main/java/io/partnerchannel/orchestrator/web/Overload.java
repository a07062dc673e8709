package io.partnerchannel.orchestrator.web;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Failures that mean "saturated, try again shortly", not "broken": answered with 503
 * {@code application/problem+json} and {@code Retry-After} ({@link OverloadExceptionHandler},
 * {@link OverloadFilter}) instead of a generic 500. They are, anywhere in the cause chain: no database
 * connection within the pool's {@code connection-timeout} ({@link java.sql.SQLTransientConnectionException},
 * {@link CannotGetJdbcConnectionException}, {@link CannotCreateTransactionException}); transient database
 * conditions (Spring's {@link TransientDataAccessException}: lock and deadlock losers, query timeouts; JDBC's
 * {@link SQLTransientException}; SQL states of classes 08 connection exception, 40 transaction rollback, 53
 * insufficient resources, 57P operator intervention); the engine's {@link OptimisticLockingException} (another
 * transaction changed the same instance); and a full executor ({@link RejectedExecutionException}).
 */
final class Overload {

  /** Problem type of the 503 answers. */
  public static final URI TYPE = URI.create("urn:problem-type:pco:overloaded");
  /** What {@code Retry-After} tells the client to wait. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

  private Overload() {}

  /**
   * @param failure a failure
   * @return the transient failure in its cause chain, if any
   */
  public static Optional<Throwable> cause(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (isTransient(cause)) {
        return Optional.of(cause);
      }
    }
    return Optional.empty();
  }

  /**
   * @param cause the transient failure
   * @return the 503 problem: what was saturated, without internals
   */
  public static ProblemDetail problem(Throwable cause) {
    String what = cause instanceof OptimisticLockingException || cause instanceof TransientDataAccessException
            || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")
        ? "Another request changed the same data at the same moment"
        : "The service is at capacity";
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        what + "; nothing was changed. Retry after " + RETRY_AFTER.toSeconds() + " s"
            + " (with the same Idempotency-Key for a start).");
    problem.setType(TYPE);
    problem.setTitle("Service temporarily unavailable");
    problem.setProperty("retryAfterSeconds", RETRY_AFTER.toSeconds());
    return problem;
  }

  private static boolean isTransient(Throwable cause) {
    if (cause instanceof SQLTransientException || cause instanceof CannotGetJdbcConnectionException
        || cause instanceof CannotCreateTransactionException || cause instanceof TransientDataAccessException
        || cause instanceof OptimisticLockingException || cause instanceof RejectedExecutionException) {
      return true;
    }
    if (cause instanceof SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      return state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57P");
    }
    return false;
  }
}
