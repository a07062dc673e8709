package io.partnerchannel.orchestrator.partnercenter.sandbox;

/**
 * A subscription of a sandbox tenant.
 *
 * @param id subscription id
 * @param customerTenantId the tenant that owns it
 * @param sellerPartnerId the CSP partner that provides it, null when bought outside CSP
 * @param channel where it was bought: {@code MICROSOFT_DIRECT}, {@code ADVISOR}, {@code OPEN}, {@code EA},
 *     {@code THIRD_PARTY_NON_CSP}, {@code CSP_PARTNER} or {@code 21VIANET}
 * @param document the Partner Center {@code Subscription} resource as JSON
 */
public record SandboxSubscription(
    String id, String customerTenantId, String sellerPartnerId, String channel, String document) {}
