package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.CANCELLATION_OPTIONS;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.OLD_SERVICE_OPTIONS;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SERVICES_CHOSEN_TO_CANCEL;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CANCELLATION_REASON;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CANCELLATION_SCOPE;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SERVICES_TO_CANCEL;

import io.partnerchannel.orchestrator.forms.JsonArrayVariable.Option;
import io.holunda.camunda.bpm.data.adapter.WrongVariableTypeException;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Choose what to cancel" ({@code Form_ChooseWhatToCancel}): {@code cancellationScope}
 * must be a {@link CancellationScope}; for {@code SELECTED_SERVICES} the chosen services must be one or more
 * of the old subscription's active services, for {@code WHOLE_SUBSCRIPTION} all of them are taken; a
 * cancellation needs a reason (1..500 characters, shown to the agent and the customer in the old-channel task). Refuses the completion naming the
 * fields; stores {@code servicesToCancel} (empty for {@code WITHDRAW}) and the same services as the options of the
 * old-channel checklist ({@code cancellationOptions}).
 */
@Component("cancellationChoiceListener")
class CancellationChoiceListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<FieldError> errors = new ArrayList<>();
    CancellationScope scope = null;
    String scopeText = MigrationVariables.trimmed(CANCELLATION_SCOPE, task);
    try {
      scope = scopeText == null ? null : CancellationScope.valueOf(scopeText);
    } catch (IllegalArgumentException e) {
      // reported below
    }
    if (scope == null) {
      errors.add(new FieldError(CANCELLATION_SCOPE.getName(), "must be one of " + List.of(CancellationScope.values())));
    }
    List<String> known = OLD_SERVICE_OPTIONS.from(task).stream().map(Option::value).toList();
    List<String> services = List.of();
    if (scope == CancellationScope.SELECTED_SERVICES) {
      try {
        services = SERVICES_CHOSEN_TO_CANCEL.from(task);
        if (services.isEmpty() || !known.containsAll(services)) {
          errors.add(new FieldError(SERVICES_TO_CANCEL.getName(), "must name one or more active services of the old subscription "
              + known));
        }
      } catch (IllegalArgumentException | WrongVariableTypeException e) {
        errors.add(new FieldError(SERVICES_TO_CANCEL.getName(), "must be a list of service ids"));
      }
    } else if (scope == CancellationScope.WHOLE_SUBSCRIPTION) {
      services = known;
    }
    String reason = MigrationVariables.trimmed(CANCELLATION_REASON, task);
    if (scope != null && scope != CancellationScope.WITHDRAW && (reason == null || reason.length() > 500)) {
      errors.add(new FieldError(CANCELLATION_REASON.getName(), "must be 1 to 500 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException("Invalid cancellation choice", errors);
    }
    CANCELLATION_SCOPE.on(task.getExecution()).set(scope.name());
    SERVICES_TO_CANCEL.on(task.getExecution()).set(new ArrayList<>(services));
    CANCELLATION_OPTIONS.set(task.getExecution(), Option.of(services));
    CANCELLATION_REASON.on(task.getExecution()).set(reason);
  }
}
