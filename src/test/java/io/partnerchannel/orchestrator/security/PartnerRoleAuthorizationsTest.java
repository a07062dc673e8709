package io.partnerchannel.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.indirect.IndirectResellerInvitationProcess;
import io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess;
import io.partnerchannel.orchestrator.invitation.TrackInvitationProcess;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxDemoUsers;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxDirectory;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The seeded groups, tenants, demo users and grants, and that seeding again changes nothing. */
@SpringBootTest
@ActiveProfiles("test")
class PartnerRoleAuthorizationsTest {

  static final String INVITATION = ResellerRelationshipInvitationProcess.PROCESS_KEY;

  @Autowired PartnerRoleAuthorizations roles;
  @Autowired SandboxDemoUsers demoUsers;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired RepositoryService repositoryService;
  @Autowired SandboxDirectory sandbox;

  List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  boolean may(String userId, org.camunda.bpm.engine.authorization.Permission permission,
      org.camunda.bpm.engine.authorization.Resource resource, String resourceId) {
    return authorizationService.isUserAuthorized(userId, groupsOf(userId), permission, resource, resourceId);
  }

  @Test
  void theInvitationIsStartedByThePartnersThreeRoles() {
    List<String> starters = repositoryService.getIdentityLinksForProcessDefinition(
            repositoryService.createProcessDefinitionQuery().processDefinitionKey(INVITATION).latestVersion().singleResult().getId())
        .stream().map(IdentityLink::getGroupId).toList();
    assertThat(starters).containsExactlyInAnyOrderElementsOf(PartnerRoles.PARTNER_GROUPS);

    for (String user : List.of(TestUsers.GLOBAL_ADMIN, TestUsers.USER_ADMIN, TestUsers.SALES_AGENT)) {
      assertThat(may(user, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, INVITATION)).as(user).isTrue();
      assertThat(may(user, Permissions.CREATE, Resources.PROCESS_INSTANCE, "any")).as(user).isTrue();
      // the process the invitation calls, which nobody starts on its own: its instances are part of the invitation
      assertThat(may(user, ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, TrackInvitationProcess.PROCESS_KEY))
          .as(user).isTrue();
      assertThat(may(user, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, TrackInvitationProcess.PROCESS_KEY))
          .as(user).isFalse();
    }
    for (String reseller : List.of(TestUsers.FOURTH_COFFEE_STAFF, TestUsers.WINGTIP_STAFF)) {
      assertThat(may(reseller, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, INVITATION))
          .as(reseller).isFalse();
      assertThat(may(reseller, ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, INVITATION))
          .as(reseller).isFalse();
      assertThat(may(reseller, ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION,
          TrackInvitationProcess.PROCESS_KEY)).as(reseller).isFalse();
    }
  }

  /** The indirect invitation publishes itself as a {@link ResellerStaffProcess}: its name shows in their Tasklist. */
  @Test
  void resellerStaffReadTheDefinitionsOfTheProcessesTheyWorkOnOnly() {
    for (String reseller : List.of(TestUsers.FOURTH_COFFEE_STAFF, TestUsers.WINGTIP_STAFF)) {
      assertThat(may(reseller, Permissions.READ, Resources.PROCESS_DEFINITION, IndirectResellerInvitationProcess.PROCESS_KEY))
          .as(reseller).isTrue();
      assertThat(may(reseller, Permissions.READ, Resources.PROCESS_DEFINITION, INVITATION)).as(reseller).isFalse();
    }
  }

  @Test
  void onlyGlobalAndUserManagementAdminsManageUsers() {
    assertThat(may(TestUsers.GLOBAL_ADMIN, Permissions.CREATE, Resources.USER, "any")).isTrue();
    assertThat(may(TestUsers.USER_ADMIN, Permissions.CREATE, Resources.USER, "any")).isTrue();
    assertThat(may(TestUsers.USER_ADMIN, Permissions.CREATE, Resources.GROUP_MEMBERSHIP, PartnerRoles.SALES_AGENTS)).isTrue();
    assertThat(may(TestUsers.USER_ADMIN, Permissions.CREATE, Resources.TENANT, "any")).isFalse();
    assertThat(may(TestUsers.GLOBAL_ADMIN, Permissions.CREATE, Resources.TENANT, "any")).isTrue();
    for (String user : List.of(TestUsers.SALES_AGENT, TestUsers.FOURTH_COFFEE_STAFF)) {
      assertThat(may(user, Permissions.CREATE, Resources.USER, "any")).as(user).isFalse();
      assertThat(may(user, Permissions.UPDATE, Resources.USER, TestUsers.GLOBAL_ADMIN)).as(user).isFalse();
      assertThat(may(user, Permissions.CREATE, Resources.GROUP_MEMBERSHIP, PartnerRoles.GLOBAL_ADMINS)).as(user).isFalse();
      assertThat(may(user, Permissions.CREATE, Resources.AUTHORIZATION, "any")).as(user).isFalse();
    }
  }

