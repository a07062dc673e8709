package io.partnerchannel.orchestrator.partnercenter.sandbox;

import io.partnerchannel.orchestrator.partnercenter.TenantInformation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's Microsoft Graph {@code findTenantInformationByTenantId} function ({@code GET
 * /sandbox/graph/v1.0/tenantRelationships/findTenantInformationByTenantId(tenantId='{id}')}): name and
 * default domain of any organization of the sandbox world, customer of the caller or not.
 */
@RestController
@SandboxConfiguration
public class SandboxTenantInformationController {

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
  @GetMapping("/sandbox/graph/v1.0/tenantRelationships/findTenantInformationByTenantId(tenantId='{tenantId}')")
  public Map<String, Object> findTenantInformationByTenantId(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String tenantId) {
    callers.graphCaller(authorization);
    SandboxTenant tenant = directory.tenant(tenantId)
        .orElseThrow(() -> new GraphApiException(HttpStatus.NOT_FOUND, GraphApiException.NOT_FOUND,
            "Tenant information is not found for tenant id " + tenantId));
    TenantInformation information = new TenantInformation(tenant.id(), tenant.companyName(), tenant.domain(), null);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.tenantInformation");
    body.put("tenantId", information.tenantId());
    body.put("displayName", information.displayName());
    body.put("defaultDomainName", information.defaultDomainName());
    body.put("federationBrandName", information.federationBrandName());
    return body;
  }
}
