package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.REASON;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_DECISION;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_STATUS;

import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.web.FieldError;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Review transfer status" ({@code Form_ReviewTransferStatus}), the task a person gets when
 * Partner Center answers a transfer status the process does not know: {@code transferDecision} must be a
 * {@link TransferDecision}; closing records the status as the reason. Refuses the completion naming the field.
 */
@Component("transferDecisionListener")
class TransferDecisionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String text = MigrationVariables.trimmed(TRANSFER_DECISION, task);
    TransferDecision decision;
    try {
      decision = text == null ? null : TransferDecision.valueOf(text);
    } catch (IllegalArgumentException e) {
      decision = null;
    }
    if (decision == null) {
      throw new InvalidFieldsException("Invalid transfer decision",
          List.of(new FieldError(TRANSFER_DECISION.getName(), "must be one of " + List.of(TransferDecision.values()))));
    }
    TRANSFER_DECISION.on(task.getExecution()).set(decision.name());
    if (decision == TransferDecision.CLOSE) {
      REASON.on(task.getExecution()).set("Transfer " + TRANSFER_ID.from(task).getOrNull() + " ended with status "
          + TRANSFER_STATUS.from(task).getOrNull() + "; closed by " + task.getAssignee() + " without the transfer.");
    }
  }
}
