package io.partnerchannel.orchestrator.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The addressed resource does not exist: 404 {@code application/problem+json}. */
public class ResourceNotFoundException extends ErrorResponseException {

  /** @param detail which resource was not found, e.g. "No invitation with id 42" */
  public ResourceNotFoundException(String detail) {
    super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
  }
}
