package io.partnerchannel.orchestrator.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns errors of the application's own REST API ({@code /api/**}) into RFC 9457
 * {@code application/problem+json}: invalid fields (Bean Validation, or JSON Jackson cannot bind) → 400
 * naming the fields with {@code errors: [{field, message}]}, as does {@link InvalidFieldsException};
 * {@link ResourceNotFoundException} → 404;
 * {@link ResourceConflictException} → 409; Spring MVC's own errors keep their status.
 *
 * <p>Lowest precedence, so a more specific advice (such as the sandbox's Partner Center error bodies)
 * wins for its own controllers.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = new ArrayList<>();
    ex.getBindingResult()
        .getFieldErrors()
        .forEach(error -> errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
    ex.getBindingResult()
        .getGlobalErrors()
        .forEach(error -> errors.add(new FieldError(null, error.getDefaultMessage())));
    return invalid(ex, errors, headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = new ArrayList<>();
    ex.getParameterValidationResults()
        .forEach(
            result -> {
              if (result instanceof ParameterErrors parameterErrors) {
                parameterErrors
                    .getFieldErrors()
                    .forEach(error -> errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
              } else {
                String parameter = result.getMethodParameter().getParameterName();
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                  errors.add(new FieldError(parameter, error.getDefaultMessage()));
                }
              }
            });
    return invalid(ex, errors, headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return invalid(ex, List.of(unreadable(ex)), headers, request);
  }

  /**
   * @param ex violations of Bean Validation outside a request body (e.g. a validated service call)
   * @param request the request
   * @return 400 naming the fields
   */
  @ExceptionHandler(ConstraintViolationException.class)
  public ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
    List<FieldError> errors =
        ex.getConstraintViolations().stream()
            .map(
                violation ->
                    new FieldError(
                        violation.getPropertyPath().toString().replace(".<list element>", ""),
                        violation.getMessage()))
            .toList();
    return invalid(ex, errors, new HttpHeaders(), request);
  }

  /**
   * @param ex invalid fields found by a start's validation gate or a service
   * @param request the request
   * @return 400 naming the fields
   */
  @ExceptionHandler(InvalidFieldsException.class)
  public ResponseEntity<Object> handleInvalidFields(InvalidFieldsException ex, WebRequest request) {
    return handleExceptionInternal(ex, ex.getBody(), new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
  }

  private ResponseEntity<Object> invalid(
      Exception ex, List<FieldError> errors, HttpHeaders headers, WebRequest request) {
    ProblemDetail problem = InvalidFieldsException.problem(errors);
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  /** What Jackson could not read, naming the field when Jackson tells which one. */
  private static FieldError unreadable(HttpMessageNotReadableException ex) {
    Throwable cause = ex.getMostSpecificCause();
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping.getPath());
      if (cause instanceof InvalidFormatException format && format.getTargetType() != null
          && format.getTargetType().isEnum()) {
        return new FieldError(field, "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants()));
      }
      if (cause instanceof InvalidFormatException format && format.getTargetType() == String.class) {
        return new FieldError(field, StrictJsonConfiguration.NoControlCharacters.MESSAGE);
      }
      if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
        return new FieldError(field, "must be " + describe(mismatch.getTargetType()));
      }
      return new FieldError(field, "has an invalid value");
    }
    if (cause instanceof JsonParseException parse) {
      String field = null;
      JsonParser parser = parse.getProcessor();
      if (parser != null && parser.getParsingContext() != null) {
        field = parser.getParsingContext().getCurrentName();
      }
      String where =
          parse.getLocation() == null
              ? ""
              : " at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr();
      return new FieldError(field, "is not valid JSON" + where + ": " + parse.getOriginalMessage());
    }
    return new FieldError(null, "The request body is missing or is not valid JSON");
  }

  private static String path(List<Reference> references) {
    StringBuilder path = new StringBuilder();
    for (Reference reference : references) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String describe(Class<?> type) {
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "a JSON array";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    return "a JSON " + (type.isRecord() ? "object" : "value");
  }
}
