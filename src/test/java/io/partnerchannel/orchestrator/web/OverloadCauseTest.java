package io.partnerchannel.orchestrator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures are saturation (503 with Retry-After) and which are not, wherever they sit in the cause chain. */
class OverloadCauseTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("pool timeout inside the engine", new ProcessEngineException("query failed",
            new PersistenceException(new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))), true),
        Arguments.of("no connection for a transaction", new CannotCreateTransactionException("no connection"), true),
        Arguments.of("PostgreSQL deadlock (40P01) inside the engine",
            new ProcessEngineException("flush failed", new SQLException("deadlock detected", "40P01")), true),
        Arguments.of("too many connections (53300)", new SQLException("too many clients", "53300"), true),
        Arguments.of("lock not acquired", new CannotAcquireLockException("lock"), true),
        Arguments.of("engine optimistic locking", new OptimisticLockingException("changed meanwhile"), true),
        Arguments.of("executor full", new RejectedExecutionException("queue full"), true),
        Arguments.of("unique key violated", new DuplicateKeyException("duplicate"), false),
        Arguments.of("syntax error (42601)", new ProcessEngineException("bad", new SQLException("syntax", "42601")), false),
        Arguments.of("a bug", new IllegalStateException("oops", new NullPointerException()), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void saturationIsRecognisedAnywhereInTheCauseChain(String what, Throwable failure, boolean saturated) {
    assertThat(Overload.cause(failure).isPresent()).isEqualTo(saturated);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void theProblemSays503AndWhenToRetryWithoutInternals(String what, Throwable failure, boolean saturated) {
    Overload.cause(failure).ifPresent(cause -> {
      var problem = Overload.problem(cause);
      assertThat(problem.getStatus()).isEqualTo(503);
      assertThat(problem.getType()).isEqualTo(Overload.TYPE);
      assertThat(problem.getDetail()).contains("Retry after 2 s").doesNotContain("Hikari", "SQL", "deadlock detected");
    });
  }
}
