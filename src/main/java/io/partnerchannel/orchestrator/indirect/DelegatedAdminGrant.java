package io.partnerchannel.orchestrator.indirect;

import java.time.Instant;

/**
 * A customer's grant of delegated admin privileges to an indirect reseller other than its associated one
 * (R13, last bullet), recorded for an established indirect invitation. It changes neither who owns the
 * reseller relationship (the indirect provider) nor the customer's associated reseller.
 *
 * @param invitationId the indirect invitation (process instance) that established the relationship
 * @param customerTenantId the customer
 * @param resellerTenantId the reseller the customer granted delegated admin privileges to
 * @param resellerName its name in Partner Center
 * @param recordedBy the user who recorded the grant, may be null
 * @param recordedAt when it was recorded
 */
record DelegatedAdminGrant(
    String invitationId,
    String customerTenantId,
    String resellerTenantId,
    String resellerName,
    String recordedBy,
    Instant recordedAt) {}
