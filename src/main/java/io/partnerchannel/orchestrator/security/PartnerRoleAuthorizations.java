package io.partnerchannel.orchestrator.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;

import io.partnerchannel.orchestrator.deployment.ModelXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Seeds, at every start and idempotently, the operating partner's role groups and what each may do with
 * engine authorization on (docs/security.md "Roles"). Least privilege: no role may grant authorizations, change or
 * delete a user other than itself (so no one sets another user's password), or change the membership of a
 * group it does not administer ({@code camunda-admin} is administered by nobody but its members):
 * <table>
 *   <caption>Seeded grants</caption>
 *   <tr><th>group</th><th>grants</th></tr>
 *   <tr><td>{@value PartnerRoles#GLOBAL_ADMINS}</td><td>every application; READ and CREATE on users; READ on
 *       groups; the memberships of every role and reseller staff group ({@link #administeredGroups}), global
 *       admins included; ALL on tenants and tenant memberships; READ on authorizations; READ and READ_HISTORY
 *       on every process and decision definition, READ_INSTANCE on every process definition, READ on
 *       deployments and tasks</td></tr>
 *   <tr><td>{@value PartnerRoles#USER_MANAGEMENT_ADMINS}</td><td>Admin and Tasklist; READ and CREATE on
 *       users; READ on groups; the memberships of the role and reseller staff groups but
 *       {@value PartnerRoles#GLOBAL_ADMINS}; READ on tenants</td></tr>
 *   <tr><td>{@value PartnerRoles#SALES_AGENTS}</td><td>Tasklist and Cockpit; READ on users and groups</td></tr>
 *   <tr><td>{@value PartnerRoles#BUSINESS_ANALYSTS}</td><td>Cockpit; CREATE and READ on deployments; READ on
 *       process definitions, decision definitions and decision requirements definitions (no instances, history,
 *       variables, tasks, users or groups: docs/analysts.md)</td></tr>
 *   <tr><td>{@code reseller-<tenant id>}</td><td>Tasklist ({@link #grantResellerStaff})</td></tr>
 * </table>
 * The grants on identity resources and the starters' grants are set to exactly these permissions at every
 * start (a wider grant of an older version is narrowed); the others only gain what is missing. Every group
 * may read the Tasklist filters. A process definition's {@code camunda:candidateStarterGroups} decide which
 * of the three partner roles may start it (other groups named there get nothing, so a deployed model cannot
 * grant data access): READ, CREATE_INSTANCE, READ_INSTANCE and READ_HISTORY on the definition's key, and
 * CREATE on process instances. No role has UPDATE_INSTANCE: instances change only through their tasks and
 * the product's {@code /api} (withdrawal), never by message correlation, modification or variable writes.
 * Tasks are granted by the engine itself to their assignee and candidate groups
 * ({@code default-user-permission-name-for-task: TASK_WORK}).
 */
@Component
public class PartnerRoleAuthorizations {

  private static final Permission[] NONE = {};

  private static final Logger LOG = LoggerFactory.getLogger(PartnerRoleAuthorizations.class);
  private static final Map<String, String> ROLE_NAMES = Map.of(
      PartnerRoles.GLOBAL_ADMINS, "Global admins",
      PartnerRoles.USER_MANAGEMENT_ADMINS, "User management admins",
      PartnerRoles.SALES_AGENTS, "Sales agents",
      PartnerRoles.BUSINESS_ANALYSTS, "Business analysts");

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final RepositoryService repositoryService;
  private final List<ResellerStaffProcess> resellerStaffProcesses;

  /**
   * @param identityService the engine's identity service
   * @param authorizationService the engine's authorization service
   * @param repositoryService reads the deployed definitions' candidate starter groups
   * @param resellerStaffProcesses the processes whose tasks reseller staff work on, published by their features
   */
  public PartnerRoleAuthorizations(
      IdentityService identityService, AuthorizationService authorizationService, RepositoryService repositoryService,
      List<ResellerStaffProcess> resellerStaffProcesses) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.repositoryService = repositoryService;
    this.resellerStaffProcesses = List.copyOf(resellerStaffProcesses);
  }

  /** Runs once the process application is deployed: groups, role grants, starter grants. */
  @EventListener(PostDeployEvent.class)
  @Order(0)
  public void seed() {
    for (String groupId : ROLE_NAMES.keySet()) {
      ensureGroup(groupId, ROLE_NAMES.get(groupId));
      grant(groupId, Resources.FILTER, Authorization.ANY, READ);
    }

    String global = PartnerRoles.GLOBAL_ADMINS;
    String userManagement = PartnerRoles.USER_MANAGEMENT_ADMINS;
    String sales = PartnerRoles.SALES_AGENTS;
    grant(global, Resources.APPLICATION, Authorization.ANY, ALL);
    for (String admins : List.of(global, userManagement)) {
      grantExactly(admins, Resources.USER, Authorization.ANY, READ, CREATE);
      grantExactly(admins, Resources.GROUP, Authorization.ANY, READ);
      grantExactly(admins, Resources.GROUP_MEMBERSHIP, Authorization.ANY);
      grantExactly(admins, Resources.AUTHORIZATION, Authorization.ANY, global.equals(admins) ? new Permission[] {READ} : NONE);
    }
    for (String groupId : administeredGroups(global)) {
      grantExactly(global, Resources.GROUP_MEMBERSHIP, groupId, ALL);
    }
    for (String groupId : administeredGroups(userManagement)) {
      grantExactly(userManagement, Resources.GROUP_MEMBERSHIP, groupId, ALL);
    }
    grant(global, Resources.TENANT, Authorization.ANY, ALL);
    grant(global, Resources.TENANT_MEMBERSHIP, Authorization.ANY, ALL);
    grant(global, Resources.PROCESS_DEFINITION, Authorization.ANY, READ, READ_HISTORY, READ_INSTANCE);
    grant(global, Resources.DECISION_DEFINITION, Authorization.ANY, READ, READ_HISTORY);
    grant(global, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, READ);
    grant(global, Resources.DEPLOYMENT, Authorization.ANY, READ);
    grant(global, Resources.TASK, Authorization.ANY, READ);

    grant(userManagement, Resources.APPLICATION, "admin", ALL);
    grant(userManagement, Resources.APPLICATION, "tasklist", ALL);
    grant(userManagement, Resources.TENANT, Authorization.ANY, READ);

    grant(sales, Resources.APPLICATION, "tasklist", ALL);
    grant(sales, Resources.APPLICATION, "cockpit", ALL);
    grantExactly(sales, Resources.USER, Authorization.ANY, READ);
    grantExactly(sales, Resources.GROUP, Authorization.ANY, READ);

    String analysts = PartnerRoles.BUSINESS_ANALYSTS;
    grant(analysts, Resources.APPLICATION, "cockpit", ACCESS);
    grantExactly(analysts, Resources.DEPLOYMENT, Authorization.ANY, READ, CREATE);
    grantExactly(analysts, Resources.PROCESS_DEFINITION, Authorization.ANY, READ);
    grantExactly(analysts, Resources.DECISION_DEFINITION, Authorization.ANY, READ);
    grantExactly(analysts, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, READ);

    grantStarters();
  }

  /**
   * @param adminGroup {@value PartnerRoles#GLOBAL_ADMINS} or {@value PartnerRoles#USER_MANAGEMENT_ADMINS}
   * @return the groups whose memberships that role manages: the role groups (global admins only for global
   *     admins) and every reseller staff group; never {@code camunda-admin}
   */
  List<String> administeredGroups(String adminGroup) {
    List<String> groups = new ArrayList<>(List.of(
        PartnerRoles.USER_MANAGEMENT_ADMINS, PartnerRoles.SALES_AGENTS, PartnerRoles.BUSINESS_ANALYSTS));
    if (PartnerRoles.GLOBAL_ADMINS.equals(adminGroup)) {
      groups.add(PartnerRoles.GLOBAL_ADMINS);
    }
    String[] resellerGroups = resellerGroupIds();
    if (resellerGroups.length > 0) { // groupIdIn() of nothing would be every group
      identityService.createGroupQuery().groupIdIn(resellerGroups).list().forEach(group -> groups.add(group.getId()));
    }
    return groups;
  }

  private String[] resellerGroupIds() {
    return identityService.createTenantQuery().list().stream()
        .map(tenant -> PartnerRoles.resellerGroup(tenant.getId()))
        .toArray(String[]::new);
  }

  /**
   * Grants an indirect reseller's staff group Tasklist, its filters and READ on the definitions of the
   * {@link ResellerStaffProcess}es; its tasks come from the engine's task grants to candidate groups, within the
   * reseller's tenant.
   *
   * @param groupId the reseller's staff group
   */
  public void grantResellerStaff(String groupId) {
    grant(groupId, Resources.APPLICATION, "tasklist", ALL);
    grant(groupId, Resources.FILTER, Authorization.ANY, READ);
    // The definitions of the processes whose tasks they work on (their names in Tasklist); their instances stay
    // hidden behind the tenant check and the task grants.
    for (ResellerStaffProcess process : resellerStaffProcesses) {
      grant(groupId, Resources.PROCESS_DEFINITION, process.processDefinitionKey(), READ);
    }
    for (String admins : List.of(PartnerRoles.GLOBAL_ADMINS, PartnerRoles.USER_MANAGEMENT_ADMINS)) {
      grantExactly(admins, Resources.GROUP_MEMBERSHIP, groupId, ALL);
    }
  }

  /**
   * Lets the candidate starter groups of the latest version of each process definition start it, and read the
   * processes it calls that nobody starts on their own (e.g. {@code TrackInvitation}, a part of both invitations).
   * Both are read from the deployed XML ({@link ModelXml}): the engine's identity links and the model API would
   * parse every definition during the start (on a restart the engine's cache is empty), which the engine otherwise
   * does when a definition is first used.
   */
  private void grantStarters() {
    List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery().latestVersion().list();
    Map<String, Element> processes = new HashMap<>();
    Map<String, List<String>> starters = new HashMap<>();
    for (ProcessDefinition definition : definitions) {
      Element process = process(definition);
      processes.put(definition.getKey(), process);
      starters.put(definition.getKey(), Arrays.stream(
              process.getAttributeNS(ModelXml.CAMUNDA, "candidateStarterGroups").split(","))
          .map(String::trim)
          .filter(group -> !group.isEmpty())
          .toList());
    }
    for (ProcessDefinition definition : definitions) {
      List<String> called = calledParts(processes.get(definition.getKey()), starters);
      for (String groupId : starters.get(definition.getKey())) {
        if (PartnerRoles.PARTNER_GROUPS.contains(groupId)) {
          grantExactly(groupId, Resources.PROCESS_DEFINITION, definition.getKey(),
              READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY);
          grant(groupId, Resources.PROCESS_INSTANCE, Authorization.ANY, CREATE);
          for (String part : called) {
            grant(groupId, Resources.PROCESS_DEFINITION, part, READ, READ_INSTANCE, READ_HISTORY);
          }
          LOG.debug("Group {} may start {}", groupId, definition.getKey());
        }
      }
    }
  }

  /**
   * @return the definition's {@code bpmn:process} element in its deployed resource
   * @throws UncheckedIOException when the resource cannot be read or has no process of the definition's key
   */
  private Element process(ProcessDefinition definition) {
    try (InputStream xml = repositoryService.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
      NodeList declared = ModelXml.parse(xml).getElementsByTagNameNS(ModelXml.BPMN, "process");
      for (int i = 0; i < declared.getLength(); i++) {
        Element process = (Element) declared.item(i);
        if (definition.getKey().equals(process.getAttribute("id"))) {
          return process;
        }
      }
      throw new IOException("no process " + definition.getKey() + " in " + definition.getResourceName());
    } catch (IOException | SAXException e) {
      throw new UncheckedIOException(new IOException("Cannot read the deployed model of " + definition.getId(), e));
    }
  }

  /**
   * @return the processes the process's call activities name (constant, no expression) that have no starters
   */
  private static List<String> calledParts(Element process, Map<String, List<String>> starters) {
    NodeList calls = process.getElementsByTagNameNS(ModelXml.BPMN, "callActivity");
    return IntStream.range(0, calls.getLength())
        .mapToObj(i -> ((Element) calls.item(i)).getAttribute("calledElement"))
        .filter(called -> !called.isEmpty() && !called.contains("{") && starters.getOrDefault(called, List.of("?")).isEmpty())
        .distinct()
        .toList();
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

  /**
   * Makes the group's grant on the resource exactly these permissions (none: no grant), narrowing a wider one.
   */
  private void grantExactly(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = findGrant(groupId, resource, resourceId);
    if (authorization != null && (mask(authorization.getPermissions(Permissions.values())) & ~mask(permissions)) != 0) {
      authorizationService.deleteAuthorization(authorization.getId());
      LOG.info("Narrowed the grant of {} on {} {} to {}", groupId, resource.resourceName(), resourceId,
          Arrays.toString(permissions));
    }
    if (permissions.length > 0) {
      grant(groupId, resource, resourceId, permissions);
    }
  }

  private static int mask(Permission... permissions) {
    int mask = 0;
    for (Permission permission : permissions) {
      mask |= permission.getValue();
    }
    return mask;
  }

  private Authorization findGrant(String groupId, Resource resource, String resourceId) {
    return authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
  }

  /** Adds the permissions to the group's grant on the resource, creating the grant when there is none. */
  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = findGrant(groupId, resource, resourceId);
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
