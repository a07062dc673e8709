package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.EXTEND_BY_DAYS;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.FOLLOW_UP_DECISION;

import java.util.Arrays;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of "Follow up with customer". On {@code create} it clears the decision of an earlier
 * follow-up, so the form starts empty. On {@code complete} it checks the decision: RESEND, EXTEND or
 * WITHDRAW, and EXTEND needs {@code extendByDays} between 1 and {@value #MAX_EXTEND_BY_DAYS}; throwing
 * refuses the completion, so Tasklist shows the message and the task stays open.
 */
@Component("followUpDecisionListener")
class FollowUpDecisionListener implements TaskListener {

  /** Longest single extension, in days. */
  public static final int MAX_EXTEND_BY_DAYS = 90;

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      FOLLOW_UP_DECISION.on(task.getExecution()).remove();
      EXTEND_BY_DAYS.on(task.getExecution()).remove();
      return;
    }
    String decision = FormInput.submitted(FOLLOW_UP_DECISION, task);
    if (decision == null
        || Arrays.stream(FollowUpDecision.values()).noneMatch(value -> value.name().equals(decision.toString()))) {
      throw new BadUserRequestException(
          FOLLOW_UP_DECISION.getName() + " must be one of " + Arrays.toString(FollowUpDecision.values()));
    }
    if (FollowUpDecision.EXTEND.name().equals(decision.toString())) {
      Number number = FormInput.submitted(EXTEND_BY_DAYS, task);
      if (number == null
          || number.doubleValue() != Math.rint(number.doubleValue())
          || number.longValue() < 1
          || number.longValue() > MAX_EXTEND_BY_DAYS) {
        throw new BadUserRequestException(
            EXTEND_BY_DAYS.getName() + " must be a whole number of days between 1 and " + MAX_EXTEND_BY_DAYS);
      }
    }
  }
}
