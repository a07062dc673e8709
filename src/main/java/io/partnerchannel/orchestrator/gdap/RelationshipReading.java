package io.partnerchannel.orchestrator.gdap;

import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the lifecycle keeps of a watched GDAP relationship as Graph returned it: its {@link #state} for the model's
 * gateways, whether it may auto-extend (no Global Administrator role, R30), and when it is read again and its owner
 * reminded (the lifecycle's {@code pco.gdap.lifecycle.*} offsets from {@code endDateTime}).
 *
 * @param status Graph's {@code status}
 * @param state {@link #ACTIVE}, {@link #NOT_YET_ACTIVE} or {@link #ENDED}
 * @param customerTenantId the customer's tenant id, null when Graph names no customer
 * @param companyName the customer's display name, null when Graph names no customer
 * @param roles the role definition ids, lower case
 * @param duration ISO-8601 duration
 * @param autoExtendAllowed the roles allow auto-extension
 * @param endDateTime when the relationship ends, null when Graph gives no end
 * @param endDateCheckAt when to read it again: its end, or one activation-check interval from now when that passed
 * @param firstReminderAt end minus the first reminder offset
 * @param finalReminderAt end minus the final reminder offset
 */
record RelationshipReading(
    String status,
    String state,
    String customerTenantId,
    String companyName,
    List<String> roles,
    String duration,
    boolean autoExtendAllowed,
    Date endDateTime,
    Date endDateCheckAt,
    Date firstReminderAt,
    Date finalReminderAt) {

  /** Role definition id of the Microsoft Entra built-in role Global Administrator (permissions-reference). */
  static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
  /** {@link GdapVariables#RELATIONSHIP_STATE} values. */
  static final String ACTIVE = "ACTIVE";
  static final String NOT_YET_ACTIVE = "NOT_YET_ACTIVE";
  static final String ENDED = "ENDED";
  /** Another lifecycle of the same relationship runs (two starts at once); the one with the smallest id stays. */
  static final String WATCHED_ELSEWHERE = "WATCHED_ELSEWHERE";

  private static final Set<String> ACTIVE_STATUSES = Set.of("active", "expiring");
  private static final Set<String> NOT_YET_ACTIVE_STATUSES = Set.of("created", "approvalPending", "approved", "activating");

  /**
   * @param relationship the relationship as Graph returned it
   * @param now the engine's current time
   * @param lifecycle the reminder offsets and activation-check interval
   * @return what the lifecycle keeps of it
   */
  static RelationshipReading of(DelegatedAdminRelationship relationship, Instant now, GdapProperties.Lifecycle lifecycle) {
    List<String> roles = relationship.accessDetails() == null || relationship.accessDetails().unifiedRoles() == null
        ? List.of()
        : relationship.accessDetails().unifiedRoles().stream()
            .map(role -> role.roleDefinitionId().toLowerCase(Locale.ROOT))
            .toList();
    Instant end = relationship.endDateTime() == null ? null : relationship.endDateTime().toInstant();
    Instant soonest = now.plus(lifecycle.activationCheckInterval());
    return new RelationshipReading(
        relationship.status(),
        state(relationship.status()),
        relationship.customer() == null ? null : relationship.customer().tenantId(),
        relationship.customer() == null ? null : relationship.customer().displayName(),
        roles,
        relationship.duration(),
        !roles.contains(GLOBAL_ADMINISTRATOR),
        end == null ? null : Date.from(end),
        end == null ? null : Date.from(end.isAfter(soonest) ? end : soonest),
        end == null ? null : Date.from(end.minus(lifecycle.firstReminder())),
        end == null ? null : Date.from(end.minus(lifecycle.finalReminder())));
  }

  /**
   * @param status Graph's {@code status} of a delegatedAdminRelationship
   * @return {@link #ACTIVE} ({@code active}, {@code expiring}), {@link #NOT_YET_ACTIVE} ({@code created},
   *     {@code approvalPending}, {@code approved}, {@code activating}) or {@link #ENDED} (anything else)
   */
  static String state(String status) {
    if (ACTIVE_STATUSES.contains(status)) {
      return ACTIVE;
    }
    return NOT_YET_ACTIVE_STATUSES.contains(status) ? NOT_YET_ACTIVE : ENDED;
  }
}
