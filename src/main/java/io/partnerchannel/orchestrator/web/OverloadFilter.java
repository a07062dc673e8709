package io.partnerchannel.orchestrator.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code /api/**} requests that fail with an {@link Overload} cause outside a controller (for example
 * while authentication reads the engine's users, before Spring MVC runs) with 503
 * {@code application/problem+json} and {@code Retry-After} instead of the container's 500. Runs before Spring
 * Security; any other failure passes through unchanged.
 */
class OverloadFilter extends OncePerRequestFilter {

  private final ObjectMapper objectMapper;

  /** @param objectMapper writes the problem document */
  public OverloadFilter(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException failure) {
      Optional<Throwable> cause = Overload.cause(failure);
      if (cause.isEmpty() || response.isCommitted()) {
        throw failure;
      }
      ResponseEntity<ProblemDetail> answer = OverloadExceptionHandler.response(cause.get());
      response.resetBuffer();
      response.setStatus(answer.getStatusCode().value());
      answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.setHeader(name, value)));
      objectMapper.writeValue(response.getOutputStream(), answer.getBody());
    }
  }

  /** Registers the filter for {@code /api/*}, just before Spring Security's filter chain. */
  @Configuration(proxyBeanMethods = false)
  static class Registration {

    /**
     * @param objectMapper writes the problem document
     * @return the registration
     */
    @Bean
    FilterRegistrationBean<OverloadFilter> overloadFilter(ObjectMapper objectMapper) {
      FilterRegistrationBean<OverloadFilter> registration = new FilterRegistrationBean<>(new OverloadFilter(objectMapper));
      registration.setName("overload");
      registration.addUrlPatterns("/api/*");
      registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
      return registration;
    }
  }
}
