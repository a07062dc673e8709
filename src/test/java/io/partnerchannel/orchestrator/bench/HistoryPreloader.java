package io.partnerchannel.orchestrator.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the engine's history with finished instances in bulk, for the cost-growth runs: copies of real
 * finished instances (every {@code ACT_HI_*} row that belongs to them: process, activity, variable and detail,
 * job log, decision instances with their inputs and outputs, ...), row for row in SQL. Every id that names
 * a per-instance entity (its own id, process instance, execution, activity instance, job, variable,
 * decision instance, ...) is replaced by {@code md5(id || ':' || copy)::uuid}, the same way in every table, so
 * the copies reference each other like the originals; definition, deployment and byte array ids are kept.
 * Like any bulk load, it drops the history tables' secondary indexes first and builds them again at the end
 * (identical definitions), then refreshes the planner statistics.
 */
final class HistoryPreloader {

  private static final Logger log = LoggerFactory.getLogger(HistoryPreloader.class);
  /** Columns holding ids of per-instance entities (PostgreSQL folds them to lower case). */
  private static final Set<String> INSTANCE_ID_COLUMNS = Set.of(
      "id_", "proc_inst_id_", "process_instance_id_", "root_proc_inst_id_", "super_process_instance_id_", "execution_id_",
      "act_inst_id_", "parent_act_inst_id_", "call_proc_inst_id_", "task_id_", "job_id_", "var_inst_id_",
      "dec_inst_id_", "root_dec_inst_id_", "ext_task_id_");
  /** Instances copied per transaction. */
  private static final int CHUNK_INSTANCES = 5_000;

  private final BenchDatabase database;
  private final List<String> templates;
  private int copies;

