package io.partnerchannel.orchestrator.gdap;

import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.util.Optional;
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
 * Administrator, R30): the rules are {@link RelationshipReading}'s. A relationship Graph no longer knows counts as
 * ended. When two lifecycles of one relationship were started at once (invitation and reconciliation), every one
 * but the one with the smallest id ends here ({@code WATCHED_ELSEWHERE}). Read-only, so safe to repeat.
 */
@Component("readGdapRelationship")
class ReadGdapRelationshipDelegate implements JavaDelegate {

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
      GdapVariables.RELATIONSHIP_STATE.on(execution).set(RelationshipReading.WATCHED_ELSEWHERE);
      log.info("GDAP lifecycle {}: relationship {} is already watched by another instance", self, relationshipId);
      return;
    }
    Optional<RelationshipReading> found = partnerCenter.getDelegatedAdminRelationship(relationshipId)
        .map(relationship -> RelationshipReading.of(
            relationship, ClockUtil.getCurrentTime().toInstant(), properties.lifecycle()));
    if (found.isEmpty()) {
      GdapVariables.RELATIONSHIP_STATUS.on(execution).set("unknown");
      GdapVariables.RELATIONSHIP_STATE.on(execution).set(RelationshipReading.ENDED);
      log.info("GDAP lifecycle {}: relationship {} is unknown to Graph", self, relationshipId);
      return;
    }
    write(execution, found.get());
    log.info("GDAP lifecycle {}: relationship {} is {}", self, relationshipId, found.get());
  }

  private static void write(DelegateExecution execution, RelationshipReading reading) {
    GdapVariables.RELATIONSHIP_STATUS.on(execution).set(reading.status());
    GdapVariables.RELATIONSHIP_STATE.on(execution).set(reading.state());
    if (reading.customerTenantId() != null) {
      GdapVariables.CUSTOMER_TENANT_ID.on(execution).set(reading.customerTenantId());
      InvitationVariables.COMPANY_NAME.on(execution).set(reading.companyName());
    }
    InvitationVariables.GDAP_ROLES.set(execution, reading.roles());
    InvitationVariables.GDAP_DURATION.on(execution).set(reading.duration());
    GdapVariables.AUTO_EXTEND_ALLOWED.on(execution).set(reading.autoExtendAllowed());
    if (reading.endDateTime() != null) {
      GdapVariables.END_DATE_TIME.on(execution).set(reading.endDateTime());
      GdapVariables.END_DATE_CHECK_AT.on(execution).set(reading.endDateCheckAt());
      GdapVariables.FIRST_REMINDER_AT.on(execution).set(reading.firstReminderAt());
      GdapVariables.FINAL_REMINDER_AT.on(execution).set(reading.finalReminderAt());
    }
  }
}
