package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.EXPIRES_AT;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.EXTEND_BY_DAYS;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.BOUNDARY_EVENT_INVITATION_EXPIRED;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Extend invitation": moves {@code expiresAt} by {@code extendByDays} (from now when it already
 * passed) and reschedules the pending expiry timer ({@code BoundaryEvent_InvitationExpired}) to the new
 * date. Repeating it after a failed transaction is harmless: both changes roll back together.
 */
@Component("extendInvitation")
public class ExtendInvitationDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(ExtendInvitationDelegate.class);

  private final ManagementService managementService;

  /** @param managementService the engine's management service (jobs) */
  public ExtendInvitationDelegate(ManagementService managementService) {
    this.managementService = managementService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long days = ((Number) execution.getVariable(EXTEND_BY_DAYS)).longValue();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Date current = InvitationVariables.expiresAt(execution);
    Instant from = current == null || current.toInstant().isBefore(now) ? now : current.toInstant();
    Date expiresAt = Date.from(from.plus(Duration.ofDays(days)));
    execution.setVariable(EXPIRES_AT, expiresAt);

    Job expiryTimer =
        managementService
            .createJobQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .activityId(BOUNDARY_EVENT_INVITATION_EXPIRED)
            .timers()
            .singleResult();
    if (expiryTimer == null) {
      throw new IllegalStateException(
          "No expiry timer pending for invitation " + execution.getProcessInstanceId());
    }
    managementService.setJobDuedate(expiryTimer.getId(), expiresAt);
    log.debug("Invitation {}: extended by {} days to {}", execution.getProcessInstanceId(), days, expiresAt);
  }
}
