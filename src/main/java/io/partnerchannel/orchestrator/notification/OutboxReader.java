package io.partnerchannel.orchestrator.notification;

import io.partnerchannel.orchestrator.security.EngineUser;
import io.partnerchannel.orchestrator.security.PartnerRoles;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who reads the outbox, and so which e-mails they may see (need to know, docs/security-input.md "The outbox by
 * need to know"): an e-mail belongs to the process instance it names ({@code business_reference}), and that
 * instance to the engine tenant it carries ({@code security.ResellerTenantIdProvider}).
 * <ul>
 *   <li>{@code camunda-admin}: every e-mail;</li>
 *   <li>the operating partner's roles ({@link PartnerRoles#PARTNER_GROUPS}): the e-mails of instances without
 *       a tenant (the partner's own, and the indirect invitations it runs) and of the reseller tenants they
 *       are members of;</li>
 *   <li>anyone else, e.g. a reseller's staff: only the e-mails of instances of their own tenants.</li>
 * </ul>
 *
 * @param everything whether the reader may see every e-mail
 * @param partner whether the reader may see e-mails of instances without a tenant
 * @param tenantIds the tenants whose instances' e-mails the reader may see
 */
record OutboxReader(boolean everything, boolean partner, List<String> tenantIds) {

  /** Nobody: sees nothing. */
  static final OutboxReader NOBODY = new OutboxReader(false, false, List.of());

  /** @return the reader of the current request (Spring Security's authenticated {@link EngineUser}) */
  static OutboxReader current() {
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
  static OutboxReader of(EngineUser user) {
    return new OutboxReader(user.groupIds().contains(Groups.CAMUNDA_ADMIN),
        user.groupIds().stream().anyMatch(PartnerRoles.PARTNER_GROUPS::contains), user.tenantIds());
  }
}
