package io.partnerchannel.orchestrator.partnercenter.signin;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenterModeCheck;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * partner-center mode: {@code /actuator/health} component {@code partnerCenterSignIn}: UP while a sign-in is stored,
 * DOWN before the first sign-in and after Entra ID refused the refresh token, with the state and what to do.
 */
@Component("partnerCenterSignIn")
@Profile("!" + PartnerCenterModeCheck.SANDBOX_PROFILE)
class SignInHealthIndicator implements HealthIndicator {

  private final StoredSignIn signIn;

  /** @param signIn the stored consent */
  public SignInHealthIndicator(StoredSignIn signIn) {
    this.signIn = signIn;
  }

  @Override
  public Health health() {
    SignInState state = signIn.state(SignInConfiguration.PARTNER_CENTER);
    Health.Builder health = state.status() == SignInState.Status.SIGNED_IN ? Health.up() : Health.down();
    health.withDetail("tokenState", state.status().name());
    if (state.consentedBy() != null) {
      health.withDetail("signedInBy", state.consentedBy()).withDetail("signedInAt", state.consentedAt().toString());
    }
    if (state.refreshedAt() != null) {
      health.withDetail("lastRefresh", state.refreshedAt().toString());
    }
    if (state.status() == SignInState.Status.NOT_SIGNED_IN) {
      health.withDetail("action", "A partner Global admin signs in at " + signIn.signInPage());
    } else if (state.problem() != null) {
      health.withDetail("action", state.problem());
    }
    return health.build();
  }
}
