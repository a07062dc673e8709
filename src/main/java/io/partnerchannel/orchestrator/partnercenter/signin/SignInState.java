package io.partnerchannel.orchestrator.partnercenter.signin;

import java.time.Instant;

/**
 * What the application knows of a partner admin's consent for one OAuth2 client registration.
 *
 * @param status {@link Status}
 * @param consentedBy the orchestrator user who signed in, or null
 * @param consentedAt when, or null
 * @param refreshedAt when the refresh token was last used, or null
 * @param problem what went wrong and what to do, or null
 */
record SignInState(Status status, String consentedBy, Instant consentedAt, Instant refreshedAt, String problem) {

  /** The consent's states. */
  public enum Status {
    /** Nobody has signed in yet. */
    NOT_SIGNED_IN,
    /** A refresh token is stored. */
    SIGNED_IN,
    /** Entra ID refused the refresh token (revoked, or expired after 90 days unused): sign in again. */
    REVOKED
  }

  static SignInState notSignedIn() {
    return new SignInState(Status.NOT_SIGNED_IN, null, null, null, null);
  }
}
