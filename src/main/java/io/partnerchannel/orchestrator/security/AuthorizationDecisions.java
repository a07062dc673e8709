package io.partnerchannel.orchestrator.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.partnerchannel.orchestrator.system.CacheProperties;
import io.partnerchannel.orchestrator.system.CommandHooks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The engine's <em>granted</em> authorization decisions for a status read, reused for a short time
 * ({@code pco.cache.authorization}, default 10 seconds like the sign-in itself; {@code PT0S} = never), so a client
 * that polls an invitation does not pay two authorization queries per poll. A decision is the engine's own
 * ({@link AuthorizationManager#isAuthorized(CompositePermissionCheck)}), keyed by the user, the user's groups and
 * every permission, resource and resource id of the check. Only grants are kept: a refusal is asked again each time,
 * so a new grant applies at once.
 *
 * <p>A kept grant is reused only while nothing that can take it away has happened on this node since it was made:
 * an authorization saved or deleted ({@code AuthorizationService}: Camunda Admin, {@code /engine-rest/authorization},
 * the partner role set-up), a deployment deleted, or a change to users, groups, tenants or memberships
 * (all counted by {@link AccessChanges}). Such a change takes effect at once on this node and within the setting on
 * another node, as a changed password does for the sign-in.
 */
@Component
public class AuthorizationDecisions extends AbstractProcessEnginePlugin {

  private final Cache<Key, Long> granted;

  /** @param properties {@code pco.cache.authorization} */
  @Autowired
  public AuthorizationDecisions(CacheProperties properties) {
    this(properties.authorization(), Ticker.systemTicker());
  }

  /**
   * @param keptFor how long a grant is reused; zero = never
   * @param ticker the clock the expiry reads (tests move it)
   */
  AuthorizationDecisions(Duration keptFor, Ticker ticker) {
    granted = Caffeine.newBuilder()
        .maximumSize(keptFor.isZero() ? 0 : 10_000)
        .expireAfterWrite(keptFor)
        .ticker(ticker)
        .build();
  }

  /**
   * @param commandContext the running command, under the caller's authentication
   * @param check the permissions, any of which grants (a disjunctive check) or all of which must
   * @return whether the caller holds them; true when the engine checks nothing here (no authentication,
   *     authorization off or checks disabled in this command, or no permission in the check)
   */
  public boolean isGranted(CommandContext commandContext, CompositePermissionCheck check) {
    return decide(commandContext, check, authorizations -> authorizations.isAuthorized(check));
  }

  /**
   * As {@link #isGranted}, refusing as the engine refuses.
   *
   * @param commandContext the running command, under the caller's authentication
   * @param check the permissions
   * @throws AuthorizationException naming the missing permissions when the caller does not hold them
   */
  public void check(CommandContext commandContext, CompositePermissionCheck check) {
    decide(commandContext, check, authorizations -> {
      authorizations.checkAuthorization(check); // one query, which throws the engine's own refusal
      return true;
    });
  }

  /** A kept grant, or the engine's decision ({@code engine}), kept when it grants. */
  private boolean decide(CommandContext commandContext, CompositePermissionCheck check,
      Predicate<AuthorizationManager> engine) {
    Authentication authentication = commandContext.getAuthentication();
    // when the engine's own checkAuthorization checks nothing (AuthorizationManager#isAuthCheckExecuted)
    if (check.getAllPermissionChecks().isEmpty()
        || !commandContext.getProcessEngineConfiguration().isAuthorizationEnabled()
        || !commandContext.isAuthorizationCheckEnabled()
        || authentication == null || authentication.getUserId() == null) {
      return true;
    }
    Key key = Key.of(authentication, check);
    Long now = AccessChanges.generation(); // before the query: a change meanwhile is not missed
    if (now.equals(granted.getIfPresent(key))) {
      return true;
    }
    if (!engine.test(commandContext.getAuthorizationManager())) {
      return false;
    }
    granted.put(key, now);
    return true;
  }

  /** Forgets every kept grant: the next check of each asks the engine again. */
  public void clear() {
    granted.invalidateAll();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandHooks.beforeCommands(configuration, commandContext -> AccessChanges.changed(),
        SaveAuthorizationCmd.class, DeleteAuthorizationCmd.class, DeleteDeploymentCmd.class);
  }

  /** What a decision depends on: who asks, as which groups, for which permissions on which resources. */
  private record Key(String userId, List<String> groupIds, boolean disjunctive, List<String> checks) {

    static Key of(Authentication authentication, CompositePermissionCheck check) {
      List<String> groups = authentication.getGroupIds() == null
          ? List.of()
          : authentication.getGroupIds().stream().sorted().toList();
      List<String> checks = new ArrayList<>();
      for (PermissionCheck atomic : check.getAtomicChecks()) {
        checks.add(describe(atomic));
      }
      for (CompositePermissionCheck composite : check.getCompositeChecks()) {
        checks.add(composite.isDisjunctive() + ":" + composite.getAllPermissionChecks().stream().map(Key::describe).toList());
      }
      return new Key(authentication.getUserId(), groups, check.isDisjunctive(), checks);
    }

    private static String describe(PermissionCheck check) {
      return check.getPermission().getName() + '/' + check.getPermission().getValue() + '@'
          + check.getResource().resourceType() + ':' + check.getResourceId() + '#'
          + check.getAuthorizationNotFoundReturnValue();
    }
  }
}
