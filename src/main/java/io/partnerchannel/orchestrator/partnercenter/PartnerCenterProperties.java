package io.partnerchannel.orchestrator.partnercenter;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which Partner Center the application talks to and how ({@code pco.partner-center.*}); docs/going-live.md
 * names every setting.
 *
 * @param mode {@code sandbox} (set by the Spring profile {@code sandbox}) or {@code partner-center}; there is no
 *     default ({@link PartnerCenterModeCheck})
 * @param clientId partner-center mode: the application (client) id of the partner's Entra ID app registration
 * @param clientSecret partner-center mode: a client secret of that app registration
 * @param tokenEncryptionKey partner-center mode: the key the stored refresh token is encrypted with (AES-256-GCM;
 *     at least 32 characters, kept outside the database)
 * @param authority the Entra ID endpoints' base, {@code <authority>/authorize} and {@code <authority>/token};
 *     unset = {@code <cloud login host>/<pco.partner.tenant-id>/oauth2/v2.0}
 * @param tokenRefreshMargin an access token is renewed this long before it expires (default 5 minutes)
 * @param connectTimeout time to open a connection to Partner Center or Graph (default 10 s)
 * @param readTimeout the longest wait for data on an open connection (default 60 s); a timeout fails the job, which
 *     the engine retries
 * @param throttling how {@code 429} / {@code 503} answers are waited out before the job's retry cycle takes over
 * @param maxPages the most pages one listing follows; a listing with more fails loudly (default 100)
 * @param webhook the webhook registration (partner-center mode)
 * @param apiBaseUrl the Partner Center REST base URL (without {@code /v1}); unset = the cloud's
 *     ({@link PartnerCenterCloud}); a path such as {@code /sandbox} (the sandbox profile's) is on this application,
 *     resolved by {@link PartnerCenterEndpoints} at call time, when its port is known
 * @param graphBaseUrl the Microsoft Graph base URL (with {@code /v1.0}); unset = the cloud's; a path is on this
 *     application, as for {@code apiBaseUrl}
 */
@ConfigurationProperties("pco.partner-center")
public record PartnerCenterProperties(
    Mode mode,
    String clientId,
    String clientSecret,
    String tokenEncryptionKey,
    String authority,
    @DefaultValue("PT5M") Duration tokenRefreshMargin,
    @DefaultValue("PT10S") Duration connectTimeout,
    @DefaultValue("PT60S") Duration readTimeout,
    @DefaultValue Throttling throttling,
    @DefaultValue("100") int maxPages,
    @DefaultValue Webhook webhook,
    String apiBaseUrl,
    String graphBaseUrl) {

  /** Property values of {@code pco.partner-center.mode}. */
  public enum Mode {
    /** The built-in sandbox emulator. */
    SANDBOX,
    /** Microsoft Partner Center and Microsoft Graph. */
    PARTNER_CENTER
  }

  /**
   * {@code pco.partner-center.throttling.*}: a throttled ({@code 429}) or unavailable ({@code 503}) answer is
   * retried in the same job after its {@code Retry-After}, a bounded number of times; then the job fails and
   * the engine's retry cycle takes over (finally an incident).
   *
   * @param attempts calls in total, the first included (default 3)
   * @param maxWait the longest {@code Retry-After} waited out in the job (default 30 s); a longer one fails the
   *     job at once, to be retried by the engine
   * @param defaultWait the wait when the answer names none (default 2 s)
   */
  public record Throttling(
      @DefaultValue("3") int attempts,
      @DefaultValue("PT30S") Duration maxWait,
      @DefaultValue("PT2S") Duration defaultWait) {}

  /**
   * {@code pco.partner-center.webhook.*}: the application's webhook registration with Partner Center
   * ({@code /webhooks/v1/registration}, partner-center mode).
   *
   * @param register whether the application registers its webhook at start and after consent (default true)
   * @param events the events registered: those the processes wait for (their correlators in {@code events} and
   *     {@code migration})
   */
  public record Webhook(
      @DefaultValue("true") boolean register,
      @DefaultValue({
          "reseller-relationship-accepted-by-customer",
          "indirect-reseller-relationship-accepted-by-customer",
          "granular-admin-relationship-approved",
          "subscription-updated"}) List<String> events) {}
}