  @Test
  void noRoleMayJoinCamundaAdminGrantAuthorizationsOrSetAnotherUsersPassword() {
    for (String user : List.of(TestUsers.GLOBAL_ADMIN, TestUsers.USER_ADMIN, TestUsers.SALES_AGENT, TestUsers.WINGTIP_STAFF)) {
      assertThat(may(user, Permissions.CREATE, Resources.GROUP_MEMBERSHIP, Groups.CAMUNDA_ADMIN)).as(user).isFalse();
      assertThat(may(user, Permissions.CREATE, Resources.AUTHORIZATION, "any")).as(user).isFalse();
      assertThat(may(user, Permissions.UPDATE, Resources.USER, AdminUserInitializer.ADMIN_USER_ID)).as(user).isFalse();
      String other = TestUsers.SALES_AGENT.equals(user) ? TestUsers.GLOBAL_ADMIN : TestUsers.SALES_AGENT;
      assertThat(may(user, Permissions.DELETE, Resources.USER, other)).as(user).isFalse();
      assertThat(may(user, Permissions.UPDATE, Resources.USER, other)).as(user).isFalse();
      assertThat(may(user, Permissions.UPDATE, Resources.GROUP, Groups.CAMUNDA_ADMIN)).as(user).isFalse();
      assertThat(may(user, ProcessDefinitionPermissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION, INVITATION))
          .as(user + ": instances change through their tasks and /api only").isFalse();
    }
    assertThat(may(TestUsers.USER_ADMIN, Permissions.CREATE, Resources.GROUP_MEMBERSHIP, PartnerRoles.GLOBAL_ADMINS)).isFalse();
    assertThat(may(TestUsers.GLOBAL_ADMIN, Permissions.CREATE, Resources.GROUP_MEMBERSHIP, PartnerRoles.GLOBAL_ADMINS)).isTrue();
    assertThat(may(TestUsers.USER_ADMIN, Permissions.CREATE, Resources.GROUP_MEMBERSHIP, PartnerRoles.resellerGroup(TestUsers.WINGTIP)))
        .isTrue();
    assertThat(may(TestUsers.USER_ADMIN, Permissions.UPDATE, Resources.USER, TestUsers.USER_ADMIN)).as("its own").isTrue();
  }

  @Test
  void businessAnalystsDeployAndReadDefinitionsOnly() {
    String analysts = PartnerRoles.BUSINESS_ANALYSTS;
    assertThat(identityService.createGroupQuery().groupId(analysts).count()).isOne();
    List<String> groups = List.of(analysts);
    assertThat(authorizationService.isUserAuthorized("someone", groups, Permissions.CREATE, Resources.DEPLOYMENT, "any")).isTrue();
    assertThat(authorizationService.isUserAuthorized("someone", groups, Permissions.READ, Resources.DECISION_DEFINITION, "any")).isTrue();
    assertThat(authorizationService.isUserAuthorized("someone", groups, ProcessDefinitionPermissions.READ_INSTANCE,
        Resources.PROCESS_DEFINITION, INVITATION)).isFalse();
    assertThat(authorizationService.isUserAuthorized("someone", groups, Permissions.READ, Resources.USER, "any")).isFalse();
    assertThat(authorizationService.isUserAuthorized("someone", groups, Permissions.DELETE, Resources.DEPLOYMENT, "any")).isFalse();
  }

