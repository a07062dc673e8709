package io.partnerchannel.orchestrator.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * The one invalid-input exception: request fields or start variables break their rules. Answered with 400
 * {@code application/problem+json} whose detail names the fields and whose {@code errors} member lists
 * {@code {field, message}}, by the application's API ({@link ApiExceptionHandler}) and by the engine's REST API
 * and Tasklist ({@link EngineRestProblems}), which show the message next to the form.
 *
 * <p>An engine {@link BadUserRequestException}, so a start or task listener that throws it rolls the start or
 * the completion back before anything is written, and the engine treats it as the caller's error.
 */
public class InvalidFieldsException extends BadUserRequestException implements FieldErrorsException, ErrorResponse {

  /** Problem type of every invalid-request answer. */
  public static final URI TYPE = URI.create("urn:problem-type:pco:invalid-request");

  private final transient List<FieldError> errors;
  private final transient ProblemDetail problem;

  /** @param errors the invalid fields, at least one */
  public InvalidFieldsException(List<FieldError> errors) {
    this("Invalid request", errors);
  }

  /**
   * @param what what was refused, in words, e.g. "Invalid invitation request"; the message is
   *     {@code what: field message; field message}
   * @param errors the invalid fields, at least one
   */
  public InvalidFieldsException(String what, List<FieldError> errors) {
    super(what + ": " + errors.stream()
        .map(error -> (error.field() == null ? "" : error.field() + " ") + error.message())
        .collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
    this.problem = problem(errors);
  }

  /** @return the invalid fields, as given */
  @Override
  public List<FieldError> getErrors() {
    return errors;
  }

  /** @return 400 */
  @Override
  public HttpStatusCode getStatusCode() {
    return HttpStatus.BAD_REQUEST;
  }

  /** @return the 400 problem ({@link #problem(List)}) */
  @Override
  public ProblemDetail getBody() {
    return problem;
  }

  /**
   * @param errors the invalid fields
   * @return a 400 problem naming the fields in {@code detail} and listing them in {@code errors}
   */
  public static ProblemDetail problem(List<FieldError> errors) {
    List<FieldError> sorted =
        errors.stream()
            .sorted(Comparator.comparing(FieldError::field, Comparator.nullsFirst(Comparator.naturalOrder())))
            .toList();
    String fields =
        sorted.stream().map(FieldError::field).filter(Objects::nonNull).distinct().collect(Collectors.joining(", "));
    String detail =
        fields.isEmpty()
            ? sorted.stream().map(FieldError::message).collect(Collectors.joining("; "))
            : "Invalid field" + (fields.contains(",") ? "s" : "") + ": " + fields + " ("
                + sorted.stream()
                    .map(error -> (error.field() == null ? "" : error.field() + " ") + error.message())
                    .collect(Collectors.joining("; "))
                + ")";
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setType(TYPE);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", sorted);
    return problem;
  }
}
