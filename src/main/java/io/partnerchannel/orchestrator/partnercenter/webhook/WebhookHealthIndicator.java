package io.partnerchannel.orchestrator.partnercenter.webhook;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenterModeCheck;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * partner-center mode: {@code /actuator/health} component {@code partnerCenterWebhook}: UP when the webhook
 * registration was confirmed, DOWN with the reason otherwise; details: URL, events, when, the last event received.
 */
@Component("partnerCenterWebhook")
@Profile("!" + PartnerCenterModeCheck.SANDBOX_PROFILE)
class WebhookHealthIndicator implements HealthIndicator {

  private final WebhookRegistration registration;

  /** @param registration the recorded registration */
  public WebhookHealthIndicator(WebhookRegistration registration) {
    this.registration = registration;
  }

  @Override
  public Health health() {
    WebhookRegistration.State state = registration.state();
    Health.Builder health = state.registered() ? Health.up() : Health.down();
    health.withDetail("registered", state.registered());
    if (state.webhookUrl() != null) {
      health.withDetail("webhookUrl", state.webhookUrl()).withDetail("events", state.events())
          .withDetail("registeredAt", String.valueOf(state.registeredAt()));
    }
    if (state.problem() != null) {
      health.withDetail("problem", state.problem());
    }
    health.withDetail("lastEventReceived", state.lastEventName() == null ? "none"
        : state.lastEventName() + " at " + state.lastEventAt());
    return health.build();
  }
}
