package io.partnerchannel.orchestrator.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Request fields break the API's rules: answered with 400 {@code application/problem+json} whose detail
 * names the fields and whose {@code errors} member lists {@code {field, message}}.
 */
public class InvalidFieldsException extends ErrorResponseException {

  /** Problem type of every invalid-request answer. */
  public static final URI TYPE = URI.create("urn:problem-type:pco:invalid-request");

  /** @param errors the invalid fields, at least one */
  public InvalidFieldsException(List<FieldError> errors) {
    super(HttpStatus.BAD_REQUEST, problem(errors), null);
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
