package io.partnerchannel.orchestrator.invitation;

import io.partnerchannel.orchestrator.partnercenter.TenantKind;

/**
 * What "Look up customer tenant" found for the eligibility decision.
 *
 * @param partnerName the operating partner's company name (legal business profile)
 * @param customerTenantId the tenant that owns the domain, null when none does
 * @param alreadyRelated the customer is already our reseller customer
 * @param initiatorType what kind of partner the operating partner is (R13); null when already related
 * @param indirectProviders the active indirect providers' names joined by " or ", for an indirect reseller; else null
 * @param tenantKind the tenant's kind (R6, {@link TenantKinds}); null when already related
 * @param sameRegion the customer's country is in the partner's CSP region (R9); false when already related
 */
record CustomerTenantFacts(
    String partnerName,
    String customerTenantId,
    boolean alreadyRelated,
    InitiatorType initiatorType,
    String indirectProviders,
    TenantKind tenantKind,
    boolean sameRegion) {}
