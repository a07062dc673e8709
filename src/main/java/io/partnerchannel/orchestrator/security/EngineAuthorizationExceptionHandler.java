package io.partnerchannel.orchestrator.security;

import java.net.URI;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * The engine refused the caller of an {@code /api/**} endpoint (its authorizations, with the caller's engine
 * authentication set by {@link EngineAuthenticationInterceptor}): 403 {@code application/problem+json}
 * naming the missing permission, nothing changed.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineAuthorizationExceptionHandler {

  /**
   * @param e the engine's refusal
   * @param request the request
   * @return 403 with the engine's message
   */
  @ExceptionHandler(AuthorizationException.class)
  public ProblemDetail forbidden(AuthorizationException e, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    if (request instanceof ServletWebRequest servlet) {
      problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
    }
    return problem;
  }
}
