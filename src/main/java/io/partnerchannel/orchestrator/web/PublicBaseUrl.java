package io.partnerchannel.orchestrator.web;

import io.partnerchannel.orchestrator.system.LocalServer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The base of links shown to people (in e-mails, on pages): {@code pco.public-base-url}, by default
 * {@code http://localhost:<port>} ({@link LocalServer}), resolved at call time, because the port actually bound is
 * known only once the web server has started.
 */
@Component
public class PublicBaseUrl {

  /** Property naming the public base URL. */
  public static final String PROPERTY = "pco.public-base-url";

  private final String configured;
  private final LocalServer localServer;

  /**
   * @param properties {@code pco.public-base-url}
   * @param localServer this application's address, the default
   */
  public PublicBaseUrl(WebProperties properties, LocalServer localServer) {
    this.configured = properties.publicBaseUrl();
    this.localServer = localServer;
  }

  /** @return the base URL without a trailing slash, e.g. {@code http://localhost:8080} */
  public String get() {
    return localServer.resolve(configured == null ? localServer.url() : configured);
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
