package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.EXPIRES_AT;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.EXTEND_BY_DAYS;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
    long days = EXTEND_BY_DAYS.from(execution).get().longValue();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Date current = EXPIRES_AT.from(execution).getOrNull();
    Instant from = current == null || current.toInstant().isBefore(now) ? now : current.toInstant();
    Date expiresAt = Date.from(from.plus(Duration.ofDays(days)));
    EXPIRES_AT.on(execution).set(expiresAt);
    log.info("Invitation {}: extended by {} days to {}", execution.getProcessInstanceId(), days, expiresAt);
  }
}
