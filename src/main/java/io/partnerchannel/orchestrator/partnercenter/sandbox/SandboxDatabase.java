package io.partnerchannel.orchestrator.partnercenter.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Qualifies the sandbox's own database access ({@link SandboxDataSourceConfiguration}): its connection pool,
 * {@code JdbcClient}, transaction manager and {@code TransactionTemplate}. The sandbox's repositories use only
 * these, so a Partner Center call a job makes (holding one of the application's connections) is answered from a
 * pool the job threads cannot exhaust. Sandbox transactions name the manager:
 * {@code @Transactional(SandboxDatabase.TRANSACTION_MANAGER)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
@Qualifier
public @interface SandboxDatabase {

  /** Bean name of the sandbox's transaction manager. */
  String TRANSACTION_MANAGER = "sandboxTransactionManager";
}
