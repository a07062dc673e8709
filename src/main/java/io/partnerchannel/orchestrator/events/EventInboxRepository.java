package io.partnerchannel.orchestrator.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Partner Center event inbox table {@code pco_partner_center_event} (Flyway {@code V3_1__partner_center_event_inbox.sql}). */
@Repository
public class EventInboxRepository {

  private static final String COLUMNS = "id, event_name, resource_uri, resource_name, audit_uri, resource_change_utc_date,"
      + " received_at, status, attempts, last_error, correlated_at";

  private final JdbcClient jdbc;

  EventInboxRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param event the event as received
   * @param identity its {@link EventDeliveryIdentity#key()}
   * @throws org.springframework.dao.DuplicateKeyException when the same delivery is already stored
   */
  void insert(InboxEvent event, String identity) {
    jdbc.sql("insert into pco_partner_center_event (" + COLUMNS + ", delivery_identity) values"
            + " (:id, :name, :uri, :resourceName, :auditUri, :changeDate, :receivedAt, :status, 0, null, null, :identity)")
        .param("id", event.id())
        .param("identity", identity)
        .param("name", event.eventName())
        .param("uri", event.resourceUri())
        .param("resourceName", event.resourceName())
        .param("auditUri", event.auditUri())
        .param("changeDate", event.resourceChangeUtcDate())
        .param("receivedAt", event.receivedAt())
        .param("status", event.status().name())
        .update();
  }

  /**
   * @param id inbox id
   * @return the stored event
   */
  public Optional<InboxEvent> findById(String id) {
    return jdbc.sql("select " + COLUMNS + " from pco_partner_center_event where id = ?")
        .param(id)
        .query(EventInboxRepository::event)
        .optional();
  }

  /**
   * @param resourceUri the event's {@code ResourceUri}, e.g. {@code /v1/customers/<tenant id>}
   * @return the stored events about that resource, oldest first
   */
  public List<InboxEvent> findByResourceUri(String resourceUri) {
    return jdbc.sql("select " + COLUMNS + " from pco_partner_center_event where resource_uri = ? order by received_at, id")
        .param(resourceUri)
        .query(EventInboxRepository::event)
        .list();
  }

  /** @return how many events the inbox holds, whatever their status */
  public long count() {
    return jdbc.sql("select count(*) from pco_partner_center_event").query(Long.class).single();
  }

  /** @param identity an {@link EventDeliveryIdentity#key()} */
  Optional<InboxEvent> findDelivery(String identity) {
    return jdbc.sql("select " + COLUMNS + " from pco_partner_center_event where delivery_identity = ?")
        .param(identity)
        .query(EventInboxRepository::event)
        .optional();
  }

  /** Oldest first. */
  List<String> findIdsByStatus(EventStatus status, int limit) {
    return jdbc.sql("select id from pco_partner_center_event where status = ? order by received_at, id fetch first "
            + limit + " rows only")
        .param(status.name())
        .query(String.class)
        .list();
  }

  /**
   * Counts an attempt on a {@link EventStatus#PENDING} event and locks it until the transaction ends; a
   * concurrent attempt waits and then finds it no longer pending.
   *
   * @return whether the event was pending (and is now held by this transaction)
   */
  boolean claim(String id) {
    return jdbc.sql("update pco_partner_center_event set attempts = attempts + 1 where id = ? and status = 'PENDING'")
        .param(id)
        .update() == 1;
  }

  void complete(String id, CorrelationResult result, OffsetDateTime now) {
    jdbc.sql("update pco_partner_center_event set status = ?, last_error = ?, correlated_at = ? where id = ?")
        .params(result.status().name(),
            result.status() == EventStatus.CORRELATED ? null : truncate(result.detail()),
            result.status() == EventStatus.PENDING ? null : now,
            id)
        .update();
  }

  /** Records a failed attempt of a still pending event (the attempt's transaction was rolled back). */
  void recordFailure(String id, String error) {
    jdbc.sql("update pco_partner_center_event set attempts = attempts + 1, last_error = ? where id = ? and status = 'PENDING'")
        .params(truncate(error), id)
        .update();
  }

  private static InboxEvent event(ResultSet rs, int row) throws SQLException {
    return new InboxEvent(
        rs.getString("id"),
        rs.getString("event_name"),
        rs.getString("resource_uri"),
        rs.getString("resource_name"),
        rs.getString("audit_uri"),
        rs.getString("resource_change_utc_date"),
        rs.getObject("received_at", OffsetDateTime.class),
        EventStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getObject("correlated_at", OffsetDateTime.class));
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
  }
}
