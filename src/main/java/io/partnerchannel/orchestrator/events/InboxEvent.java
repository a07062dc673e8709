package io.partnerchannel.orchestrator.events;

import java.time.OffsetDateTime;

/**
 * A Partner Center event as stored in the inbox ({@code pco_partner_center_event}).
 *
 * @param id inbox id (UUID)
 * @param eventName Partner Center event name
 * @param resourceUri the changed resource
 * @param resourceName the resource's kind, may be null
 * @param auditUri the audit record, may be null
 * @param resourceChangeUtcDate the change time as received
 * @param receivedAt when the endpoint stored it (UTC)
 * @param status where it stands
 * @param attempts correlation attempts so far
 * @param lastError why the last attempt did not correlate it, or why it is ignored; null when correlated first time
 * @param correlatedAt when it was correlated or ignored (UTC), or null
 */
public record InboxEvent(
    String id,
    String eventName,
    String resourceUri,
    String resourceName,
    String auditUri,
    String resourceChangeUtcDate,
    OffsetDateTime receivedAt,
    EventStatus status,
    int attempts,
    String lastError,
    OffsetDateTime correlatedAt) {}
