package io.partnerchannel.orchestrator.routing;

import io.partnerchannel.orchestrator.web.FieldError;
import io.partnerchannel.orchestrator.web.FieldErrorsException;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Variables given to a process start or a user task break that input's rules. Thrown by a start or task
 * listener before anything is written, so the start or the task completion is rolled back; Tasklist shows
 * the message next to the form and the engine REST API answers 400.
 */
public class InvalidProcessInputException extends BadUserRequestException implements FieldErrorsException {

  private final transient List<FieldError> errors;

  /**
   * @param what what was refused, e.g. "Invalid onboarding request"
   * @param errors the invalid fields (process variable names), at least one
   */
  public InvalidProcessInputException(String what, List<FieldError> errors) {
    super(what + ": " + errors.stream()
        .map(error -> (error.field() == null ? "" : error.field() + " ") + error.message())
        .collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  /** @return the invalid fields */
  @Override
  public List<FieldError> getErrors() {
    return errors;
  }
}
