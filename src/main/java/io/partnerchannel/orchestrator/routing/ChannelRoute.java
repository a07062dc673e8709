package io.partnerchannel.orchestrator.routing;

/**
 * Outputs {@code route} of the decision {@code ChannelTransition}: how a subscription bought elsewhere comes
 * to this partner (the seeds' table, R1-R5b, R21).
 */
public enum ChannelRoute {
  /** License-based, multi-channel: request a reseller relationship (R2). */
  RELATIONSHIP_REQUEST(null),
  /** Usage-based from Advisor, Open or EA: {@code AzureCancelAndRecreateMigration} (R3). */
  CANCEL_AND_RECREATE("AzureCancelAndRecreateMigration"),
  /** Usage-based from another CSP partner: {@code AzurePartnerSwitch} (R4). */
  PARTNER_SWITCH("AzurePartnerSwitch"),
  /** License-based from another CSP partner, 2020 rules: {@code LicenseSubscriptionTransition} waits (R5). */
  WAIT_FOR_TERM_END("LicenseSubscriptionTransition"),
  /** License-based from another CSP partner, new commerce: {@code LicenseSubscriptionTransition} transfers (R5b). */
  PARTNER_TRANSFER("LicenseSubscriptionTransition"),
  /** No path; the decision's {@code reason} says why. */
  NOT_SUPPORTED(null);

  private final String processKey;

  ChannelRoute(String processKey) {
    this.processKey = processKey;
  }

  /** @return the process the onboarding calls for this route, null when it calls none per subscription */
  public String processKey() {
    return processKey;
  }

  /** @return whether the route needs a reseller relationship with the customer (every route but NOT_SUPPORTED) */
  public boolean needsRelationship() {
    return this != NOT_SUPPORTED;
  }
}
