package io.partnerchannel.orchestrator.migration;

import io.partnerchannel.orchestrator.invitation.InvitationConstraints;
import io.partnerchannel.orchestrator.routing.OnboardingRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The start of a migration process ({@code AzureCancelAndRecreateMigration}, {@code AzurePartnerSwitch},
 * {@code LicenseSubscriptionTransition}), whether the onboarding calls it or someone starts it directly, read from
 * its start variables and checked at the gate ({@link io.partnerchannel.orchestrator.web.ValidationGate}) by
 * {@link ValidateMigrationStartListener}.
 *
 * @param customerTenantId the customer's tenant id (GUID)
 * @param subscriptionId the subscription to migrate ({@code oldSubscriptionId} of the cancel-and-recreate migration,
 *     {@code subscriptionId} of the others), at most 64 characters
 * @param ruleSet {@code 2020} or {@code NEW_COMMERCE}; required by the license transition
 *     ({@link LicenseTransition}) only
 * @param boughtFrom where a license subscription was bought, {@code CSP_PARTNER} or {@code THIRD_PARTY_NON_CSP};
 *     checked for the license transition only, null there means {@code CSP_PARTNER}
 */
record MigrationStartRequest(
    @NotNull(message = TENANT_ID) @Pattern(regexp = InvitationConstraints.GUID_PATTERN, message = TENANT_ID)
        String customerTenantId,
    @NotNull(message = SUBSCRIPTION) @Size(max = 64, message = SUBSCRIPTION) String subscriptionId,
    @NotNull(groups = LicenseTransition.class, message = RULE_SET)
        @Pattern(groups = LicenseTransition.class, regexp = OnboardingRequest.RULE_SETS, message = RULE_SET)
        String ruleSet,
    @Pattern(groups = LicenseTransition.class, regexp = CSP_PARTNER + "|" + THIRD_PARTY_NON_CSP,
            message = "must be one of [" + CSP_PARTNER + ", " + THIRD_PARTY_NON_CSP + "]")
        String boughtFrom) {

  /** A license subscription bought from another CSP partner: the default of {@code boughtFrom}. */
  static final String CSP_PARTNER = "CSP_PARTNER";
  /** A license subscription bought from a third party outside CSP. */
  static final String THIRD_PARTY_NON_CSP = "THIRD_PARTY_NON_CSP";
  static final String TENANT_ID = "must be a tenant id (GUID)";
  static final String SUBSCRIPTION = "must name the subscription (at most 64 characters)";
  static final String RULE_SET = "must be one of 2020, NEW_COMMERCE";

  /** Validation group of the rules only {@code LicenseSubscriptionTransition} has. */
  interface LicenseTransition {}
}
