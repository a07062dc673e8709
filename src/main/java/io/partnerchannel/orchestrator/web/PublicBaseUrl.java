package io.partnerchannel.orchestrator.web;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The base of links shown to people (in e-mails, on pages): {@code pco.public-base-url}, by default
 * {@code http://localhost:<port>}. Resolved at call time, because the port actually bound
 * ({@code local.server.port}) is known only once the web server has started.
 */
@Component
public class PublicBaseUrl {

  /** Property naming the public base URL. */
  public static final String PROPERTY = "pco.public-base-url";
  private static final String DEFAULT = "http://localhost:${local.server.port:${server.port:8080}}";

  private final Environment environment;

  /** @param environment resolves the property and the port */
  public PublicBaseUrl(Environment environment) {
    this.environment = environment;
  }

  /** @return the base URL without a trailing slash, e.g. {@code http://localhost:8080} */
  public String get() {
    String base = environment.getProperty(PROPERTY, environment.resolvePlaceholders(DEFAULT));
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /**
   * @param path a path below the base, e.g. {@code /api/invitations/{id}}
   * @param uriVariables values of the path's template variables
   * @return the absolute link
   */
  public String link(String path, Object... uriVariables) {
    return UriComponentsBuilder.fromUriString(get()).path(path).buildAndExpand(uriVariables).toUriString();
  }
}
