package io.partnerchannel.orchestrator.events;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the path of an event's {@code ResourceUri}, which Partner Center sends relative or absolute. */
public final class ResourceUris {

  /** The GDAP events' resource: {@code .../granularAdminRelationships/{relationship id}}. */
  private static final Pattern GDAP_RELATIONSHIP =
      Pattern.compile("/granularAdminRelationships/([^/?#]+)/?$", Pattern.CASE_INSENSITIVE);

  private ResourceUris() {}

  /**
   * @param resourceUri a GDAP event's {@code ResourceUri}, absolute or relative
   * @return the GDAP relationship id it names, or empty when it names none
   */
  public static Optional<String> gdapRelationshipId(String resourceUri) {
    Matcher matcher = GDAP_RELATIONSHIP.matcher(path(resourceUri));
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

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
