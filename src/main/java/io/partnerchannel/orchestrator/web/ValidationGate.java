package io.partnerchannel.orchestrator.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * The one validation gate of a process start: a start's request type carries its rules as Bean Validation
 * constraints (field constraints and class-level constraints for the rules across fields), and every way in
 * (the REST start, the Tasklist start form and engine REST through the start listener, a bulk onboarding row)
 * checks it here. Invalid input is refused with {@link InvalidFieldsException} naming the fields, before
 * anything is written.
 */
@Component
public class ValidationGate {

  private final Validator validator;

  /** @param validator Bean Validation */
  public ValidationGate(Validator validator) {
    this.validator = validator;
  }

  /**
   * @param request a start request
   * @param fieldName names a field from its property path ({@code gdapRoles[0]}, {@code subscriptions[1].id}),
   *     e.g. as the process variable the start form submits
   * @param groups the validation groups to check, {@link jakarta.validation.groups.Default} when none
   * @return the invalid fields, ordered by property path; empty when the request is valid
   */
  public List<FieldError> errors(Object request, UnaryOperator<String> fieldName, Class<?>... groups) {
    return validator.validate(request, groups).stream()
        .sorted(Comparator.comparing(violation -> path(violation)))
        .map(violation -> new FieldError(fieldName.apply(path(violation)), violation.getMessage()))
        .toList();
  }

  /**
   * @param request a start request
   * @return the invalid fields named by property path, ordered by it; empty when the request is valid
   */
  public List<FieldError> errors(Object request) {
    return errors(request, UnaryOperator.identity());
  }

  /**
   * @param what what is refused when invalid, in words, e.g. "Invalid invitation request"
   * @param request a start request
   * @param fieldName names a field from its property path
   * @param groups the validation groups to check, {@link jakarta.validation.groups.Default} when none
   * @throws InvalidFieldsException naming every invalid field
   */
  public void check(String what, Object request, UnaryOperator<String> fieldName, Class<?>... groups) {
    List<FieldError> errors = errors(request, fieldName, groups);
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException(what, errors);
    }
  }

  /**
   * @param what what is refused when invalid, in words
   * @param request a start request
   * @throws InvalidFieldsException naming every invalid field by its property path
   */
  public void check(String what, Object request) {
    check(what, request, UnaryOperator.identity());
  }

  /** The property path as a field name: {@code gdapRoles[0]} rather than {@code gdapRoles[0].<list element>}. */
  private static String path(ConstraintViolation<?> violation) {
    return violation.getPropertyPath().toString().replace(".<list element>", "");
  }
}
