package io.partnerchannel.orchestrator.operations;

import io.partnerchannel.orchestrator.security.EngineUser;
import io.partnerchannel.orchestrator.security.PartnerRoles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who reads the case history, and so which cases they may see: the need-to-know rule of the outbox
 * (docs/security-input.md "The outbox by need to know"), applied to process instances by the engine tenant they
 * carry ({@code security.ResellerTenantIdProvider}).
 * <ul>
 *   <li>{@code camunda-admin} (operations): every case;</li>
 *   <li>the operating partner's roles ({@link PartnerRoles#PARTNER_GROUPS}): the cases without a tenant (the
 *       partner's own) and those of the reseller tenants they are members of;</li>
 *   <li>anyone else, e.g. a reseller's staff: only the cases of their own tenants; a user without a tenant
 *       (a business analyst) none.</li>
 * </ul>
 *
 * @param everything whether the reader may see every case
 * @param partner whether the reader may see cases without a tenant
 * @param tenantIds the tenants whose cases the reader may see
 */
record CaseReader(boolean everything, boolean partner, List<String> tenantIds) {

  /** Sees nothing. */
  static final CaseReader NOBODY = new CaseReader(false, false, List.of());

  /** Copies the list. */
  CaseReader {
    tenantIds = List.copyOf(tenantIds);
  }

  /** @return the reader of the current request (Spring Security's authenticated {@link EngineUser}) */
  static CaseReader current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || !(authentication.getPrincipal() instanceof EngineUser user)) {
      return NOBODY;
    }
    return of(user);
  }

  /**
   * @param user an engine user
   * @return what the user may read
   */
  static CaseReader of(EngineUser user) {
    return new CaseReader(user.groupIds().contains(Groups.CAMUNDA_ADMIN),
        user.groupIds().stream().anyMatch(PartnerRoles.PARTNER_GROUPS::contains), user.tenantIds());
  }

  /** @return whether the reader may see any case at all */
  boolean seesAnything() {
    return everything || partner || !tenantIds.isEmpty();
  }

  /**
   * The parts of the history the reader may see, each as a narrowing of a query. Several parts are separate
   * queries: the engine's query keeps one tenant condition (within {@code or()} too, {@code withoutTenantId()}
   * and {@code tenantIdIn()} replace each other). Call only when {@link #seesAnything()}.
   *
   * @return one narrowing per part: no narrowing for everything; without tenant; the reader's tenants
   */
  List<UnaryOperator<HistoricProcessInstanceQuery>> scopes() {
    if (everything) {
      return List.of(query -> query);
    }
    String[] tenants = tenantIds.toArray(String[]::new);
    List<UnaryOperator<HistoricProcessInstanceQuery>> scopes = new ArrayList<>();
    if (partner) {
      scopes.add(HistoricProcessInstanceQuery::withoutTenantId);
    }
    if (tenants.length > 0) {
      scopes.add(query -> query.tenantIdIn(tenants));
    }
    return scopes;
  }
}
