package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.CANCELLED_SERVICES;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_CONFIRMATION;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SERVICES_TO_CANCEL;

import io.holunda.camunda.bpm.data.adapter.WrongVariableTypeException;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.web.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Confirm cancellation in old channel" ({@code Form_ConfirmOldChannelCancellation}). Partner
 * Center cannot cancel services bought through EA, Open or Advisor (its Azure-entitlement cancel applies to Azure
 * subscriptions under this partner's own Azure plan, cancel-an-azure-entitlement): the customer cancels them in the
 * EA portal or Azure portal (R3). The agent ticks every chosen service ({@code servicesToCancel}) in
 * {@code cancelledServices} once the customer confirmed it, and records the confirmation ({@code customerConfirmation},
 * 1..500 characters). Refuses the completion naming the fields.
 */
@Component("oldChannelCancellationListener")
class OldChannelCancellationListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<FieldError> errors = new ArrayList<>();
    List<String> chosen = SERVICES_TO_CANCEL.from(task).getOrDefault(List.of());
    List<String> ticked;
    try {
      ticked = CANCELLED_SERVICES.from(task);
    } catch (IllegalArgumentException | WrongVariableTypeException e) {
      ticked = List.of();
    }
    if (!new HashSet<>(ticked).equals(new HashSet<>(chosen))) {
      errors.add(new FieldError(CANCELLED_SERVICES.getName(),
          "must tick every service to cancel once the customer confirmed its cancellation " + chosen));
    }
    String confirmation = MigrationVariables.trimmed(CUSTOMER_CONFIRMATION, task);
    if (confirmation == null || confirmation.length() > 500) {
      errors.add(new FieldError(CUSTOMER_CONFIRMATION.getName(), "must say how and when the customer confirmed (1 to 500 characters)"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException("Cancellation in the old channel not confirmed", errors);
    }
    CUSTOMER_CONFIRMATION.on(task.getExecution()).set(confirmation);
  }
}