  /**
   * @param database the benchmark's database
   * @param templates ids of finished instances to copy
   */
  HistoryPreloader(BenchDatabase database, List<String> templates) {
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("No finished instances to copy");
    }
    this.database = database;
    this.templates = List.copyOf(templates);
  }

  /** @return bytes of the history tables with their indexes and TOAST */
  long historyBytes() {
    return database.jdbc.sql("select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c"
            + " join pg_namespace n on n.oid = c.relnamespace"
            + " where n.nspname = current_schema() and c.relkind = 'r' and c.relname like 'act\\_hi\\_%'")
        .query(Long.class).single();
  }

  /** @return finished process instances in the history */
  long finishedInstances() {
    return database.jdbc.sql("select count(*) from act_hi_procinst where end_time_ is not null")
        .query(Long.class).single();
  }

  /**
   * Copies the templates until the history holds at least {@code target} finished instances, then
   * refreshes the planner statistics of the history tables.
   *
   * @param target finished instances wanted
   * @return seconds it took
   */
  double preloadTo(long target) throws SQLException {
    long started = System.nanoTime();
    long missing = target - finishedInstances();
    int copiesNeeded = (int) Math.max(0, (missing + templates.size() - 1) / templates.size());
    int copiesPerChunk = Math.max(1, CHUNK_INSTANCES / templates.size());
    try (Connection connection = database.connect()) {
      try (Statement session = connection.createStatement()) {
        session.execute("set synchronous_commit = off");
        session.execute("set maintenance_work_mem = '256MB'");
      }
      List<String> inserts = stageTemplates(connection);
      // bulk load: secondary indexes are built once afterwards instead of row by row
      List<String> indexes = secondaryIndexes(connection);
      try (Statement drop = connection.createStatement()) {
        for (String index : indexes) {
          drop.execute("drop index " + index.substring("CREATE INDEX ".length(), index.indexOf(" ON ")));
        }
      }
      connection.setAutoCommit(false);
      int last = copies + copiesNeeded;
      for (int from = copies + 1; from <= last; from += copiesPerChunk) {
        int to = Math.min(last, from + copiesPerChunk - 1);
        for (String insert : inserts) {
          try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setInt(1, from);
            statement.setInt(2, to);
            statement.executeUpdate();
          }
        }
        connection.commit();
      }
      copies = last;
      connection.setAutoCommit(true);
      long copied = System.nanoTime();
      try (Statement create = connection.createStatement()) {
        for (String index : indexes) {
          create.execute(index);
        }
        for (String table : historyTables(connection)) {
          create.execute("analyze " + table);
        }
      }
      log.info("History preload: {} copies of {} instances in {} s, {} indexes built in {} s", copiesNeeded,
          templates.size(), Math.round((copied - started) / 1e9), indexes.size(),
          Math.round((System.nanoTime() - copied) / 1e9));
    }
    return (System.nanoTime() - started) / 1e9;
  }

  /**
   * Stages the templates' rows of every history table in temporary tables ({@code bench_template_<table>}),
   * so each copy reads a few hundred rows instead of searching the growing, index-less table.
   *
   * @return per table, its {@code insert ... select} from the staged rows; parameters: first copy, last copy
   */
  private List<String> stageTemplates(Connection connection) throws SQLException {
    Array ids = connection.createArrayOf("varchar", templates.toArray());
    Map<String, String> sources = new LinkedHashMap<>();
    for (String table : tablesWithColumn(connection, "proc_inst_id_")) {
      sources.put(table, "select t.* from " + table + " t where t.proc_inst_id_ = any(?)");
    }
    for (String table : tablesWithColumn(connection, "process_instance_id_")) { // the job log
      sources.put(table, "select t.* from " + table + " t where t.process_instance_id_ = any(?)");
    }
    for (String table : List.of("act_hi_dec_in", "act_hi_dec_out")) {
      sources.put(table, "select t.* from " + table + " t join act_hi_decinst d on d.id_ = t.dec_inst_id_"
          + " where d.proc_inst_id_ = any(?)");
    }
    List<String> inserts = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      String table = source.getKey();
      String staged = "bench_template_" + table;
      try (Statement drop = connection.createStatement()) {
        drop.execute("drop table if exists " + staged);
      }
      try (PreparedStatement stage = connection.prepareStatement("create temporary table " + staged + " as " + source.getValue())) {
        stage.setArray(1, ids);
        stage.executeUpdate();
      }
      List<String> columns = columns(connection, table);
      String values = columns.stream()
          .map(column -> INSTANCE_ID_COLUMNS.contains(column) ? "md5(t." + column + " || ':' || g)::uuid::text" : "t." + column)
          .collect(Collectors.joining(", "));
      inserts.add("insert into " + table + " (" + String.join(", ", columns) + ") select " + values
          + " from " + staged + " t cross join generate_series(?, ?) g");
    }
    return inserts;
  }

  /** @return {@code CREATE INDEX} statements of the history tables' indexes that back no constraint */
  private static List<String> secondaryIndexes(Connection connection) throws SQLException {
    return query(connection, "select indexdef from pg_indexes i where schemaname = current_schema()"
        + " and tablename like 'act\\_hi\\_%' and indexdef like 'CREATE INDEX %'"
        + " and not exists (select 1 from pg_constraint c where c.conname = i.indexname) order by indexname");
  }

  private static List<String> historyTables(Connection connection) throws SQLException {
    return query(connection, "select table_name from information_schema.tables"
        + " where table_schema = current_schema() and table_name like 'act\\_hi\\_%' order by table_name");
  }

  private static List<String> tablesWithColumn(Connection connection, String column) throws SQLException {
    return query(connection, "select table_name from information_schema.columns where table_schema = current_schema()"
        + " and table_name like 'act\\_hi\\_%' and column_name = '" + column + "' order by table_name");
  }

  private static List<String> columns(Connection connection, String table) throws SQLException {
    return query(connection, "select column_name from information_schema.columns where table_schema = current_schema()"
        + " and table_name = '" + table + "' order by ordinal_position");
  }

  private static List<String> query(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
