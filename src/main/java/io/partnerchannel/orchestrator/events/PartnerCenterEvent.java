package io.partnerchannel.orchestrator.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of a Partner Center webhook callback (A16, partner-center-webhook-events), property names exactly
 * as Partner Center sends them; unknown properties are ignored.
 * A delivery is identified by event name, resource and change time: Partner Center (and the sandbox)
 * retry a delivery that was not answered 2xx, with the same three values.
 *
 * @param eventName e.g. {@code reseller-relationship-accepted-by-customer}; required
 * @param resourceUri the changed resource as documented, absolute (e.g.
 *     {@code https://api.partnercenter.microsoft.com/v1/customers/{customerTenantId}},
 *     {@code https://partner.microsoft.com/granularAdminRelationships/{relationshipId}}) or relative;
 *     {@code null} or absent for the DAP events ({@code dap-admin-relationship-*}: "NA Not available")
 * @param resourceName as documented, e.g. {@code Customer}, {@code GranularAdminRelationship},
 *     {@code PartnerCustomerDap}, {@code subscription}; not interpreted
 * @param auditUri the audit record of the change
 * @param resourceChangeUtcDate when the resource changed, ISO-8601 UTC as sent; required
 */
public record PartnerCenterEvent(
    @JsonProperty("EventName") @NotBlank @Size(max = 100) String eventName,
    @JsonProperty("ResourceUri") @Size(max = 500) String resourceUri,
    @JsonProperty("ResourceName") @Size(max = 100) String resourceName,
    @JsonProperty("AuditUri") @Size(max = 1000) String auditUri,
    @JsonProperty("ResourceChangeUtcDate") @NotBlank @Size(max = 64) String resourceChangeUtcDate) {}
