package io.partnerchannel.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.system.CacheProperties;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * {@link AuthorizationDecisions}: a grant is the engine's own decision, reused for the same user, groups and
 * resource until it expires or anything that can take it away happens on this node; a refusal is never kept. A
 * grant removed behind the engine's back (SQL) is what shows whether the kept decision or a new query answered.
 */
@SpringBootTest
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
class AuthorizationDecisionsTest {

  @Autowired ProcessEngine processEngine;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationDecisions decisions;
  @Autowired JdbcTemplate jdbc;

  String user;
  String group;
  String processKey;

  @BeforeEach
  void userInAGroup() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    user = "decisions." + suffix;
    group = "decisions-" + suffix;
    processKey = "DecisionsProcess_" + suffix;
    User newUser = identityService.newUser(user);
    newUser.setPassword("Decisions!Pass1");
    identityService.saveUser(newUser);
    identityService.saveGroup(identityService.newGroup(group));
    identityService.createMembership(user, group);
    decisions.clear();
  }

  @AfterEach
  void removeUser() {
    identityService.clearAuthentication();
    authorizationService.createAuthorizationQuery().groupIdIn(group).list()
        .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    identityService.deleteUser(user);
    identityService.deleteGroup(group);
  }

  @Test
  void aGrantIsReusedForTheSameUserGroupsAndResource() {
    String grant = grantReadHistory();
    assertThat(readHistory(decisions, processKey)).isTrue();

    removeBehindTheEnginesBack(grant);

    assertThat(readHistory(decisions, processKey)).as("kept").isTrue();
    assertThat(readHistory(decisions, processKey + "_other")).as("another resource is asked for").isFalse();
  }

  @Test
  void anAuthorizationDeletedOnThisNodeTakesEffectAtOnce() {
    String grant = grantReadHistory();
    assertThat(readHistory(decisions, processKey)).isTrue();

    authorizationService.deleteAuthorization(grant);

    assertThat(readHistory(decisions, processKey)).isFalse();
  }

  @Test
  void aChangeToTheUsersMembershipsOnThisNodeTakesEffectAtOnce() {
    String grant = grantReadHistory();
    assertThat(readHistory(decisions, processKey)).isTrue();
    removeBehindTheEnginesBack(grant);

    identityService.deleteMembership(user, group);

    assertThat(readHistory(decisions, processKey)).isFalse();
  }

  @Test
  void aRefusalIsNeverKept() {
    assertThat(readHistory(decisions, processKey)).isFalse();

    String grant = grantReadHistory();
    jdbc.update("update ACT_RU_AUTHORIZATION set PERMS_ = 0 where ID_ = ?", grant);
    assertThat(readHistory(decisions, processKey)).isFalse();
    jdbc.update("update ACT_RU_AUTHORIZATION set PERMS_ = ? where ID_ = ?", Permissions.READ_HISTORY.getValue(), grant);

    assertThat(readHistory(decisions, processKey)).as("asked again").isTrue();
  }

  @Test
  void aGrantExpiresAfterTheSetting() {
    AtomicLong nanos = new AtomicLong();
    Ticker ticker = nanos::get;
    AuthorizationDecisions tenSeconds = new AuthorizationDecisions(Duration.ofSeconds(10), ticker);
    String grant = grantReadHistory();
    assertThat(readHistory(tenSeconds, processKey)).isTrue();
    removeBehindTheEnginesBack(grant);

    nanos.addAndGet(Duration.ofSeconds(9).toNanos());
    assertThat(readHistory(tenSeconds, processKey)).isTrue();
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(readHistory(tenSeconds, processKey)).isFalse();
  }

  @Test
  void zeroKeepsNothing() {
    AuthorizationDecisions never = new AuthorizationDecisions(
        new CacheProperties(Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ZERO, Duration.ofMinutes(1)));
    String grant = grantReadHistory();
    assertThat(readHistory(never, processKey)).isTrue();

    removeBehindTheEnginesBack(grant);

    assertThat(readHistory(never, processKey)).isFalse();
  }

  @Test
  void checkRefusesAsTheEngineDoes() {
    CompositePermissionCheck check = readHistoryCheck(processKey);

    assertThatThrownBy(() -> inCommandAsUser(() -> decisions.check(commandContext(), check)))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining(Permissions.READ_HISTORY.getName())
        .hasMessageContaining(processKey);
  }

  @Test
  void withoutAnAuthenticatedUserTheEngineChecksNothing() {
    boolean granted = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(context -> decisions.isGranted(context, readHistoryCheck(processKey)));

    assertThat(granted).isTrue();
  }

  private boolean readHistory(AuthorizationDecisions decisions, String key) {
    return asUser(() -> ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(context -> decisions.isGranted(context, readHistoryCheck(key))));
  }

  private static CommandContext commandContext() {
    return Context.getCommandContext();
  }

  private <T> T asUser(Supplier<T> action) {
    identityService.setAuthentication(user, List.of(group));
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void inCommandAsUser(Runnable action) {
    asUser(() -> {
      ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
          .getCommandExecutorTxRequired().execute(context -> {
            action.run();
            return null;
          });
      return null;
    });
  }

  private static CompositePermissionCheck readHistoryCheck(String key) {
    PermissionCheck check = new PermissionCheck();
    check.setPermission(Permissions.READ_HISTORY);
    check.setResource(Resources.PROCESS_DEFINITION);
    check.setResourceId(key);
    CompositePermissionCheck any = new CompositePermissionCheck(true);
    any.setAtomicChecks(List.of(check));
    return any;
  }

  private String grantReadHistory() {
    Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(Resources.PROCESS_DEFINITION);
    authorization.setResourceId(processKey);
    authorization.addPermission(Permissions.READ_HISTORY);
    return authorizationService.saveAuthorization(authorization).getId();
  }

  private void removeBehindTheEnginesBack(String authorizationId) {
    assertThat(jdbc.update("delete from ACT_RU_AUTHORIZATION where ID_ = ?", authorizationId)).isEqualTo(1);
  }
}
