package io.partnerchannel.orchestrator.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit on {@code /api/**} with 413 {@code application/problem+json},
 * before authentication and before anything reads or stores them (so an oversized Partner Center event is
 * 413, not a failed signature check). A declared {@code Content-Length} over the limit is refused
 * without reading; a body of unknown length is read up to the limit and served again from memory.
 * Registered by {@link RequestBodyLimitConfiguration}.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

  private final int defaultMaxBytes;
  private final ObjectMapper objectMapper;
  private final Map<String, Integer> maxBytesByPath;

  /**
   * @param maxBytes the largest body accepted, in bytes
   * @param objectMapper writes the problem
   */
  public RequestBodyLimitFilter(int maxBytes, ObjectMapper objectMapper) {
    this(maxBytes, objectMapper, List.of());
  }

  /**
   * @param maxBytes the largest body accepted, in bytes, where no {@link RequestBodyLimit} applies
   * @param objectMapper writes the problem
   * @param limits larger limits of single paths
   */
  public RequestBodyLimitFilter(int maxBytes, ObjectMapper objectMapper, List<RequestBodyLimit> limits) {
    this.defaultMaxBytes = maxBytes;
    this.objectMapper = objectMapper;
    this.maxBytesByPath = limits.stream()
        .collect(Collectors.toUnmodifiableMap(RequestBodyLimit::path, limit -> Math.toIntExact(limit.maxBodySize().toBytes())));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    int maxBytes = maxBytesByPath.getOrDefault(
        request.getRequestURI().substring(request.getContextPath().length()), defaultMaxBytes);
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      refuse(request, response, maxBytes);
      return;
    }
    if (declared >= 0) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
    if (body.length > maxBytes) {
      refuse(request, response, maxBytes);
      return;
    }
    chain.doFilter(new BufferedBodyRequest(request, body), response);
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, int maxBytes) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        "The request body is larger than " + maxBytes + " bytes");
    problem.setTitle("Request body too large");
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    // the rest of the body is not read: close the connection rather than drain it
    response.setHeader("Connection", "close");
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
