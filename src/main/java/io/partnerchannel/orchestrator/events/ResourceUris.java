package io.partnerchannel.orchestrator.events;

import java.net.URI;

/** Reads the path of an event's {@code ResourceUri}, which Partner Center sends relative or absolute. */
public final class ResourceUris {

  private ResourceUris() {}

  /**
   * @param resourceUri an event's {@code ResourceUri}, absolute or relative
   * @return the path of {@code resourceUri}, or the text itself when it is no URI
   */
  public static String path(String resourceUri) {
    try {
      String path = URI.create(resourceUri.trim()).getPath();
      return path == null ? resourceUri : path;
    } catch (IllegalArgumentException e) {
      return resourceUri;
    }
  }
}
