package io.partnerchannel.orchestrator.events;

import io.partnerchannel.orchestrator.web.FieldError;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes two deliveries of a Partner Center event the same event: its name, the resource (the
 * {@code ResourceUri}'s path and query; scheme and host ignored, so {@code https://API.partnercenter.microsoft.com/v1/customers/x},
 * {@code http://api.partnercenter.microsoft.com/v1/customers/x} and {@code /v1/customers/x} are one resource) and
 * the instant of {@code ResourceChangeUtcDate} ({@code 2017-11-16T16:19:06.3520276+00:00} and
 * {@code 2017-11-16T16:19:06.352027600Z} are one instant; a date-time without offset is UTC). Partner Center
 * sends the URI absolute and the date with an offset ("Partner Center webhook events",
 * https://learn.microsoft.com/partner-center/developer/partner-center-webhook-events); a retried delivery
 * may be formatted otherwise.
 *
 * @param eventName the event name as sent (trimmed)
 * @param resource the resource's path, with its query when it has one
 * @param changedAt when the resource changed
 */
record EventDeliveryIdentity(String eventName, String resource, Instant changedAt) {

  /**
   * @param event a webhook body whose required fields are present
   * @return its identity
   * @throws InvalidFieldsException 400 naming {@code ResourceUri} or {@code ResourceChangeUtcDate} when it
   *     cannot be read
   */
  static EventDeliveryIdentity of(PartnerCenterEvent event) {
    List<FieldError> errors = new ArrayList<>();
    // the DAP events carry ResourceUri null or none at all (partner-center-webhook-events): no resource
    String resource = event.resourceUri() == null || event.resourceUri().isBlank() ? "" : resource(event.resourceUri().trim());
    if (resource == null) {
      errors.add(new FieldError("ResourceUri", "must be a URI or a path"));
    }
    Instant changedAt = instant(event.resourceChangeUtcDate().trim());
    if (changedAt == null) {
      errors.add(new FieldError("ResourceChangeUtcDate", "must be an ISO-8601 date-time, e.g. 2017-11-16T16:19:06.3520276+00:00"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException(errors);
    }
    return new EventDeliveryIdentity(event.eventName().trim(), resource, changedAt);
  }

  /** @return the key stored with the event, unique per delivery identity */
  String key() {
    return eventName + " " + resource + " " + changedAt;
  }

  private static String resource(String uri) {
    try {
      URI parsed = new URI(uri);
      String path = parsed.getPath();
      if (path == null || path.isEmpty() || parsed.isOpaque()) {
        return null;
      }
      String normalized = (path.startsWith("/") ? path : "/" + path);
      return parsed.getRawQuery() == null ? normalized : normalized + "?" + parsed.getRawQuery();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static Instant instant(String date) {
    try {
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(date);
      if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
        return Instant.from(parsed);
      }
      return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
