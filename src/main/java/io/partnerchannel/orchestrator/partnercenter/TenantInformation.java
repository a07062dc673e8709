package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What Microsoft Graph tells about any tenant by id ({@code GET
 * /tenantRelationships/findTenantInformationByTenantId(tenantId='{id}')}, resource {@code tenantInformation}):
 * enough to address an organization that is not yet a customer.
 *
 * @param tenantId the tenant id
 * @param displayName the organization's name
 * @param defaultDomainName its default domain, e.g. {@code contoso.onmicrosoft.com}
 * @param federationBrandName its brand name, may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantInformation(String tenantId, String displayName, String defaultDomainName, String federationBrandName) {}
