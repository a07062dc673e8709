package io.partnerchannel.orchestrator.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes sure the webapp administrator {@code admin} exists, member of {@code camunda-admin} with every
 * permission. Its password comes from {@code PCO_ADMIN_PASSWORD}; when that is unset on the first start, a
 * random one is generated and printed once. There is no fixed default password. When
 * {@code PCO_ADMIN_PASSWORD} is set, every start recovers the admin: makes it the admin's password, clears
 * any login lock recorded for the admin and makes the admin a member of {@code camunda-admin} again
 * (docs/security.md "Who may call what": a locked-out or forgotten admin).
 */
@Component
public class AdminUserInitializer {

  /** Camunda user id of the webapp administrator. */
  public static final String ADMIN_USER_ID = "admin";

  private static final Logger log = LoggerFactory.getLogger(AdminUserInitializer.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final String configuredPassword;

  /**
   * @param identityService the engine's identity service
   * @param authorizationService the engine's authorization service
   * @param configuredPassword {@code PCO_ADMIN_PASSWORD}, empty when unset
   */
  public AdminUserInitializer(
      IdentityService identityService,
      AuthorizationService authorizationService,
      @Value("${PCO_ADMIN_PASSWORD:}") String configuredPassword) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.configuredPassword = configuredPassword;
  }

  /** Runs once the process application is deployed and the engine is ready. */
  @EventListener(PostDeployEvent.class)
  public void ensureAdminUser() {
    ensureAdminGroup();
    User admin = identityService.createUserQuery().userId(ADMIN_USER_ID).singleResult();
    if (admin == null) {
      boolean generated = configuredPassword.isBlank();
      String password = generated ? generatePassword() : configuredPassword;
      admin = identityService.newUser(ADMIN_USER_ID);
      admin.setFirstName("Orchestrator");
      admin.setLastName("Administrator");
      admin.setPassword(password);
      identityService.saveUser(admin);
      identityService.createMembership(ADMIN_USER_ID, Groups.CAMUNDA_ADMIN);
      if (generated) {
        log.warn(
            "\n\n  Created the webapp administrator '{}' with the generated password: {}\n"
                + "  It is printed only this once. Set PCO_ADMIN_PASSWORD to choose the password.\n",
            ADMIN_USER_ID,
            password);
      } else {
        log.info("Created the webapp administrator '{}' with the password from PCO_ADMIN_PASSWORD", ADMIN_USER_ID);
      }
    } else if (!configuredPassword.isBlank()) {
      admin.setPassword(configuredPassword);
      identityService.saveUser(admin);
      identityService.unlockUser(ADMIN_USER_ID);
      if (identityService.createUserQuery().userId(ADMIN_USER_ID).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
        identityService.createMembership(ADMIN_USER_ID, Groups.CAMUNDA_ADMIN);
      }
      log.info("Recovered the webapp administrator '{}': password from PCO_ADMIN_PASSWORD, unlocked, member of {}",
          ADMIN_USER_ID, Groups.CAMUNDA_ADMIN);
    }
  }

  private void ensureAdminGroup() {
    if (identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(Groups.CAMUNDA_ADMIN);
    group.setName("Camunda administrators");
    group.setType(Groups.GROUP_TYPE_SYSTEM);
    identityService.saveGroup(group);
    for (Resource resource : Resources.values()) {
      Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(Groups.CAMUNDA_ADMIN);
      authorization.setResource(resource);
      authorization.setResourceId(Authorization.ANY);
      authorization.addPermission(Permissions.ALL);
      authorizationService.saveAuthorization(authorization);
    }
  }

  private static String generatePassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
