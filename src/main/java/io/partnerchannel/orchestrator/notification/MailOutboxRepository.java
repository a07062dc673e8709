package io.partnerchannel.orchestrator.notification;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * The outbox table {@code pco_mail_outbox} (Flyway {@code V2_1__mail_outbox.sql}). Uses the application
 * {@code DataSource}, so every statement joins the current Spring transaction, the engine's included.
 */
@Repository
class MailOutboxRepository {

  private static final String COLUMNS = "id, idempotency_key, template, recipient, subject, html_body, language,"
      + " business_reference, status, attempts, last_error, created_at, sent_at";

  private static final String VALUES = ":id, :key, :template, :recipient, :subject, :html, :language, :reference,"
      + " :status, 0, null, :createdAt, null, lower(:recipient)";

  private final JdbcClient jdbc;
  private final String insertIfAbsent;

  MailOutboxRepository(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    // PostgreSQL: one statement that never fails on a taken key (no savepoint needed, the transaction stays
    // usable); elsewhere (H2, where a failed statement leaves the transaction usable) insert-if-not-exists
    this.insertIfAbsent = DatabaseDriver.fromJdbcUrl(jdbcUrl(dataSource)) == DatabaseDriver.POSTGRESQL
        ? "insert into pco_mail_outbox (" + COLUMNS + ", recipient_key) values (" + VALUES + ")"
            + " on conflict (idempotency_key) do nothing"
        : "insert into pco_mail_outbox (" + COLUMNS + ", recipient_key) select " + VALUES
            + " where not exists (select 1 from pco_mail_outbox where idempotency_key = :key)";
  }

  private static String jdbcUrl(DataSource dataSource) {
    try {
      return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell which database the outbox is in", e);
    }
  }

  /**
   * Inserts the entry in one statement unless its idempotency key is taken.
   *
   * @return whether it was inserted; false when an entry with its idempotency key exists
   * @throws org.springframework.dao.DuplicateKeyException (H2 only) when a concurrent transaction inserted the key
   *     between the check and the insert
   */
  boolean insertIfAbsent(OutboxEntry entry) {
    return jdbc.sql(insertIfAbsent)
        .param("id", entry.id())
        .param("key", entry.idempotencyKey())
        .param("template", entry.template())
        .param("recipient", entry.recipient())
        .param("subject", entry.subject())
        .param("html", entry.html())
        .param("language", entry.language())
        .param("reference", entry.businessReference())
        .param("status", entry.status().name())
        .param("createdAt", entry.createdAt())
        .update() == 1;
  }

  Optional<String> findIdByIdempotencyKey(String idempotencyKey) {
    return jdbc.sql("select id from pco_mail_outbox where idempotency_key = ?")
        .param(idempotencyKey)
        .query(String.class)
        .optional();
  }

  Optional<OutboxEntry> findById(String id) {
    return jdbc.sql("select " + COLUMNS + " from pco_mail_outbox where id = ?")
        .param(id)
        .query(MailOutboxRepository::entry)
        .optional();
  }

  /**
   * @param id entry id
   * @param reader who asks
   * @return the entry, when the reader may see it ({@link OutboxReader})
   */
  Optional<OutboxEntry> findById(String id, OutboxReader reader) {
    return visible(jdbc.sql(SELECT_VISIBLE + " and o.id = :id").param("id", id), reader)
        .query(MailOutboxRepository::entry)
        .optional();
  }

  /**
   * Newest first, only what the reader may see.
   *
   * @param recipient null for all; compared ignoring case, through the index on the address's lower-case key
   *     (Flyway {@code V6_25__mail_outbox_recipient_key.sql})
   * @param limit at most this many
   * @param reader who asks ({@link OutboxReader})
   */
  List<OutboxEntry> findNewest(String recipient, int limit, OutboxReader reader) {
    JdbcClient.StatementSpec statement = jdbc.sql(newest(recipient != null, limit));
    if (recipient != null) {
      statement = statement.param("recipient", recipient);
    }
    return visible(statement, reader).query(MailOutboxRepository::entry).list();
  }

  /** {@link #findNewest}'s statement, its parameters named; {@code :recipient} only when by recipient. */
  static String newest(boolean byRecipient, int limit) {
    return SELECT_VISIBLE + (byRecipient ? " and o.recipient_key = lower(:recipient)" : "")
        + " order by o.created_at desc, o.id desc fetch first " + limit + " rows only";
  }

  /**
   * The entries with the tenant of the process instance they name (the engine's history table, which
   * outlives the instance): no tenant for the operating partner's instances, the reseller's otherwise.
   */
  private static final String SELECT_VISIBLE = "select " + COLUMNS.replaceAll("(\\w+)", "o.$1")
      + " from pco_mail_outbox o left join act_hi_procinst p on p.proc_inst_id_ = o.business_reference"
      + " where (:everything = true or (:partner = true and p.tenant_id_ is null) or p.tenant_id_ in (:tenants))";

  private static JdbcClient.StatementSpec visible(JdbcClient.StatementSpec statement, OutboxReader reader) {
    // tenant ids are never empty, so the empty id matches nothing when the reader has no tenant
    return statement.param("everything", reader.everything())
        .param("partner", reader.partner())
        .param("tenants", reader.tenantIds().isEmpty() ? List.of("") : reader.tenantIds());
  }

  /** Oldest first. */
  List<String> findIdsByStatus(MailStatus status, int limit) {
    return jdbc.sql("select id from pco_mail_outbox where status = ? order by created_at, id fetch first " + limit + " rows only")
        .param(status.name())
        .query(String.class)
        .list();
  }

  /**
   * Locks a {@link MailStatus#PENDING} entry for sending until the current transaction ends; a second
   * dispatcher waits and then finds it no longer pending.
   */
  Optional<OutboxEntry> lockPending(String id) {
    return jdbc.sql("select " + COLUMNS + " from pco_mail_outbox where id = ? and status = 'PENDING' for update")
        .param(id)
        .query(MailOutboxRepository::entry)
        .optional();
  }

  void markSent(String id, int attempts, OffsetDateTime sentAt) {
    jdbc.sql("update pco_mail_outbox set status = 'SENT', attempts = ?, last_error = null, sent_at = ? where id = ?")
        .params(attempts, sentAt, id)
        .update();
  }

  void recordFailure(String id, int attempts, String error, MailStatus status) {
    jdbc.sql("update pco_mail_outbox set status = ?, attempts = ?, last_error = ? where id = ?")
        .params(status.name(), attempts, truncate(error, 2000), id)
        .update();
  }

  private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
    return new OutboxEntry(
        rs.getString("id"),
        rs.getString("idempotency_key"),
        rs.getString("template"),
        rs.getString("recipient"),
        rs.getString("subject"),
        rs.getString("html_body"),
        rs.getString("language"),
        rs.getString("business_reference"),
        MailStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("sent_at", OffsetDateTime.class));
  }

  static String truncate(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }
}
