package io.partnerchannel.orchestrator.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The benchmark's PostgreSQL: the server named by {@code SPRING_DATASOURCE_URL} (with
 * {@code SPRING_DATASOURCE_USERNAME} / {@code _PASSWORD}) when set, which should be an empty database used
 * for nothing else; otherwise a zonky embedded PostgreSQL started here, with a fresh database. Also reads
 * the server's transaction counters.
 */
final class BenchDatabase implements AutoCloseable {

  private static final String DATABASE = "pco_bench";
  /** The emulated Partner Center's own database on the same server. */
  private static final String EMULATOR_DATABASE = "pco_emulator";

  private final EmbeddedPostgres embedded;
  private final String url;
  private final String username;
  private final String password;
  private final String emulatorUrl;
  private final SingleConnectionDataSource dataSource;
  private final SingleConnectionDataSource emulatorDataSource;
  /** The orchestrator's database. */
  final JdbcClient jdbc;
  /** The emulated Partner Center's database (its {@code sbx_*} tables), or {@link #jdbc} when it has none of its own. */
  final JdbcClient emulatorJdbc;

  private BenchDatabase(EmbeddedPostgres embedded, String url, String username, String password, String emulatorUrl) {
    this.embedded = embedded;
    this.url = url;
    this.username = username;
    this.password = password;
    this.emulatorUrl = emulatorUrl;
    this.dataSource = new SingleConnectionDataSource(url, username, password, true);
    this.jdbc = JdbcClient.create(dataSource);
    this.emulatorDataSource = emulatorUrl == null ? null : new SingleConnectionDataSource(emulatorUrl, username, password, true);
    this.emulatorJdbc = emulatorDataSource == null ? jdbc : JdbcClient.create(emulatorDataSource);
  }

  /**
   * @param synchronousCommit {@code synchronous_commit} of an embedded server
   * @return the configured server, or a new embedded one
   * @throws IOException when the embedded server does not start
   */
  static BenchDatabase start(String synchronousCommit) throws IOException, SQLException {
    return start(synchronousCommit, "on", null);
  }

