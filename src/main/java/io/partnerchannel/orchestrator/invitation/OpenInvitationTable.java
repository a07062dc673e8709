package io.partnerchannel.orchestrator.invitation;

import java.sql.DatabaseMetaData;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * The table {@code pco_open_invitation} (Flyway {@code V6_23__open_invitations.sql}): one row per customer
 * domain with an open invitation, its primary key the lower-case domain. Uses the application
 * {@code DataSource}, so every statement joins the current Spring transaction, the engine's included: the row
 * commits or rolls back with the start that claims it and with the end that releases it.
 */
@Repository
class OpenInvitationTable {

  private final JdbcClient jdbc;
  private final String insertIfAbsent;

  OpenInvitationTable(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    // PostgreSQL: one statement that waits for a concurrent claim of the domain and then does nothing when it
    // committed (the transaction stays usable); H2 leaves the transaction usable after a duplicate key
    this.insertIfAbsent = DatabaseDriver.fromJdbcUrl(jdbcUrl(dataSource)) == DatabaseDriver.POSTGRESQL
        ? "insert into pco_open_invitation (customer_domain, process_instance_id, opened_at)"
            + " values (:domain, :instance, :openedAt) on conflict (customer_domain) do nothing"
        : "insert into pco_open_invitation (customer_domain, process_instance_id, opened_at)"
            + " select :domain, :instance, :openedAt where not exists"
            + " (select 1 from pco_open_invitation where customer_domain = :domain)";
  }

  private static String jdbcUrl(DataSource dataSource) {
    try {
      return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell which database the open invitations are in", e);
    }
  }

  /**
   * @param domain the customer domain, lower case
   * @param processInstanceId the invitation that claims it
   * @return whether the row was inserted; false when the domain is held (also when a concurrent transaction
   *     inserted it first and committed, or still holds it after the database's lock timeout)
   */
  boolean insertIfAbsent(String domain, String processInstanceId) {
    try {
      return jdbc.sql(insertIfAbsent)
          .param("domain", domain)
          .param("instance", processInstanceId)
          .param("openedAt", OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC))
          .update() == 1;
    } catch (DataIntegrityViolationException takenMeanwhile) {
      // H2: a concurrent transaction inserted the domain between the check and the insert and committed
      return false;
    } catch (PessimisticLockingFailureException stillBeingTaken) {
      // H2: a concurrent transaction inserted the domain and did not end within the lock timeout
      return false;
    }
  }

  /**
   * @param domain the customer domain, lower case
   * @return the process instance id holding the domain, if any
   */
  Optional<String> holder(String domain) {
    return jdbc.sql("select process_instance_id from pco_open_invitation where customer_domain = ?")
        .param(domain)
        .query(String.class)
        .optional();
  }

  /**
   * @param domain the customer domain, lower case
   * @param processInstanceId the instance whose row to delete
   */
  void delete(String domain, String processInstanceId) {
    jdbc.sql("delete from pco_open_invitation where customer_domain = ? and process_instance_id = ?")
        .param(domain)
        .param(processInstanceId)
        .update();
  }

  /** @param processInstanceId an ended invitation: its row, if it holds one, is deleted */
  void release(String processInstanceId) {
    jdbc.sql("delete from pco_open_invitation where process_instance_id = ?").param(processInstanceId).update();
  }
}
