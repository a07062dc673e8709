package io.partnerchannel.orchestrator.partnercenter.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's Microsoft Graph {@code tenantRelationship} functions {@code findTenantInformationByTenantId}
 * and {@code findTenantInformationByDomainName} ({@code GET
 * /sandbox/graph/v1.0/tenantRelationships/findTenantInformationBy...(...)}): name and default domain of any
 * organization of the sandbox world, customer of the caller or not, in the documented {@code tenantInformation}
 * shape (tenantrelationship-findtenantinformationbytenantid, -bydomainname).
 */
@RestController
@SandboxConfiguration
class SandboxTenantInformationController {

  private static final String PREFIX = "/sandbox/graph/v1.0/tenantRelationships/";

  private final SandboxDirectory directory;
  private final SandboxCallers callers;

  /**
   * @param directory the sandbox world
   * @param callers identifies the calling partner
   */
  public SandboxTenantInformationController(SandboxDirectory directory, SandboxCallers callers) {
    this.directory = directory;
    this.callers = callers;
  }

  /**
   * @param authorization bearer token
   * @param tenantId the tenant id
   * @return {@code {"@odata.context", "tenantId", "displayName", "defaultDomainName", "federationBrandName"}}
   * @throws GraphApiException 404 when no organization has the id
   */
  @GetMapping(PREFIX + "findTenantInformationByTenantId(tenantId='{tenantId}')")
  public Map<String, Object> findTenantInformationByTenantId(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String tenantId) {
    callers.graphCaller(authorization);
    return information(directory.tenant(tenantId.replace("''", "'"))
        .orElseThrow(() -> new GraphApiException(HttpStatus.NOT_FOUND, GraphApiException.NOT_FOUND,
            "Tenant information is not found for tenant id " + tenantId)));
  }

  /**
   * @param authorization bearer token
   * @param domainName the tenant's primary domain, compared ignoring case
   * @return {@code {"@odata.context", "tenantId", "displayName", "defaultDomainName", "federationBrandName"}}
   * @throws GraphApiException 404 when no organization has the domain
   */
  @GetMapping(PREFIX + "findTenantInformationByDomainName(domainName='{domainName}')")
  public Map<String, Object> findTenantInformationByDomainName(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String domainName) {
    callers.graphCaller(authorization);
    return information(directory.tenantByDomain(domainName.replace("''", "'").trim())
        .orElseThrow(() -> new GraphApiException(HttpStatus.NOT_FOUND, GraphApiException.NOT_FOUND,
            "Tenant information is not found for domain name " + domainName)));
  }

  private static Map<String, Object> information(SandboxTenant tenant) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.tenantInformation");
    body.put("tenantId", tenant.id());
    body.put("federationBrandName", null);
    body.put("displayName", tenant.companyName());
    body.put("defaultDomainName", tenant.domain());
    return body;
  }
}
