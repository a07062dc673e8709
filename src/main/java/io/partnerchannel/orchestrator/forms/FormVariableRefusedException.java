package io.partnerchannel.orchestrator.forms;

import io.partnerchannel.orchestrator.web.FieldError;
import io.partnerchannel.orchestrator.web.FieldErrorsException;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task completion tried to set variables its form does not let the user set: a variable that is no
 * field of the form, or a read-only field with a value other than the current one. Nothing is written
 * (the command fails before the task is touched). A {@link FormFieldValidationException}, so Camunda's
 * REST resources answer 400 for {@code submit-form}; {@code /complete} and the problem body come from
 * {@code web.EngineRestProblems}.
 */
public class FormVariableRefusedException extends FormFieldValidationException implements FieldErrorsException {

  private final transient List<FieldError> errors;

  /**
   * @param taskName the task's name, e.g. {@code Forward invitation to customer}
   * @param errors the refused variables, at least one
   */
  public FormVariableRefusedException(String taskName, List<FieldError> errors) {
    super(errors.get(0).field(), "The form of task '" + taskName + "' does not let you set "
        + errors.stream().map(error -> error.field() + " (" + error.message() + ")").collect(Collectors.joining(", ")));
    this.errors = List.copyOf(errors);
  }

  /** @return the refused variables with the reason */
  @Override
  public List<FieldError> getErrors() {
    return errors;
  }
}
