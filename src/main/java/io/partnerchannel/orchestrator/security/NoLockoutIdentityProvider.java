package io.partnerchannel.orchestrator.security;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's database identity provider without Camunda's login lockout: a wrong password neither delays
 * the user's next login nor, after {@code login-max-attempts}, locks the user for good, and a lock recorded
 * by an earlier version is ignored. Camunda counts failures per user whoever sends them, so any anonymous
 * caller could lock any user; failed logins are throttled by source and by user in {@link LoginThrottle}
 * instead, which never locks permanently. Passwords are checked as before.
 *
 * <p>Every change to users, groups, tenants and memberships is recorded in {@link AccessChanges}, so cached
 * sign-ins are checked again.
 */
public class NoLockoutIdentityProvider extends DbIdentityServiceProvider {

  /** @return false: nobody is locked by failed logins */
  @Override
  protected boolean isUserLocked(UserEntity user) {
    return false;
  }

  /** Records nothing: failed logins are {@link LoginThrottle}'s business. */
  @Override
  protected void lockUser(UserEntity user) {
    // deliberately empty
  }
  @Override
  public IdentityOperationResult saveUser(User user) {
    AccessChanges.changed();
    return super.saveUser(user);
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    AccessChanges.changed();
    return super.deleteUser(userId);
  }

  @Override
  public IdentityOperationResult saveGroup(Group group) {
    AccessChanges.changed();
    return super.saveGroup(group);
  }

  @Override
  public IdentityOperationResult deleteGroup(String groupId) {
    AccessChanges.changed();
    return super.deleteGroup(groupId);
  }

  @Override
  public IdentityOperationResult saveTenant(Tenant tenant) {
    AccessChanges.changed();
    return super.saveTenant(tenant);
  }

  @Override
  public IdentityOperationResult deleteTenant(String tenantId) {
    AccessChanges.changed();
    return super.deleteTenant(tenantId);
  }

  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    AccessChanges.changed();
    return super.createMembership(userId, groupId);
  }

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    AccessChanges.changed();
    return super.deleteMembership(userId, groupId);
  }

  @Override
  public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
    AccessChanges.changed();
    return super.createTenantUserMembership(tenantId, userId);
  }

  @Override
  public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
    AccessChanges.changed();
    return super.createTenantGroupMembership(tenantId, groupId);
  }

  @Override
  public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
    AccessChanges.changed();
    return super.deleteTenantUserMembership(tenantId, userId);
  }

  @Override
  public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
    AccessChanges.changed();
    return super.deleteTenantGroupMembership(tenantId, groupId);
  }
}
