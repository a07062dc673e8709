package io.partnerchannel.orchestrator.security;

import java.util.List;

/**
 * The operating partner's roles as Camunda groups, and the naming of the groups and tenants of its
 * indirect resellers. The ids are the contract between the BPMN ({@code camunda:candidateStarterGroups},
 * {@code camunda:candidateGroups}), the seeded authorizations and the users managed in Camunda Admin.
 */
public final class PartnerRoles {

  /** The partner's Global admins: everything, including user, group and tenant management. */
  public static final String GLOBAL_ADMINS = "global-admins";

  /** The partner's User management admins: manage users, groups and memberships; start processes. */
  public static final String USER_MANAGEMENT_ADMINS = "user-management-admins";

  /** The partner's Sales agents: start invitations and work their follow-up tasks. */
  public static final String SALES_AGENTS = "sales-agents";

  /**
   * Business analysts: deploy models, decisions and forms ({@code /engine-rest/deployment/create}, as Camunda
   * Modeler does), read definitions, decisions and forms, and use Cockpit; nothing else (docs/analysts.md).
   */
  public static final String BUSINESS_ANALYSTS = "business-analysts";

  /** The operating partner's three roles (the Partner Center roles of the seeds). */
  public static final List<String> PARTNER_GROUPS = List.of(GLOBAL_ADMINS, USER_MANAGEMENT_ADMINS, SALES_AGENTS);

  /** Camunda group type of the role groups (shown in Camunda Admin). */
  public static final String GROUP_TYPE = "WORKFLOW";

  private static final String RESELLER_GROUP_PREFIX = "reseller-";

  private PartnerRoles() {}

  /**
   * The group of an indirect reseller's staff: {@code reseller-<reseller tenant id>}, e.g.
   * {@code reseller-a1b2c3d4-0000-4000-8000-000000000003} for Fourth Coffee IT. Its members see and work
   * only the tasks of the reseller's Camunda tenant, whose id is the reseller's Partner Center tenant id.
   *
   * @param resellerTenantId the indirect reseller's Partner Center tenant id (= its Camunda tenant id)
   * @return the group id
   */
  public static String resellerGroup(String resellerTenantId) {
    return RESELLER_GROUP_PREFIX + resellerTenantId;
  }
}
