package io.partnerchannel.orchestrator.partnercenter.sandbox;

/**
 * A CSP partner of the sandbox world.
 *
 * @param id the partner's tenant id
 * @param name company name
 * @param partnerType {@code DIRECT_BILL}, {@code INDIRECT_PROVIDER} or {@code INDIRECT_RESELLER}
 * @param mpnId MPN (PLA) id
 * @param location e.g. {@code Milano, IT}
 * @param cloud {@code GLOBAL}, {@code US_GOVERNMENT} or {@code 21VIANET}
 * @param legalBusinessProfile the Partner Center {@code LegalBusinessProfile} resource as JSON
 */
public record SandboxPartner(
    String id,
    String name,
    String partnerType,
    String mpnId,
    String location,
    String cloud,
    String legalBusinessProfile) {}
