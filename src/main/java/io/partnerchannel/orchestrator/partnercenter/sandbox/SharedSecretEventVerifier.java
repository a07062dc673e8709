package io.partnerchannel.orchestrator.partnercenter.sandbox;

import io.partnerchannel.orchestrator.security.PartnerCenterEventVerifier;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;

/** Sandbox mode: an event is verified when it carries the {@link EventSharedSecret} in its header. */
@Component
@SandboxConfiguration
public class SharedSecretEventVerifier implements PartnerCenterEventVerifier {

  private final EventSharedSecret secret;

  /** @param secret the secret shared with the sandbox's event delivery */
  public SharedSecretEventVerifier(EventSharedSecret secret) {
    this.secret = secret;
  }

  @Override
  public void verify(HttpHeaders headers, byte[] body) {
    if (!secret.matches(headers.getFirst(EventSharedSecret.HEADER))) {
      throw new BadCredentialsException("the event does not carry the sandbox's shared secret in " + EventSharedSecret.HEADER);
    }
  }
}
