package io.partnerchannel.orchestrator.reconciliation;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The cluster lock of {@link ReconciliationJob}: ShedLock's JDBC provider on table {@code pco_shedlock}. */
@Configuration(proxyBeanMethods = false)
class ReconciliationConfiguration {

  /** The lock table (Flyway {@code V6_21__shedlock.sql}). */
  static final String LOCK_TABLE = "pco_shedlock";

  /**
   * @param jdbcTemplate the application's database
   * @return locks rows of {@value #LOCK_TABLE}, timed by the database's clock so nodes' clocks may differ
   */
  @Bean
  static LockProvider reconciliationLockProvider(JdbcTemplate jdbcTemplate) {
    return lockProvider(jdbcTemplate);
  }

  /**
   * @param jdbcTemplate a database holding {@value #LOCK_TABLE}
   * @return a lock provider on it (each node has its own)
   */
  static LockProvider lockProvider(JdbcTemplate jdbcTemplate) {
    return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
        .withJdbcTemplate(jdbcTemplate)
        .withTableName(LOCK_TABLE)
        .usingDbTime()
        .build());
  }
}
