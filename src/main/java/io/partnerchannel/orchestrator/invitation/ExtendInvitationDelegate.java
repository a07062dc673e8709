package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.EXPIRES_AT;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.EXTEND_BY_DAYS;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Extend invitation": moves {@code expiresAt} by {@code extendByDays} (from now when it already passed). The
 * model does the rest: "Invitation extended" leaves "Track invitation" (escalation {@code InvitationExtended}) and
 * enters it again, so its follow-up window timer, {@code ${expiresAt}}, is set anew from the new date; no code
 * moves a timer.
 */
@Component("extendInvitation")
class ExtendInvitationDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(ExtendInvitationDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    TypedValue extendBy = execution.getVariableTyped(EXTEND_BY_DAYS);
    if (extendBy == null || !(extendBy.getValue() instanceof Number number)) {
      throw new IllegalStateException(EXTEND_BY_DAYS + " must be a number of days");
    }
    long days = number.longValue();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Date current = InvitationVariables.expiresAt(execution);
    Instant from = current == null || current.toInstant().isBefore(now) ? now : current.toInstant();
    Date expiresAt = Date.from(from.plus(Duration.ofDays(days)));
    execution.setVariable(EXPIRES_AT, expiresAt);
    log.info("Invitation {}: extended by {} days to {}", execution.getProcessInstanceId(), days, expiresAt);
  }
}
