package io.partnerchannel.orchestrator.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/**
 * The Camunda side of an indirect reseller: a tenant whose id is the reseller's Partner Center tenant id,
 * the group of its staff ({@link PartnerRoles#resellerGroup}) as the tenant's member, and the operating
 * partner's three role groups as members too, so the provider's staff keep seeing the instances that
 * belong to a reseller while the reseller's staff see only their own tenant.
 *
 * <p>Call {@link #ensure} before starting an instance with {@code resellerTenantId} for a reseller that may
 * be new (issue 3's indirect invitation does); the sandbox's resellers are created at start.
 */
@Component
public class ResellerTenants {

  private final IdentityService identityService;
  private final PartnerRoleAuthorizations authorizations;

  /**
   * @param identityService the engine's identity service
   * @param authorizations grants the reseller group its application and filter access
   */
  public ResellerTenants(IdentityService identityService, PartnerRoleAuthorizations authorizations) {
    this.identityService = identityService;
    this.authorizations = authorizations;
  }

  /**
   * Creates what is missing of the reseller's tenant, staff group, memberships and grants; idempotent.
   *
   * @param resellerTenantId the indirect reseller's Partner Center tenant id
   * @param resellerName the reseller's company name, e.g. {@code Fourth Coffee IT}
   * @return the id of the reseller's staff group
   */
  public String ensure(String resellerTenantId, String resellerName) {
    if (identityService.createTenantQuery().tenantId(resellerTenantId).count() == 0) {
      Tenant tenant = identityService.newTenant(resellerTenantId);
      tenant.setName(resellerName);
      identityService.saveTenant(tenant);
    }
    String groupId = PartnerRoles.resellerGroup(resellerTenantId);
    if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identityService.newGroup(groupId);
      group.setName(resellerName + " staff");
      group.setType(PartnerRoles.GROUP_TYPE);
      identityService.saveGroup(group);
    }
    ensureTenantMember(resellerTenantId, groupId);
    for (String partnerGroup : PartnerRoles.PARTNER_GROUPS) {
      if (identityService.createGroupQuery().groupId(partnerGroup).count() > 0) {
        ensureTenantMember(resellerTenantId, partnerGroup);
      }
    }
    authorizations.grantResellerStaff(groupId);
    return groupId;
  }

  private void ensureTenantMember(String tenantId, String groupId) {
    if (identityService.createTenantQuery().tenantId(tenantId).groupMember(groupId).count() == 0) {
      identityService.createTenantGroupMembership(tenantId, groupId);
    }
  }
}
