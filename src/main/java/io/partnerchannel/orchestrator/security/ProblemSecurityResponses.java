package io.partnerchannel.orchestrator.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The REST APIs' answers when Spring Security refuses a request, in the same
 * {@code application/problem+json} shape as every other API error: 401 with
 * {@code WWW-Authenticate: Basic realm="Partner Channel Orchestrator"} when the caller is not
 * authenticated (no or wrong credentials, an event that fails verification), 403 when an authenticated
 * caller may not do this.
 */
public class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  /** The realm named in the Basic challenge. */
  public static final String REALM = "Partner Channel Orchestrator";

  private final ObjectMapper objectMapper;

  /** @param objectMapper writes the problem documents */
  public ProblemSecurityResponses(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
    write(request, response, HttpStatus.UNAUTHORIZED, "Authentication is required: " + e.getMessage());
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(request, response, HttpStatus.FORBIDDEN, "The authenticated user may not do this");
  }

  private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
