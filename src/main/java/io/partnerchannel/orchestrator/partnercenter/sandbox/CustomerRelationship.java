package io.partnerchannel.orchestrator.partnercenter.sandbox;

import java.time.OffsetDateTime;

/**
 * A customer's relationship with one partner, as {@code Customer.relationshipToPartner} shows it to that partner.
 *
 * @param customerTenantId the customer
 * @param partnerId the partner
 * @param relationshipToPartner {@code reseller}, {@code advisor}, ...
 * @param allowDelegatedAccess whether DAP was granted
 * @param associatedPartnerId the indirect reseller associated with the customer, or null
 * @param establishedAt when the relationship was established
 */
public record CustomerRelationship(
    String customerTenantId,
    String partnerId,
    String relationshipToPartner,
    boolean allowDelegatedAccess,
    String associatedPartnerId,
    OffsetDateTime establishedAt) {}
