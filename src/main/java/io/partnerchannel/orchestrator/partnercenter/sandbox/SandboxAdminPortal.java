package io.partnerchannel.orchestrator.partnercenter.sandbox;

import io.partnerchannel.orchestrator.partnercenter.CustomerAdminPortal;
import io.partnerchannel.orchestrator.web.PublicBaseUrl;
import org.springframework.stereotype.Component;

/** Sandbox mode: the sandbox's admin center, {@code <pco.public-base-url>/sandbox/admin-center}. */
@Component
@SandboxConfiguration
class SandboxAdminPortal implements CustomerAdminPortal {

  /** The admin center's path below the public base URL. */
  public static final String PATH = "/sandbox/admin-center";

  private final PublicBaseUrl publicBaseUrl;

  /** @param publicBaseUrl {@code pco.public-base-url} */
  public SandboxAdminPortal(PublicBaseUrl publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl;
  }

  @Override
  public String baseUrl() {
    return publicBaseUrl.get() + PATH;
  }
}
