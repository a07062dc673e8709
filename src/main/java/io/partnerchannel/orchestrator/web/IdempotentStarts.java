package io.partnerchannel.orchestrator.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * The optional {@value #HEADER} header of the REST starts ({@code POST /api/invitations},
 * {@code /api/indirect-invitations}, {@code /api/onboardings}), after the IETF draft "The Idempotency-Key HTTP
 * Header Field" (draft-ietf-httpapi-idempotency-key-header): a client that retries a start with the same key
 * and the same body (after a timeout, a 503, a dropped connection) gets the original answer again — same
 * status, {@code Location} and body — and nothing is started a second time.
 *
 * <p>The key is stored per user and endpoint in {@code pco_idempotency_key} in the same transaction as the
 * start, before it (the engine joins the transaction): a start that fails (4xx) stores nothing and may be
 * retried; a concurrent duplicate waits on the primary key until the first commits, then answers the first's
 * result (where the database refuses the wait, as H2 may, the attempt is repeated, up to five times; a key still
 * held after the last is a transient failure answered 503 with {@code Retry-After} by {@link Overload}, and the
 * client's retry with the same key gets the first's answer). The same key with a different body → 422
 * {@code application/problem+json} naming the header; a key
 * that is not 1 to 255 visible ASCII characters → 400. Keys are kept for
 * {@code pco.api.idempotency-key-retention} (default one day), then deleted.
 */
@Component
public class IdempotentStarts {

  /** The request header. */
  public static final String HEADER = "Idempotency-Key";
  private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
  private static final Logger log = LoggerFactory.getLogger(IdempotentStarts.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final ObjectMapper objectMapper;
  private final Duration retention;
  /** Attempts of a start whose key a concurrent request holds: up to 5, 50 ms doubling to 1 s apart. */
  private final RetryTemplate concurrentDuplicates = RetryTemplate.builder()
      .maxAttempts(5)
      .exponentialBackoff(Duration.ofMillis(50), 2, Duration.ofSeconds(1))
      .retryOn(List.of(ConcurrencyFailureException.class, OptimisticLockingException.class))
      .traversingCauses()
      .build();

  /**
   * @param jdbc the application's database
   * @param transactionManager the application's (and the engine's) transactions
   * @param objectMapper serializes request bodies (for their hash) and answers
   * @param properties {@code pco.api.idempotency-key-retention}: how long a key is remembered
   */
  public IdempotentStarts(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      ObjectMapper objectMapper,
      WebProperties properties) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
    this.objectMapper = objectMapper;
    this.retention = properties.api().idempotencyKeyRetention();
  }

  /**
   * Runs a start once per key.
   *
   * @param key the {@value #HEADER} header, or null to just run the start
   * @param endpoint the start's method and path, e.g. {@code POST /api/invitations}
   * @param principal the caller; keys are kept per user
   * @param request the bound request body; its JSON form is what "same body" compares
   * @param bodyType the type of the answer's body
   * @param start starts and answers (201 with {@code Location}); its exceptions store nothing
   * @param <T> the body type
   * @return the start's answer, or the stored answer of the first start with this key
   * @throws InvalidFieldsException when the key is malformed (400)
   * @throws ErrorResponseException 422 when the key was used with a different body
   */
  public <T> ResponseEntity<T> run(
      String key, String endpoint, Principal principal, Object request, Class<T> bodyType,
      Supplier<ResponseEntity<T>> start) {
    if (key == null) {
      return start.get();
    }
    if (!VALID_KEY.matcher(key).matches()) {
      throw new InvalidFieldsException(List.of(new FieldError(HEADER, "must be 1 to 255 visible ASCII characters")));
    }
    String requester = principal == null ? "" : principal.getName();
    String hash = hash(request);
    return concurrentDuplicates.execute(retry -> startOnce(endpoint, requester, key, hash, bodyType, start));
  }

  /**
   * One attempt: the stored answer if the key is known, else the start with the key inserted in its transaction.
   * A concurrent request with the same key either makes the insert wait and then fail as a duplicate (the stored
   * answer is read) or, on databases that refuse instead of waiting (H2), fails it as a concurrency failure
   * before anything was written: {@link #concurrentDuplicates} runs the attempt again, and the key is then found.
   */
  private <T> ResponseEntity<T> startOnce(
      String endpoint, String requester, String key, String hash, Class<T> bodyType, Supplier<ResponseEntity<T>> start) {
    Optional<Stored> earlier = find(endpoint, requester, key);
    if (earlier.isPresent()) {
      return replay(earlier.get(), key, hash, bodyType);
    }
    try {
      return transaction.execute(status -> {
        jdbc.sql("insert into pco_idempotency_key (endpoint, requester, idempotency_key, request_hash, created_at)"
                + " values (?, ?, ?, ?, ?)")
            .params(endpoint, requester, key, hash, OffsetDateTime.now(ZoneOffset.UTC))
            .update();
        ResponseEntity<T> answer = start.get();
        jdbc.sql("update pco_idempotency_key set response_status = ?, response_location = ?, response_body = ?"
                + " where endpoint = ? and requester = ? and idempotency_key = ?")
            .params(answer.getStatusCode().value(),
                answer.getHeaders().getLocation() == null ? null : answer.getHeaders().getLocation().toString(),
                json(answer.getBody()), endpoint, requester, key)
            .update();
        return answer;
      });
    } catch (DuplicateKeyException concurrent) {
      // another request with this key committed its start while this one waited on the key's row
      Stored first = find(endpoint, requester, key)
          .orElseThrow(() -> new ConcurrencyFailureException("Idempotency-Key " + key + " not committed yet", concurrent));
      return replay(first, key, hash, bodyType);
    }
  }

  /** Deletes keys older than the retention; hourly when scheduling is on. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  public void deleteExpired() {
    int deleted = jdbc.sql("delete from pco_idempotency_key where created_at < ?")
        .param(OffsetDateTime.now(ZoneOffset.UTC).minus(retention))
        .update();
    if (deleted > 0) {
      log.info("Deleted {} Idempotency-Keys older than {}", deleted, retention);
    }
  }

  private <T> ResponseEntity<T> replay(Stored stored, String key, String hash, Class<T> bodyType) {
    if (!stored.requestHash().equals(hash)) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
          "Idempotency-Key " + key + " was already used for a different request body; use a new key for a new request");
      problem.setTitle("Idempotency-Key reused");
      problem.setProperty("errors", List.of(new FieldError(HEADER, "was already used for a different request body")));
      throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_ENTITY, problem, null);
    }
    try {
      ResponseEntity.BodyBuilder answer = ResponseEntity.status(stored.status());
      if (stored.location() != null) {
        answer.location(URI.create(stored.location()));
      }
      return answer.body(stored.body() == null ? null : objectMapper.readValue(stored.body(), bodyType));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored answer of Idempotency-Key " + key + " is unreadable", e);
    }
  }

  private Optional<Stored> find(String endpoint, String requester, String key) {
    return jdbc.sql("select request_hash, response_status, response_location, response_body from pco_idempotency_key"
            + " where endpoint = ? and requester = ? and idempotency_key = ?")
        .params(endpoint, requester, key)
        .query((rs, i) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  private String hash(Object request) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(objectMapper.writeValueAsBytes(request)));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot hash the request body", e);
    }
  }

  private String json(Object body) {
    try {
      return body == null ? null : objectMapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot store the answer", e);
    }
  }

  private record Stored(String requestHash, int status, String location, String body) {}
}
