package io.partnerchannel.orchestrator.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 503 {@code application/problem+json} with {@code Retry-After} for the {@link Overload} failures of a
 * controller, also when they are the cause of another exception (the engine wraps them). First of all advices,
 * so no broader handler turns them into a 500; it handles nothing else. Failures outside the controllers
 * (authentication reads the engine's users) are answered by {@link OverloadFilter}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OverloadExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(OverloadExceptionHandler.class);

  /**
   * @param failure a failure whose cause chain holds an {@link Overload} cause
   * @return 503 with {@code Retry-After}
   * @throws Exception the failure itself when it is none after all (left to the other handlers)
   */
  @ExceptionHandler({
    java.sql.SQLTransientException.class,
    CannotGetJdbcConnectionException.class,
    CannotCreateTransactionException.class,
    TransientDataAccessException.class,
    org.camunda.bpm.engine.OptimisticLockingException.class,
    java.util.concurrent.RejectedExecutionException.class
  })
  public ResponseEntity<ProblemDetail> overloaded(Exception failure) throws Exception {
    Throwable cause = Overload.cause(failure).orElseThrow(() -> failure);
    return response(cause);
  }

  /**
   * @param cause the transient failure
   * @return 503 problem+json with {@code Retry-After}
   */
  static ResponseEntity<ProblemDetail> response(Throwable cause) {
    log.warn("Answered 503, saturated: {}", cause.toString());
    return ResponseEntity.status(503)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(Overload.RETRY_AFTER.toSeconds()))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Overload.problem(cause));
  }
}
