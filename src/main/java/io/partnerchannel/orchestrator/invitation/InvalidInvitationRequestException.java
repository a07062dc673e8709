package io.partnerchannel.orchestrator.invitation;

import io.partnerchannel.orchestrator.web.FieldError;
import io.partnerchannel.orchestrator.web.FieldErrorsException;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * The start variables of {@code ResellerRelationshipInvitation} break the invitation request's
 * constraints. Thrown by the start listener, so the engine rolls the start back and nothing is written;
 * Tasklist shows the message and the engine REST API answers 400.
 */
public class InvalidInvitationRequestException extends BadUserRequestException implements FieldErrorsException {

  /**
   * One invalid field.
   *
   * @param field the REST field name, e.g. {@code domain}
   * @param variable the process variable (start form key), e.g. {@code customerDomain}
   * @param message what is wrong
   */
  public record FieldProblem(String field, String variable, String message) {}

  private final transient List<FieldProblem> problems;

  /** @param problems the invalid fields, at least one */
  public InvalidInvitationRequestException(List<FieldProblem> problems) {
    super(
        "Invalid invitation request: "
            + problems.stream()
                .map(problem -> problem.variable() + " " + problem.message())
                .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  /** @return the invalid fields */
  public List<FieldProblem> getProblems() {
    return problems;
  }

  /** @return the invalid fields by process variable name */
  @Override
  public List<FieldError> getErrors() {
    return problems.stream().map(problem -> new FieldError(problem.variable(), problem.message())).toList();
  }
}
