package io.partnerchannel.orchestrator.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of a Partner Center webhook callback (A16), property names exactly as Partner Center sends them.
 * A delivery is identified by event name, resource and change time: Partner Center (and the sandbox)
 * retry a delivery that was not answered 2xx, with the same three values.
 *
 * @param eventName e.g. {@code reseller-relationship-accepted-by-customer}; required
 * @param resourceUri the changed resource, e.g. {@code /v1/customers/{customerTenantId}} or
 *     {@code /granularAdminRelationships/{relationshipId}}; required
 * @param resourceName e.g. {@code customer}
 * @param auditUri the audit record of the change
 * @param resourceChangeUtcDate when the resource changed, ISO-8601 UTC as sent; required
 */
public record PartnerCenterEvent(
    @JsonProperty("EventName") @NotBlank @Size(max = 100) String eventName,
    @JsonProperty("ResourceUri") @NotBlank @Size(max = 500) String resourceUri,
    @JsonProperty("ResourceName") @Size(max = 100) String resourceName,
    @JsonProperty("AuditUri") @Size(max = 1000) String auditUri,
    @JsonProperty("ResourceChangeUtcDate") @NotBlank @Size(max = 64) String resourceChangeUtcDate) {}