  @Test
  void seedingNarrowsTheWideGrantsOfEarlierVersions() {
    org.camunda.bpm.engine.authorization.Authorization wide = authorizationService.createAuthorizationQuery()
        .groupIdIn(PartnerRoles.USER_MANAGEMENT_ADMINS).resourceType(Resources.USER).resourceId("*").singleResult();
    wide.addPermission(Permissions.ALL);
    authorizationService.saveAuthorization(wide);
    org.camunda.bpm.engine.authorization.Authorization starter = authorizationService.createAuthorizationQuery()
        .groupIdIn(PartnerRoles.SALES_AGENTS).resourceType(Resources.PROCESS_DEFINITION).resourceId(INVITATION).singleResult();
    starter.addPermission(ProcessDefinitionPermissions.UPDATE_INSTANCE);
    authorizationService.saveAuthorization(starter);
    assertThat(may(TestUsers.USER_ADMIN, Permissions.UPDATE, Resources.USER, AdminUserInitializer.ADMIN_USER_ID)).isTrue();

    roles.seed();

    assertThat(may(TestUsers.USER_ADMIN, Permissions.UPDATE, Resources.USER, AdminUserInitializer.ADMIN_USER_ID)).isFalse();
    assertThat(may(TestUsers.USER_ADMIN, Permissions.CREATE, Resources.USER, "any")).isTrue();
    assertThat(may(TestUsers.SALES_AGENT, ProcessDefinitionPermissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION, INVITATION))
        .isFalse();
    assertThat(may(TestUsers.SALES_AGENT, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, INVITATION))
        .isTrue();
  }

  @Test
  void applicationAccessFollowsTheRole() {
    assertThat(may(TestUsers.SALES_AGENT, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(may(TestUsers.SALES_AGENT, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(may(TestUsers.SALES_AGENT, Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
    assertThat(may(TestUsers.USER_ADMIN, Permissions.ACCESS, Resources.APPLICATION, "admin")).isTrue();
    assertThat(may(TestUsers.GLOBAL_ADMIN, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(may(TestUsers.WINGTIP_STAFF, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(may(TestUsers.WINGTIP_STAFF, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(may(TestUsers.BUSINESS_ANALYST, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(may(TestUsers.BUSINESS_ANALYST, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isFalse();
  }

  @Test
  void eachIndirectResellerOfTheSandboxIsATenantWithItsStaffAndTheProvidersRoles() {
    List<String> sandboxResellers = sandbox.partnerships("a1b2c3d4-0000-4000-8000-000000000002", true).stream()
        .map(partnership -> partnership.partner().id()).toList();
    assertThat(demoUsers.read().resellers()).extracting(SandboxDemoUsers.Reseller::tenantId)
        .containsExactlyInAnyOrderElementsOf(sandboxResellers);

    for (String reseller : sandboxResellers) {
      Tenant tenant = identityService.createTenantQuery().tenantId(reseller).singleResult();
      assertThat(tenant).as(reseller).isNotNull();
      List<String> members = identityService.createGroupQuery().memberOfTenant(reseller).list().stream()
          .map(Group::getId).toList();
      assertThat(members).containsExactlyInAnyOrder(PartnerRoles.resellerGroup(reseller), PartnerRoles.GLOBAL_ADMINS,
          PartnerRoles.USER_MANAGEMENT_ADMINS, PartnerRoles.SALES_AGENTS);
    }
    assertThat(tenantsOf(TestUsers.FOURTH_COFFEE_STAFF)).containsExactly(TestUsers.FOURTH_COFFEE);
    assertThat(tenantsOf(TestUsers.WINGTIP_STAFF)).containsExactly(TestUsers.WINGTIP);
    assertThat(tenantsOf(TestUsers.SALES_AGENT)).containsExactlyInAnyOrder(TestUsers.FOURTH_COFFEE, TestUsers.WINGTIP);
  }

  @Test
  void seedingAgainAddsNothing() {
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long groups = identityService.createGroupQuery().count();
    long users = identityService.createUserQuery().count();
    long tenants = identityService.createTenantQuery().count();

    roles.seed();
    demoUsers.seed();

    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(identityService.createTenantQuery().count()).isEqualTo(tenants);
    assertThat(identityService.checkPassword(TestUsers.SALES_AGENT, TestUsers.PASSWORD)).isTrue();
  }

  List<String> tenantsOf(String userId) {
    return identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
  }
}
