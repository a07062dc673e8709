package io.partnerchannel.orchestrator.indirect;

import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.NEW_RESELLER_TENANT_ID;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_NAME;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_OPTIONS;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_TENANT_ID;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.REVIEW_DECISION;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.ROUTE;

import io.partnerchannel.orchestrator.invitation.FormInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of "Review declined invitation". On {@code create} it clears an earlier review's decision.
 * On {@code complete} it checks the decision and prepares the path it takes: REASSIGN needs a
 * {@code newResellerTenantId} among {@code resellerOptions} (the provider's other active resellers), which
 * becomes {@code resellerTenantId}; SEND_DIRECTLY switches {@code route} to DIRECT and drops the reseller, so
 * the customer gets the reseller link from the provider; WITHDRAW ends the invitation. Throwing refuses the
 * completion, so Tasklist shows the message and the task stays open.
 */
@Component("reviewDecisionListener")
class ReviewDecisionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      REVIEW_DECISION.on(execution).remove();
      NEW_RESELLER_TENANT_ID.on(execution).remove();
      return;
    }
    ReviewDecision review = ReviewDecision.of(FormInput.submitted(REVIEW_DECISION, task));
    switch (review) {
      case REASSIGN -> {
        String reseller = ResellerOptions.chosen(RESELLER_OPTIONS.from(task), FormInput.submitted(NEW_RESELLER_TENANT_ID, task));
        RESELLER_TENANT_ID.on(execution).set(reseller);
        RESELLER_NAME.on(execution).set(null);
      }
      case SEND_DIRECTLY -> {
        ROUTE.on(execution).set(IndirectRoute.DIRECT.name());
        RESELLER_TENANT_ID.on(execution).set(null);
        RESELLER_NAME.on(execution).set(null);
      }
      case WITHDRAW -> {
        // the end event records the reason
      }
    }
  }
}
