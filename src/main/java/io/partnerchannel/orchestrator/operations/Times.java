package io.partnerchannel.orchestrator.operations;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the case pages and the export write a point in time: {@code 2026-12-06 08:51:00}, UTC. */
final class Times {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private Times() {}

  /**
   * @param instant a point in time, may be null
   * @return it in UTC, empty for null
   */
  static String text(Instant instant) {
    return instant == null ? "" : FORMAT.format(instant);
  }
}
