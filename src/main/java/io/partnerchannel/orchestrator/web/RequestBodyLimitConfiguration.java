package io.partnerchannel.orchestrator.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Installs the {@link RequestBodyLimitFilter} on {@code /api/*}, ahead of Spring Security. */
@Configuration
class RequestBodyLimitConfiguration {

  /**
   * @param properties {@code pco.api.max-body-size}
   * @param objectMapper writes the 413 problem
   * @param limits larger limits of single paths ({@link RequestBodyLimit} beans of features that accept files)
   * @return the registration
   */
  @Bean
  public FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
      WebProperties properties, ObjectMapper objectMapper,
      ObjectProvider<RequestBodyLimit> limits) {
    FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
        new RequestBodyLimitFilter(Math.toIntExact(properties.api().maxBodySize().toBytes()), objectMapper, limits.orderedStream().toList()));
    registration.setName("pco-request-body-limit");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
    return registration;
  }
}
