package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The sandbox's webhook delivery queue ({@code sbx_event_delivery}): events raised by the sandbox admin
 * center wait here, with their exact body, until {@link SandboxEventDelivery} has POSTed them to the
 * application with a 2xx answer. Every queued event is also announced as a {@link Queued} application event,
 * on which {@link SandboxEventDelivery} sends it as soon as the enqueuing transaction has committed.
 */
@Repository
@SandboxConfiguration
class SandboxEventQueue {

  /** Status of an event still to deliver. */
  public static final String PENDING = "PENDING";
  /** Status of an event the endpoint acknowledged. */
  public static final String DELIVERED = "DELIVERED";

  private final JdbcClient jdbc;
  private final ObjectMapper objectMapper;
  private final ApplicationEventPublisher publisher;

  /**
   * @param jdbc JDBC access
   * @param objectMapper writes the event bodies
   * @param publisher announces each queued event ({@link Queued})
   */
  public SandboxEventQueue(
      @SandboxDatabase JdbcClient jdbc, ObjectMapper objectMapper, ApplicationEventPublisher publisher) {
    this.jdbc = jdbc;
    this.objectMapper = objectMapper;
    this.publisher = publisher;
  }

  /**
   * Queues an event for delivery, due now, and announces it ({@link Queued}) in the caller's thread. Joins the
   * caller's transaction, so the event exists exactly when the change that raised it does.
   *
   * @param eventName e.g. {@code reseller-relationship-accepted-by-customer}
   * @param resourceUri e.g. {@code /v1/customers/{customerTenantId}}
   * @param resourceName e.g. {@code customer}
   * @return the queued event
   */
  public SandboxEvent enqueue(String eventName, String resourceUri, String resourceName) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    SandboxEvent event = new SandboxEvent(eventName, resourceUri, resourceName, null, now);
    String body;
    try {
      body = objectMapper.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write event " + event, e);
    }
    KeyHolder id = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into sbx_event_delivery (event_name, resource_uri, resource_name, resource_change_utc_date,
                                            body, status, attempts, next_attempt_at, created_at)
            values (?, ?, ?, ?, ?, ?, 0, ?, ?)""")
        .params(eventName, resourceUri, resourceName, now, body, PENDING, now, now)
        .update(id, "id");
    publisher.publishEvent(
        new Queued(new Delivery(id.getKey().longValue(), eventName, resourceUri, body, PENDING, 0, now, null)));
    return event;
  }

  /**
   * @param now the current time
   * @param limit at most this many
   * @return pending deliveries due at {@code now}, oldest first
   */
  public List<Delivery> due(OffsetDateTime now, int limit) {
    return jdbc.sql(
            """
            select * from sbx_event_delivery
             where status = ? and next_attempt_at <= ?
             order by id
             fetch first %d rows only""".formatted(limit))
        .params(PENDING, now)
        .query(DELIVERY)
        .list();
  }

  /**
   * @param eventName an event name, or null for every event
   * @return every queued or delivered event, oldest first
   */
  public List<Delivery> all(String eventName) {
    if (eventName == null) {
      return jdbc.sql("select * from sbx_event_delivery order by id").query(DELIVERY).list();
    }
    return jdbc.sql("select * from sbx_event_delivery where event_name = ? order by id")
        .param(eventName)
        .query(DELIVERY)
        .list();
  }

  /**
   * Claims a pending, due event for one delivery attempt by moving its next attempt to {@code until}; commits
   * at once unless the caller runs a transaction. Of concurrent claims (several nodes), exactly one wins:
   * the others find the event no longer due.
   *
   * @param id delivery id
   * @param now the current time
   * @param until when the event is due again should the attempt never report back
   * @return whether this caller holds the event now
   */
  public boolean claim(long id, OffsetDateTime now, OffsetDateTime until) {
    return jdbc.sql(
            """
            update sbx_event_delivery
               set next_attempt_at = ?
             where id = ? and status = ? and next_attempt_at <= ?""")
        .params(until, id, PENDING, now)
        .update() == 1;
  }

  /**
   * @param id delivery id
   * @param at when the endpoint acknowledged it
   */
  public void markDelivered(long id, OffsetDateTime at) {
    jdbc.sql(
            """
            update sbx_event_delivery
               set status = ?, attempts = attempts + 1, delivered_at = ?, last_error = null
             where id = ?""")
        .params(DELIVERED, at, id)
        .update();
  }

  /**
   * @param id delivery id
   * @param nextAttemptAt when to try again
   * @param error why this attempt failed (cut to 1000 characters)
   */
  public void markFailed(long id, OffsetDateTime nextAttemptAt, String error) {
    String lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    jdbc.sql(
            """
            update sbx_event_delivery
               set attempts = attempts + 1, next_attempt_at = ?, last_error = ?
             where id = ?""")
        .params(nextAttemptAt, lastError, id)
        .update();
  }

  private static final RowMapper<Delivery> DELIVERY =
      (rs, row) ->
          new Delivery(
              rs.getLong("id"),
              rs.getString("event_name"),
              rs.getString("resource_uri"),
              rs.getString("body"),
              rs.getString("status"),
              rs.getInt("attempts"),
              rs.getObject("next_attempt_at", OffsetDateTime.class),
              rs.getString("last_error"));

  /**
   * A queued event.
   *
   * @param id delivery id
   * @param eventName the event name
   * @param resourceUri the changed resource
   * @param body the exact JSON body POSTed on every attempt
   * @param status {@code PENDING} or {@code DELIVERED}
   * @param attempts attempts made so far
   * @param nextAttemptAt when the next attempt is due
   * @param lastError why the last attempt failed, or null
   */
  public record Delivery(
      long id,
      String eventName,
      String resourceUri,
      String body,
      String status,
      int attempts,
      OffsetDateTime nextAttemptAt,
      String lastError) {}

  /**
   * Application event: {@link #enqueue} has queued this event (in the caller's transaction, if it has one).
   *
   * @param delivery the event as queued: pending, no attempt yet, due now
   */
  public record Queued(Delivery delivery) {}
}
