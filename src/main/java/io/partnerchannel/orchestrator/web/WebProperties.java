package io.partnerchannel.orchestrator.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The application's web face: {@code pco.public-base-url} and {@code pco.api.*}.
 *
 * @param publicBaseUrl the base of links shown to people (e-mails, pages); required in partner-center mode;
 *     unset = {@code http://localhost:<port>} of this application ({@link PublicBaseUrl})
 * @param api the REST API's limits
 */
@ConfigurationProperties("pco")
record WebProperties(String publicBaseUrl, @DefaultValue Api api) {

  /**
   * {@code pco.api.*}.
   *
   * @param maxBodySize the largest request body accepted on {@code /api/*} (default 64 KB; a feature accepting files
   *     raises it for its path, {@link RequestBodyLimit}); a larger one is answered 413
   * @param idempotencyKeyRetention how long an {@code Idempotency-Key} of a start is remembered (default 1 day,
   *     {@link IdempotentStarts})
   */
  public record Api(
      @DefaultValue("64KB") DataSize maxBodySize,
      @DefaultValue("P1D") Duration idempotencyKeyRetention) {}
}
