package io.partnerchannel.orchestrator.partnercenter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which Partner Center the application talks to ({@code pco.partner-center.*}).
 *
 * <p>The base URLs {@code pco.partner-center.api-base-url} and {@code pco.partner-center.graph-base-url}
 * are deliberately not bound here: their defaults point at this application's own port
 * ({@code ${local.server.port}}), which is only known once the web server has started, so the REST adapter
 * resolves them through the {@code Environment} at call time.
 *
 * @param mode {@code sandbox} (default: the built-in emulator under {@code /sandbox}) or {@code partner-center}
 * @param accessToken in {@code partner-center} mode, the bearer token sent to Partner Center and Graph.
 *     OAuth2 token acquisition is not implemented yet: supply a valid App+User token here. Unused in
 *     {@code sandbox} mode, where the bearer token is the operating partner's tenant id.
 */
@ConfigurationProperties("pco.partner-center")
public record PartnerCenterProperties(@DefaultValue("sandbox") Mode mode, String accessToken) {

  /** Property values of {@code pco.partner-center.mode}. */
  public enum Mode {
    /** The built-in sandbox emulator. */
    SANDBOX,
    /** Microsoft Partner Center and Microsoft Graph. */
    PARTNER_CENTER
  }

  /** @return whether the built-in sandbox answers */
  public boolean isSandbox() {
    return mode == Mode.SANDBOX;
  }
}
