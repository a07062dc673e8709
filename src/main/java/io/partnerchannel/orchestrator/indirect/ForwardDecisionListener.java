package io.partnerchannel.orchestrator.indirect;

import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.DECLINED_BY_RESELLER;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.DECLINE_REASON;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.FORWARDED_BY;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.FORWARD_DECISION;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_TENANT_ID;

import java.util.Arrays;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Task listener of "Forward invitation to customer". On {@code create} it clears an earlier reseller's
 * decision, so the form starts empty. On {@code complete} it checks the decision: FORWARD, or DECLINE with a
 * {@code declineReason} of at most {@value #MAX_REASON_LENGTH} characters; throwing refuses the completion
 * (Tasklist shows the message, the task stays open). It records who forwarded ({@code forwardedBy}: the
 * authenticated user, else the assignee) or which reseller declined ({@code declinedByReseller}).
 */
@Component("forwardDecisionListener")
class ForwardDecisionListener implements TaskListener {

  /** Longest decline reason. */
  public static final int MAX_REASON_LENGTH = 1000;

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.getExecution().removeVariable(FORWARD_DECISION);
      task.getExecution().removeVariable(DECLINE_REASON);
      return;
    }
    Object decision = task.getVariable(FORWARD_DECISION);
    if (decision == null
        || Arrays.stream(ForwardDecision.values()).noneMatch(value -> value.name().equals(decision.toString()))) {
      throw new BadUserRequestException(FORWARD_DECISION + " must be one of " + Arrays.toString(ForwardDecision.values()));
    }
    if (ForwardDecision.DECLINE.name().equals(decision.toString())) {
      Object reason = task.getVariable(DECLINE_REASON);
      if (reason == null || reason.toString().isBlank() || reason.toString().length() > MAX_REASON_LENGTH) {
        throw new BadUserRequestException(
            DECLINE_REASON + " must tell the provider why (1 to " + MAX_REASON_LENGTH + " characters) when declining");
      }
      task.getExecution().setVariable(DECLINE_REASON, reason.toString().trim());
      task.getExecution().setVariable(DECLINED_BY_RESELLER, task.getVariable(RESELLER_TENANT_ID));
      return;
    }
    Authentication authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    task.getExecution().setVariable(FORWARDED_BY,
        authentication != null && authentication.getUserId() != null ? authentication.getUserId() : task.getAssignee());
  }
}
