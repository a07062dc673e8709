package io.partnerchannel.orchestrator.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This application's own HTTP address, {@code http://localhost:<port>}: the port the web server actually bound
 * once it has started (a random port in tests), before that {@code server.port} (default 8080). Settings that
 * may point at the application itself (the sandbox's Partner Center base URLs, its webhook URL, the public base
 * URL) are resolved against it at call time: a relative value such as {@code /sandbox} means "on this
 * application".
 */
@Component
public class LocalServer {

  private static final int DEFAULT_PORT = 8080;

  private final ObjectProvider<ServerProperties> server;
  private volatile Integer boundPort;

  /** @param server {@code server.port}, the port before the web server has started (absent: 8080) */
  public LocalServer(ObjectProvider<ServerProperties> server) {
    this.server = server;
  }

  @EventListener
  void started(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) {
      boundPort = event.getWebServer().getPort();
    }
  }

  /** @return {@code http://localhost:<port>}, without a trailing slash */
  public String url() {
    return "http://localhost:" + port();
  }

  /**
   * @param url an absolute URL, or a path starting with {@code /} on this application
   * @return {@code url} when absolute, else {@link #url()} followed by it; never with a trailing slash
   */
  public String resolve(String url) {
    String absolute = url.startsWith("/") ? url() + url : url;
    return absolute.endsWith("/") ? absolute.substring(0, absolute.length() - 1) : absolute;
  }

  private int port() {
    Integer bound = boundPort;
    if (bound != null) {
      return bound;
    }
    ServerProperties properties = server.getIfAvailable();
    return properties == null || properties.getPort() == null ? DEFAULT_PORT : properties.getPort();
  }
}
