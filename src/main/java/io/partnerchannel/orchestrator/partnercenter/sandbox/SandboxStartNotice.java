package io.partnerchannel.orchestrator.partnercenter.sandbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Sandbox mode: says at start that the built-in sandbox runs and where it listens. Its demo users' passwords
 * are published, so the sandbox profile binds the loopback address unless {@code server.address} is set
 * explicitly (application-sandbox.yaml).
 */
@Component
@SandboxConfiguration
class SandboxStartNotice {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxStartNotice.class);

  private final Environment environment;

  /** @param environment reads {@code server.address} */
  public SandboxStartNotice(Environment environment) {
    this.environment = environment;
  }

  /**
   * Logs the start line once the main web server listens.
   *
   * @param event the web server's start
   */
  @EventListener
  public void started(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() != null) {
      return;
    }
    LOG.warn(line(environment.getProperty("server.address"), event.getWebServer().getPort()));
  }

  /**
   * @param address {@code server.address}, may be null (every interface)
   * @param port the bound port
   * @return the start line
   */
  static String line(String address, int port) {
    if (isLoopback(address)) {
      return "Sandbox mode (built-in Partner Center emulator, demo users with the passwords published in"
        + " docs/security.md):"
          + " listening on " + address + ":" + port + " only (loopback); set server.address to listen elsewhere";
    }
    return "Sandbox mode (built-in Partner Center emulator, demo users with the passwords published in"
        + " docs/security.md):"
        + " listening on " + (address == null ? "every interface" : address) + ":" + port
        + " because server.address is set; anyone who reaches it can sign in as a demo user";
  }

  private static boolean isLoopback(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
