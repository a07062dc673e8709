package io.partnerchannel.orchestrator.indirect;

import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.DECLINED_BY_RESELLER;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.DECLINE_REASON;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.FORWARDED_BY;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.FORWARD_DECISION;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_TENANT_ID;

import io.partnerchannel.orchestrator.invitation.FormInput;
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
      FORWARD_DECISION.on(task.getExecution()).remove();
      DECLINE_REASON.on(task.getExecution()).remove();
      return;
    }
    String decision = FormInput.submitted(FORWARD_DECISION, task);
    if (decision == null
        || Arrays.stream(ForwardDecision.values()).noneMatch(value -> value.name().equals(decision.toString()))) {
      throw new BadUserRequestException(FORWARD_DECISION.getName() + " must be one of " + Arrays.toString(ForwardDecision.values()));
    }
    if (ForwardDecision.DECLINE.name().equals(decision.toString())) {
      String reason = FormInput.submitted(DECLINE_REASON, task);
      if (reason == null || reason.toString().isBlank() || reason.toString().length() > MAX_REASON_LENGTH) {
        throw new BadUserRequestException(
            DECLINE_REASON.getName() + " must tell the provider why (1 to " + MAX_REASON_LENGTH + " characters) when declining");
      }
      DECLINE_REASON.on(task.getExecution()).set(reason.toString().trim());
      DECLINED_BY_RESELLER.on(task.getExecution()).set(RESELLER_TENANT_ID.from(task).getOrNull());
      return;
    }
    Authentication authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    FORWARDED_BY.on(task.getExecution()).set(
        authentication != null && authentication.getUserId() != null ? authentication.getUserId() : task.getAssignee());
  }
}
