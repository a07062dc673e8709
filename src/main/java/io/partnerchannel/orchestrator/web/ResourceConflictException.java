package io.partnerchannel.orchestrator.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The request conflicts with the resource's current state: 409 {@code application/problem+json}. */
public class ResourceConflictException extends ErrorResponseException {

  /** @param detail what conflicts, e.g. "An invitation for adatum.onmicrosoft.com is already open: 42" */
  public ResourceConflictException(String detail) {
    super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), null);
  }

  /**
   * @param detail what conflicts
   * @param name name of an extra problem member, e.g. {@code openInvitationId}
   * @param value its value
   */
  public ResourceConflictException(String detail, String name, Object value) {
    this(detail);
    getBody().setProperty(name, value);
  }
}
