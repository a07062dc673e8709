package io.partnerchannel.orchestrator.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The index {@value #INDEX} on {@code ACT_RU_JOB (DUEDATE_)}, which the job executor's acquisition needs once many
 * timers wait. Camunda 7.24 indexes neither {@code DUEDATE_} nor {@code PRIORITY_}, and its acquisition query
 * ({@code selectNextJobsToExecute} in the engine's {@code Job.xml}: {@code RETRIES_ > 0 and (DUEDATE_ is null or
 * DUEDATE_ <= now) and ...}, ordered by {@code PRIORITY_} with {@code job-executor-acquire-by-priority}) then reads
 * the whole job table at every acquisition, which runs whenever a job is created. Every waiting invitation keeps its
 * reminder and follow-up timers in that table: with 10 000 invitations and as many benchmark baseline instances
 * waiting (40 000 timer jobs), one acquisition took 8 ms of PostgreSQL 15 with a sequential scan and, where
 * PostgreSQL's JIT is available (Debian's packages), another 18 ms of JIT compilation, since the planner's estimate
 * passes {@code jit_above_cost}; with this index it reads the due jobs by two index scans (a bitmap OR of
 * {@code DUEDATE_ is null} and {@code DUEDATE_ <= now}) in 0.2 ms (docs/performance.md "Cheaper per request and per
 * step").
 *
 * <p>Created after the engine has created or updated its schema, at every start when it is missing
 * ({@code create index if not exists}; on PostgreSQL {@code concurrently}, so that an existing job table stays
 * writable while it builds). When that fails (a database user without the right to create indexes, or another node
 * creating it at the same moment), the start goes on and a warning gives the statement for a database administrator.
 * A PostgreSQL index left invalid by an interrupted concurrent build counts as existing: drop it, and the next start
 * builds it again.
 */
@Component
public class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

  /** The index name, apart from Camunda's {@code ACT_IDX_*} names. */
  public static final String INDEX = "PCO_IDX_JOB_DUEDATE";

  private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    String sql = statement(configuration.getDatabaseType(), configuration.getDatabaseTablePrefix());
    try {
      execute(configuration.getDataSource(), sql);
    } catch (SQLException e) {
      log.warn("Could not create the job acquisition index; without it each job acquisition reads the whole job "
          + "table. Run as a database administrator: {} ({})", sql, e.getMessage());
    }
  }

  /**
   * @param databaseType the engine's database type, e.g. {@code postgres} or {@code h2}
   * @param tablePrefix the engine's table prefix, usually empty
   * @return the statement creating {@value #INDEX} when it does not exist
   */
  static String statement(String databaseType, String tablePrefix) {
    String concurrently = "postgres".equals(databaseType) ? "concurrently " : "";
    return "create index " + concurrently + "if not exists " + INDEX + " on "
        + (tablePrefix == null ? "" : tablePrefix) + "ACT_RU_JOB (DUEDATE_)";
  }

  private static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true); // PostgreSQL builds an index concurrently only outside a transaction block
      }
      statement.execute(sql);
    }
  }
}
