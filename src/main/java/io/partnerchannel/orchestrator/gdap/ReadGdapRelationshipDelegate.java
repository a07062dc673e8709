package io.partnerchannel.orchestrator.gdap;

import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Read GDAP relationship" ({@code GET /tenantRelationships/delegatedAdminRelationships/{id}}, delegatedadminrelationship-get):
 * records the watched relationship's status as {@link GdapVariables#RELATIONSHIP_STATE}, its customer, roles and
 * duration (what a new relationship repeats), its {@code endDateTime}, when to read it again after that end (never
 * sooner than {@code pco.gdap.lifecycle.activation-check-interval} from now, so an end date Microsoft has not moved
 * yet is not read in a loop), the two reminder dates, and whether the roles allow auto-extension (not with Global
 * Administrator, R30). A relationship Graph no longer knows counts as
 * ended. When two lifecycles of one relationship were started at once (invitation and reconciliation), every one
 * but the one with the smallest id ends here ({@code WATCHED_ELSEWHERE}). Read-only, so safe to repeat.
 */
@Component("readGdapRelationship")
class ReadGdapRelationshipDelegate implements JavaDelegate {

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
  private static final Logger log = LoggerFactory.getLogger(ReadGdapRelationshipDelegate.class);

  private final PartnerCenter partnerCenter;
  private final GdapProperties properties;

  /**
   * @param partnerCenter the Partner Center port
   * @param properties reminder offsets
   */
  ReadGdapRelationshipDelegate(PartnerCenter partnerCenter, GdapProperties properties) {
    this.partnerCenter = partnerCenter;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String relationshipId = GdapVariables.RELATIONSHIP_ID.from(execution).getOrNull();
    String self = execution.getProcessInstanceId();
    boolean watchedElsewhere = execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(GdapRelationshipLifecycleProcess.PROCESS_KEY)
        .processInstanceBusinessKey(execution.getProcessBusinessKey())
        .list().stream()
        .anyMatch(other -> other.getId().compareTo(self) < 0);
    if (watchedElsewhere) {
      GdapVariables.RELATIONSHIP_STATE.on(execution).set(WATCHED_ELSEWHERE);
      log.info("GDAP lifecycle {}: relationship {} is already watched by another instance", self, relationshipId);
      return;
    }
    Optional<DelegatedAdminRelationship> found = partnerCenter.getDelegatedAdminRelationship(relationshipId);
    if (found.isEmpty()) {
      GdapVariables.RELATIONSHIP_STATUS.on(execution).set("unknown");
      GdapVariables.RELATIONSHIP_STATE.on(execution).set(ENDED);
      log.info("GDAP lifecycle {}: relationship {} is unknown to Graph", execution.getProcessInstanceId(), relationshipId);
      return;
    }
    DelegatedAdminRelationship relationship = found.get();
    String status = relationship.status();
    GdapVariables.RELATIONSHIP_STATUS.on(execution).set(status);
    GdapVariables.RELATIONSHIP_STATE.on(execution).set(state(status));
    if (relationship.customer() != null) {
      GdapVariables.CUSTOMER_TENANT_ID.on(execution).set(relationship.customer().tenantId());
      InvitationVariables.COMPANY_NAME.on(execution).set(relationship.customer().displayName());
    }
    List<String> roles = relationship.accessDetails() == null || relationship.accessDetails().unifiedRoles() == null
        ? List.of()
        : relationship.accessDetails().unifiedRoles().stream()
            .map(role -> role.roleDefinitionId().toLowerCase(Locale.ROOT))
            .toList();
    InvitationVariables.GDAP_ROLES.set(execution, roles);
    InvitationVariables.GDAP_DURATION.on(execution).set(relationship.duration());
    GdapVariables.AUTO_EXTEND_ALLOWED.on(execution).set(!roles.contains(GLOBAL_ADMINISTRATOR));
    if (relationship.endDateTime() != null) {
      GdapVariables.END_DATE_TIME.on(execution).set(Date.from(relationship.endDateTime().toInstant()));
      Instant soonest = ClockUtil.getCurrentTime().toInstant().plus(properties.lifecycle().activationCheckInterval());
      Instant end = relationship.endDateTime().toInstant();
      GdapVariables.END_DATE_CHECK_AT.on(execution).set(Date.from(end.isAfter(soonest) ? end : soonest));
      GdapVariables.FIRST_REMINDER_AT.on(execution).set(Date.from(relationship.endDateTime().minus(properties.lifecycle().firstReminder()).toInstant()));
      GdapVariables.FINAL_REMINDER_AT.on(execution).set(Date.from(relationship.endDateTime().minus(properties.lifecycle().finalReminder()).toInstant()));
    }
    log.info("GDAP lifecycle {}: relationship {} is {} until {}, auto-extend {}",
        execution.getProcessInstanceId(), relationshipId, status, relationship.endDateTime(),
        relationship.autoExtendDuration());
  }

  private static String state(String status) {
    if (ACTIVE_STATUSES.contains(status)) {
      return ACTIVE;
    }
    return NOT_YET_ACTIVE_STATUSES.contains(status) ? NOT_YET_ACTIVE : ENDED;
  }
}