  /**
   * @param synchronousCommit {@code synchronous_commit} of an embedded server
   * @param fsync {@code fsync} of an embedded server (zonky starts it with {@code -F}, i.e. off, unless set)
   * @param emulatorUrl a configured server's database for the emulated Partner Center
   *     ({@code BENCH_EMULATOR_DATASOURCE_URL}); null = none, or for an embedded server a second database on it
   * @return the configured server, or a new embedded one with the databases {@code pco_bench} and {@code pco_emulator}
   * @throws IOException when the embedded server does not start
   */
  static BenchDatabase start(String synchronousCommit, String fsync, String emulatorUrl) throws IOException, SQLException {
    String url = System.getenv("SPRING_DATASOURCE_URL");
    if (url != null && !url.isBlank()) {
      return new BenchDatabase(null, url, System.getenv("SPRING_DATASOURCE_USERNAME"),
          System.getenv("SPRING_DATASOURCE_PASSWORD"), emulatorUrl);
    }
    // a modest production-like server: the defaults (128 MB buffers, 1 GB WAL) are for tiny machines
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setServerConfig("fsync", fsync)
        .setServerConfig("synchronous_commit", synchronousCommit)
        .setServerConfig("max_connections", "200")
        .setServerConfig("shared_buffers", "256MB")
        .setServerConfig("max_wal_size", "4GB")
        .start();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + DATABASE);
      statement.execute("CREATE DATABASE " + EMULATOR_DATABASE);
    }
    return new BenchDatabase(postgres, postgres.getJdbcUrl("postgres", DATABASE), "postgres", "postgres",
        postgres.getJdbcUrl("postgres", EMULATOR_DATABASE));
  }

  /** @return environment for an application node: {@code SPRING_DATASOURCE_*} of this database */
  Map<String, String> environment() {
    return environment(url);
  }

  /** @return environment for the emulated Partner Center's node: {@code SPRING_DATASOURCE_*} of its own database */
  Map<String, String> emulatorEnvironment() {
    if (emulatorUrl == null) {
      throw new IllegalStateException("No database for the emulated Partner Center: set BENCH_EMULATOR_DATASOURCE_URL"
          + " (an empty database of its own on the server of SPRING_DATASOURCE_URL)");
    }
    return environment(emulatorUrl);
  }

  private Map<String, String> environment(String databaseUrl) {
    return Map.of(
        "SPRING_DATASOURCE_URL", databaseUrl,
        "SPRING_DATASOURCE_USERNAME", username == null ? "" : username,
        "SPRING_DATASOURCE_PASSWORD", password == null ? "" : password);
  }

  /** @return where it runs, for the report: embedded or the configured URL, and the server version */
  String describe() {
    String version = jdbc.sql("show server_version").query(String.class).single();
    String settings = jdbc.sql("select 'shared_buffers=' || current_setting('shared_buffers')"
            + " || ', max_wal_size=' || current_setting('max_wal_size')"
            + " || ', fsync=' || current_setting('fsync')"
            + " || ', synchronous_commit=' || current_setting('synchronous_commit')"
            + " || ', full_page_writes=' || current_setting('full_page_writes')")
        .query(String.class).single();
    return (embedded == null ? "PostgreSQL " + version + " at " + url : "embedded PostgreSQL " + version + " (zonky)")
        + ", " + settings;
  }

  /**
   * Reads the server's counters of this database. PostgreSQL publishes {@code xact_commit} with a delay of
   * up to about half a second, so read it once the work has settled.
   *
   * @return committed transactions (all, read-only included) and transaction ids handed out (= write
   *     transactions, each counted once)
   */
  Counters counters() {
    jdbc.sql("select pg_stat_clear_snapshot()").query().singleRow();
    long commits = jdbc.sql("select xact_commit from pg_stat_database where datname = current_database()")
        .query(Long.class).single();
    // the emulator's database by its own connection's name: a configured BENCH_EMULATOR_DATASOURCE_URL may name any
    long emulatorCommits = emulatorDataSource == null ? 0 : jdbc.sql(
            "select xact_commit from pg_stat_database where datname = ?")
        .param(emulatorJdbc.sql("select current_database()").query(String.class).single()).query(Long.class).single();
    long xid = jdbc.sql("select txid_current()").query(Long.class).single();
    long wal = jdbc.sql("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint").query(Long.class).single();
    return new Counters(commits, emulatorCommits, xid, wal);
  }

  /**
   * @param commits {@code pg_stat_database.xact_commit} of the orchestrator's database
   * @param emulatorCommits the same of the emulator's database (0 without one)
   * @param transactionIds {@code txid_current()}: transaction ids of the whole server, both databases
   * @param walBytes {@code pg_current_wal_lsn()} in bytes: write-ahead log of the whole server, both databases
   */
  record Counters(long commits, long emulatorCommits, long transactionIds, long walBytes) {

    /**
     * @param earlier counters read before
     * @return commits since, and transaction ids taken since (the read of {@code txid_current()} itself, which
     *     takes an id, not counted)
     */
    Counters since(Counters earlier) {
      return new Counters(commits - earlier.commits, emulatorCommits - earlier.emulatorCommits,
          transactionIds - earlier.transactionIds - 1, walBytes - earlier.walBytes);
    }
  }

  /**
   * Leaves both databases (the orchestrator's and the emulator's) as a batch should find them after bulk set-up:
   * {@code VACUUM ANALYZE} of each (dead tuples removed, planner statistics current) and a {@code CHECKPOINT}
   * (the dirty pages of the set-up written now, not during whichever batch runs first). Run before the measured
   * batches of each level, the same for both kinds.
   *
   * @throws org.springframework.dao.DataAccessException when the user may not {@code CHECKPOINT} (a superuser, or
   *     from PostgreSQL 15 a member of {@code pg_checkpoint}, may)
   */
  void vacuumAndCheckpoint() {
    for (JdbcClient database : emulatorDataSource == null ? List.of(jdbc) : List.of(jdbc, emulatorJdbc)) {
      database.sql("VACUUM ANALYZE").update();
      database.sql("CHECKPOINT").update();
    }
  }

  /**
   * @return jobs of the orchestrator's engine that are due and would be executed now (retries left, not suspended):
   *     async continuations and timers due; 0 when the engine has nothing left to do
   */
  long dueJobs() {
    return jdbc.sql("select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1"
            + " and (duedate_ is null or duedate_ <= current_timestamp)")
        .query(Long.class).single();
  }

  /** @return a fresh connection for bulk work */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, username, password);
  }

  @Override
  public void close() throws IOException {
    dataSource.destroy();
    if (emulatorDataSource != null) {
      emulatorDataSource.destroy();
    }
    if (embedded != null) {
      embedded.close();
    }
  }
}
