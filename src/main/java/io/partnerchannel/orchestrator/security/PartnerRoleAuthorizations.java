package io.partnerchannel.orchestrator.security;

import io.partnerchannel.orchestrator.indirect.IndirectResellerInvitationProcess;

import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.UPDATE_INSTANCE;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seeds, at every start and idempotently (only what is missing is added), the operating partner's role
 * groups and what each may do with engine authorization on:
 * <table>
 *   <caption>Seeded grants</caption>
 *   <tr><th>group</th><th>grants</th></tr>
 *   <tr><td>{@value PartnerRoles#GLOBAL_ADMINS}</td><td>every application; ALL on users, groups, memberships,
 *       tenants, tenant memberships and authorizations; READ and READ_HISTORY on every process and decision
 *       definition, READ_INSTANCE on every process definition, READ on deployments and tasks</td></tr>
 *   <tr><td>{@value PartnerRoles#USER_MANAGEMENT_ADMINS}</td><td>Admin and Tasklist; ALL on users, groups and
 *       group memberships; READ on tenants</td></tr>
 *   <tr><td>{@value PartnerRoles#SALES_AGENTS}</td><td>Tasklist and Cockpit; READ on users and groups</td></tr>
 *   <tr><td>{@code reseller-<tenant id>}</td><td>Tasklist ({@link #grantResellerStaff})</td></tr>
 * </table>
 * Every group may read the Tasklist filters. A process definition's {@code camunda:candidateStarterGroups}
 * decide who may start it: each of those groups gets READ, CREATE_INSTANCE, READ_INSTANCE, UPDATE_INSTANCE
 * (withdraw, i.e. correlate a message) and READ_HISTORY on the definition's key, and CREATE on process
 * instances. Tasks are granted by the engine itself to
 * their assignee and candidate groups ({@code default-user-permission-name-for-task: TASK_WORK}).
 */
@Component
public class PartnerRoleAuthorizations {

  private static final Logger LOG = LoggerFactory.getLogger(PartnerRoleAuthorizations.class);
  private static final Map<String, String> ROLE_NAMES = Map.of(
      PartnerRoles.GLOBAL_ADMINS, "Global admins",
      PartnerRoles.USER_MANAGEMENT_ADMINS, "User management admins",
      PartnerRoles.SALES_AGENTS, "Sales agents");
  private static final List<Resource> IDENTITY =
      List.of(Resources.USER, Resources.GROUP, Resources.GROUP_MEMBERSHIP);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final RepositoryService repositoryService;

  /**
   * @param identityService the engine's identity service
   * @param authorizationService the engine's authorization service
   * @param repositoryService reads the deployed definitions' candidate starter groups
   */
  public PartnerRoleAuthorizations(
      IdentityService identityService, AuthorizationService authorizationService, RepositoryService repositoryService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.repositoryService = repositoryService;
  }

  /** Runs once the process application is deployed: groups, role grants, starter grants. */
  @EventListener(PostDeployEvent.class)
  @Order(0)
  public void seed() {
    for (String groupId : PartnerRoles.PARTNER_GROUPS) {
      ensureGroup(groupId, ROLE_NAMES.get(groupId));
      grant(groupId, Resources.FILTER, Authorization.ANY, READ);
    }

    String global = PartnerRoles.GLOBAL_ADMINS;
    grant(global, Resources.APPLICATION, Authorization.ANY, ALL);
    for (Resource resource : List.of(Resources.USER, Resources.GROUP, Resources.GROUP_MEMBERSHIP, Resources.TENANT,
        Resources.TENANT_MEMBERSHIP, Resources.AUTHORIZATION)) {
      grant(global, resource, Authorization.ANY, ALL);
    }
    grant(global, Resources.PROCESS_DEFINITION, Authorization.ANY, READ, READ_HISTORY, READ_INSTANCE);
    grant(global, Resources.DECISION_DEFINITION, Authorization.ANY, READ, READ_HISTORY);
    grant(global, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, READ);
    grant(global, Resources.DEPLOYMENT, Authorization.ANY, READ);
    grant(global, Resources.TASK, Authorization.ANY, READ);

    String userManagement = PartnerRoles.USER_MANAGEMENT_ADMINS;
    grant(userManagement, Resources.APPLICATION, "admin", ALL);
    grant(userManagement, Resources.APPLICATION, "tasklist", ALL);
    for (Resource resource : IDENTITY) {
      grant(userManagement, resource, Authorization.ANY, ALL);
    }
    grant(userManagement, Resources.TENANT, Authorization.ANY, READ);

    String sales = PartnerRoles.SALES_AGENTS;
    grant(sales, Resources.APPLICATION, "tasklist", ALL);
    grant(sales, Resources.APPLICATION, "cockpit", ALL);
    grant(sales, Resources.USER, Authorization.ANY, READ);
    grant(sales, Resources.GROUP, Authorization.ANY, READ);

    grantStarters();
  }

  /**
   * Grants an indirect reseller's staff group Tasklist, its filters and READ on the indirect invitation's
   * definition; its tasks come from the engine's task grants to candidate groups, within the reseller's tenant.
   *
   * @param groupId the reseller's staff group
   */
  public void grantResellerStaff(String groupId) {
    grant(groupId, Resources.APPLICATION, "tasklist", ALL);
    grant(groupId, Resources.FILTER, Authorization.ANY, READ);
    // The definition of the process whose "Forward invitation to customer" task they work on (its name in
    // Tasklist); its instances stay hidden behind the tenant check and the task grants.
    grant(groupId, Resources.PROCESS_DEFINITION, IndirectResellerInvitationProcess.PROCESS_KEY, READ);
  }

  /** Lets the candidate starter groups of the latest version of each process definition start it. */
  private void grantStarters() {
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      for (IdentityLink link : repositoryService.getIdentityLinksForProcessDefinition(definition.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          grant(link.getGroupId(), Resources.PROCESS_DEFINITION, definition.getKey(),
              READ, CREATE_INSTANCE, READ_INSTANCE, UPDATE_INSTANCE, READ_HISTORY);
          grant(link.getGroupId(), Resources.PROCESS_INSTANCE, Authorization.ANY, CREATE);
          LOG.debug("Group {} may start {}", link.getGroupId(), definition.getKey());
        }
      }
    }
  }

  private void ensureGroup(String groupId, String name) {
    if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identityService.newGroup(groupId);
      group.setName(name);
      group.setType(PartnerRoles.GROUP_TYPE);
      identityService.saveGroup(group);
      LOG.info("Created the group {} ({})", groupId, name);
    }
  }

  /** Adds the permissions to the group's grant on the resource, creating the grant when there is none. */
  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (hasAll(authorization, permissions)) {
      return;
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  private static boolean hasAll(Authorization authorization, Permission... permissions) {
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        return false;
      }
    }
    return true;
  }
}
