package io.partnerchannel.orchestrator.partnercenter.sandbox;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every answer of the emulated Partner Center and Graph APIs ({@code /sandbox/v1/**},
 * {@code /sandbox/graph/**}) echoes {@code MS-CorrelationId} and {@code MS-RequestId} as Partner Center
 * does (every response example of the REST pages; headers): the request's values, or new ones when the
 * request has none. Runs before security, so refusals carry them too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@SandboxConfiguration
class SandboxCorrelationHeaders extends OncePerRequestFilter {

  /** The correlation header. */
  public static final String CORRELATION_ID = "MS-CorrelationId";
  /** The request header. */
  public static final String REQUEST_ID = "MS-RequestId";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/sandbox/v1/") || path.startsWith("/sandbox/graph/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader(CORRELATION_ID, valueOrNew(request.getHeader(CORRELATION_ID)));
    response.setHeader(REQUEST_ID, valueOrNew(request.getHeader(REQUEST_ID)));
    chain.doFilter(request, response);
  }

  private static String valueOrNew(String value) {
    return value == null || value.isBlank() ? UUID.randomUUID().toString() : value.trim();
  }
}
