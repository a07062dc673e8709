package io.partnerchannel.orchestrator.partnercenter.rest;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenterProperties.Throttling;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.backoff.BackOffContext;
import org.springframework.retry.backoff.BackOffInterruptedException;
import org.springframework.retry.backoff.BackOffPolicy;
import org.springframework.retry.backoff.Sleeper;
import org.springframework.retry.backoff.ThreadWaitSleeper;
import org.springframework.retry.policy.SimpleRetryPolicy;
import org.springframework.retry.support.RetryTemplate;

/**
 * Waits out Partner Center's and Graph's throttling within the job, a bounded number of times (Spring Retry):
 * <ul>
 *   <li>{@code 429 Too Many Requests}: the request was not processed, so any method is sent again after the
 *       answer's {@code Retry-After} (seconds or an HTTP date; none: {@code default-wait});</li>
 *   <li>{@code 503 Service Unavailable}: sent again only for methods that change nothing or are idempotent
 *       ({@code GET}, {@code HEAD}, {@code PUT}, {@code DELETE}); a {@code POST} or {@code PATCH} may have been
 *       processed, so its 503 fails the job and the delegate's own look-up decides on the engine's retry.</li>
 * </ul>
 * After {@code attempts} calls, or when {@code Retry-After} exceeds {@code max-wait}, the last answer goes to the
 * client, which raises a {@code PartnerCenterException}: the job fails and the engine's retry cycle takes over
 * (finally an incident). Other 5xx and timeouts are never retried here, only by the engine.
 */
class ThrottlingRetryInterceptor implements ClientHttpRequestInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(ThrottlingRetryInterceptor.class);
  private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT, HttpMethod.DELETE);
  private static final String WAIT = "retryAfter";

  private final Throttling throttling;
  private final Sleeper sleeper;

  /** @param throttling attempts and waits ({@code pco.partner-center.throttling.*}) */
  public ThrottlingRetryInterceptor(Throttling throttling) {
    this(throttling, new ThreadWaitSleeper());
  }

  /**
   * @param throttling attempts and waits
   * @param sleeper how to wait (tests may record the waits)
   */
  public ThrottlingRetryInterceptor(Throttling throttling, Sleeper sleeper) {
    this.throttling = throttling;
    this.sleeper = sleeper;
  }

  @Override
  public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
      throws IOException {
    RetryTemplate retry = new RetryTemplate();
    retry.setRetryPolicy(new SimpleRetryPolicy(Math.max(1, throttling.attempts()),
        Map.of(Throttled.class, true), false));
    retry.setBackOffPolicy(new RetryAfterBackOff());
    return retry.execute((RetryCallback<ClientHttpResponse, IOException>) context -> {
      ClientHttpResponse response = execution.execute(request, body);
      int status = response.getStatusCode().value();
      boolean retryable = status == 429 || (status == 503 && IDEMPOTENT.contains(request.getMethod()));
      if (!retryable) {
        return response;
      }
      Duration wait = retryAfter(response.getHeaders());
      if (wait.compareTo(throttling.maxWait()) > 0 || context.getRetryCount() + 1 >= throttling.attempts()) {
        return response;
      }
      LOG.info("{} {} answered {}; calling again in {} s", request.getMethod(), request.getURI().getPath(), status,
          wait.toMillis() / 1000.0);
      response.close();
      context.setAttribute(WAIT, wait);
      throw new Throttled(status);
    });
  }

  /**
   * @param headers the answer's headers
   * @return its {@code Retry-After} (delta seconds or HTTP date), or the default wait
   */
  Duration retryAfter(HttpHeaders headers) {
    String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
    if (value == null || value.isBlank()) {
      return throttling.defaultWait();
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration until = Duration.between(Instant.now(),
            ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notADate) {
        return throttling.defaultWait();
      }
    }
  }

  /** The signal to Spring Retry that the answer was throttled. */
  static final class Throttled extends RuntimeException {
    Throttled(int status) {
      super("throttled: " + status, null, false, false);
    }
  }

  /** Waits the {@code Retry-After} the last answer named. */
  private final class RetryAfterBackOff implements BackOffPolicy {

    @Override
    public BackOffContext start(RetryContext context) {
      return new Waiting(context);
    }

    @Override
    public void backOff(BackOffContext backOffContext) {
      Duration wait = (Duration) ((Waiting) backOffContext).retry().getAttribute(WAIT);
      try {
        sleeper.sleep(wait == null ? throttling.defaultWait().toMillis() : wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BackOffInterruptedException("Interrupted while waiting out Retry-After", e);
      }
    }
  }

  private record Waiting(RetryContext retry) implements BackOffContext {}
}
