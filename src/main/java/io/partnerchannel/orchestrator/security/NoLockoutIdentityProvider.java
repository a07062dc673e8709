package io.partnerchannel.orchestrator.security;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's database identity provider without Camunda's login lockout: a wrong password neither delays
 * the user's next login nor, after {@code login-max-attempts}, locks the user for good, and a lock recorded
 * by an earlier version is ignored. Camunda counts failures per user whoever sends them, so any anonymous
 * caller could lock any user; failed logins are throttled by source and by user in {@link LoginThrottle}
 * instead, which never locks permanently. Passwords are checked as before.
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
}
