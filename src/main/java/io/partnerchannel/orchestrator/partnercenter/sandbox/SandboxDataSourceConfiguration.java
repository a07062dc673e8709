package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.zaxxer.hikari.HikariDataSource;
import io.partnerchannel.orchestrator.system.ConnectionPoolSizing;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox's own connection pool on the application's database (same URL and credentials, pool
 * {@code sandbox}), with its own {@code JdbcClient}, transaction manager and {@code TransactionTemplate}, all
 * {@link SandboxDatabase}-qualified and no default candidates, so everything else keeps Spring Boot's pool.
 *
 * <p>Why: a job holds one application connection for its whole transaction while its delegate calls Partner
 * Center, which in sandbox mode is this application's own {@code /sandbox}. Were the sandbox on the same pool,
 * the job threads could take every connection and wait for sandbox answers that wait for a connection (issue 12:
 * pool exhausted, 500s, incidents). The sandbox never waits for an application connection while it holds one of
 * its own, so the two pools cannot starve each other. Size: {@link SandboxProperties#poolSize} of the job threads unless
 * {@code pco.sandbox.datasource.hikari.maximum-pool-size} is set; any other Hikari setting may be overridden
 * under {@code pco.sandbox.datasource.hikari}.
 */
@Configuration(proxyBeanMethods = false)
@SandboxConfiguration
@EnableConfigurationProperties(SandboxProperties.class)
public class SandboxDataSourceConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SandboxDataSourceConfiguration.class);

  /**
   * @param dataSource the application's pool, whose settings (URL, credentials, timeouts) are copied
   * @param environment the job executor's threads
   * @param properties the event deliveries
   * @return the sandbox's pool, started on first use
   */
  @Bean(defaultCandidate = false)
  @SandboxDatabase
  @ConfigurationProperties("pco.sandbox.datasource.hikari")
  public HikariDataSource sandboxDataSource(DataSource dataSource, Environment environment, SandboxProperties properties)
      throws SQLException {
    HikariDataSource pool = new HikariDataSource();
    dataSource.unwrap(HikariDataSource.class).copyStateTo(pool);
    int jobThreads = ConnectionPoolSizing.of(environment).jobThreads();
    int size = properties.poolSize(jobThreads);
    pool.setPoolName("sandbox");
    pool.setMaximumPoolSize(size);
    pool.setMinimumIdle(Math.min(2, size));
    log.info("Sandbox connection pool: {} connections ({} job threads + {} event deliveries + {} admin center)",
        size, jobThreads, properties.eventDeliveryConcurrency(), SandboxProperties.ADMIN_CENTER_CONNECTIONS);
    return pool;
  }

  /**
   * @param sandboxDataSource the sandbox's pool
   * @return JDBC access of the sandbox's repositories
   */
  @Bean(defaultCandidate = false)
  @SandboxDatabase
  public JdbcClient sandboxJdbcClient(@SandboxDatabase HikariDataSource sandboxDataSource) {
    return JdbcClient.create(sandboxDataSource);
  }

  /**
   * @param sandboxDataSource the sandbox's pool
   * @return transactions of the sandbox ({@code @Transactional(SandboxDatabase.TRANSACTION_MANAGER)})
   */
  @Bean(name = SandboxDatabase.TRANSACTION_MANAGER, defaultCandidate = false)
  @SandboxDatabase
  public DataSourceTransactionManager sandboxTransactionManager(@SandboxDatabase HikariDataSource sandboxDataSource) {
    return new DataSourceTransactionManager(sandboxDataSource);
  }

  /**
   * @param sandboxTransactionManager the sandbox's transaction manager
   * @return programmatic sandbox transactions
   */
  @Bean(defaultCandidate = false)
  @SandboxDatabase
  public TransactionTemplate sandboxTransactionTemplate(
      @SandboxDatabase DataSourceTransactionManager sandboxTransactionManager) {
    return new TransactionTemplate(sandboxTransactionManager);
  }
}
