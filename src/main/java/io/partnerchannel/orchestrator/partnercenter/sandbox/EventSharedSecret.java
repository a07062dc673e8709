package io.partnerchannel.orchestrator.partnercenter.sandbox;

import io.partnerchannel.orchestrator.security.EventVerificationProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sandbox mode: the secret shared by the sandbox's event delivery (which sends it in {@value #HEADER}) and
 * the event endpoint (which accepts an event only with it). It is {@code pco.events.shared-secret}, or,
 * when that is unset, a random value generated at start and known only to this process.
 */
@Component
@SandboxConfiguration
public class EventSharedSecret {

  /** The request header that carries the secret. */
  public static final String HEADER = "X-Pco-Event-Secret";

  private static final Logger LOG = LoggerFactory.getLogger(EventSharedSecret.class);

  private final byte[] secret;

  /** @param properties {@code pco.events.*} */
  public EventSharedSecret(EventVerificationProperties properties) {
    String configured = properties.sharedSecret();
    if (configured == null || configured.isBlank()) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      configured = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      LOG.info("Sandbox events are verified with a generated shared secret; set pco.events.shared-secret to post"
          + " events to /api/partner-center/events by hand (header {})", HEADER);
    }
    this.secret = configured.getBytes(StandardCharsets.UTF_8);
  }

  /** @return the value to send in {@value #HEADER} */
  public String value() {
    return new String(secret, StandardCharsets.UTF_8);
  }

  /**
   * @param candidate the header's value, may be null
   * @return whether it is the secret (compared in constant time)
   */
  public boolean matches(String candidate) {
    return candidate != null && MessageDigest.isEqual(secret, candidate.getBytes(StandardCharsets.UTF_8));
  }
}
