package io.partnerchannel.orchestrator.partnercenter.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.partnerchannel.orchestrator.partnercenter.AccessTokenProvider;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterEndpoints;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterModeCheck;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterProperties;
import io.partnerchannel.orchestrator.partnercenter.rest.PartnerCenterHttp;
import io.partnerchannel.orchestrator.web.PublicBaseUrl;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * partner-center mode: registers the application's webhook with Partner Center, idempotently
 * (learn.microsoft.com/partner-center/developer/partner-center-webhooks, reference §2.5): {@code GET
 * /webhooks/v1/registration}; none → {@code POST}; a different URL or event set → {@code PUT}; the same → nothing.
 * The URL is {@code <pco.public-base-url>/api/partner-center/events}; the events are
 * {@code pco.partner-center.webhook.events} plus {@code test-created}, which the test event needs.
 *
 * <p>Runs at start (when {@code pco.partner-center.webhook.register} is true) and after a Global admin signs in; a
 * failure (not signed in yet, Partner Center unavailable) is recorded for the health endpoint, not fatal.
 */
@Component
@Profile("!" + PartnerCenterModeCheck.SANDBOX_PROFILE)
public class WebhookRegistration {

  /** The registration resource. */
  public static final String REGISTRATION = "/webhooks/v1/registration";
  /** Partner Center's test event, which must be registered for {@link #sendTestEvent()}. */
  public static final String TEST_EVENT = "test-created";
  /** The path Partner Center posts events to. */
  public static final String CALLBACK_PATH = "/api/partner-center/events";

  private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistration.class);
  private static final String ROW = "registration";

  private final RestClient http;
  private final PartnerCenterEndpoints endpoints;
  private final PartnerCenterProperties partnerCenter;
  private final PublicBaseUrl publicBaseUrl;
  private final JdbcClient jdbc;

  /**
   * @param restClientBuilder Spring Boot's builder
   * @param endpoints the Partner Center base URL
   * @param accessTokens the App+User token (webhook calls take the Partner Center token)
   * @param partnerCenter the events and whether to register
   * @param publicBaseUrl the base of the callback URL
   * @param jdbc records the registration for the health endpoint
   */
  public WebhookRegistration(RestClient.Builder restClientBuilder, PartnerCenterEndpoints endpoints,
      AccessTokenProvider accessTokens, PartnerCenterProperties partnerCenter, PublicBaseUrl publicBaseUrl,
      JdbcClient jdbc) {
    this.http = PartnerCenterHttp.restClient(restClientBuilder, endpoints, accessTokens, partnerCenter)
        .defaultStatusHandler(status -> status.isError(), (request, response) -> {
          throw new PartnerCenterException(response.getStatusCode().value(), null, request.getMethod() + " "
              + request.getURI().getPath() + " answered " + response.getStatusCode().value() + ": "
              + StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8), null);
        })
        .build();
    this.endpoints = endpoints;
    this.partnerCenter = partnerCenter;
    this.publicBaseUrl = publicBaseUrl;
    this.jdbc = jdbc;
  }

  /** At start: registers unless {@code pco.partner-center.webhook.register} is false. */
  @EventListener(ApplicationReadyEvent.class)
  public void registerAtStart() {
    if (partnerCenter.webhook().register()) {
      registerQuietly();
    }
  }

  /** Registers and records a failure instead of throwing (start, after sign-in). */
  public void registerQuietly() {
    try {
      register();
    } catch (PartnerCenterException e) {
      LOG.warn("Webhook not registered with Partner Center: {}", e.getMessage());
      record(null, null, null, e.getMessage());
    }
  }

  /**
   * @return what was done: {@code CREATED} (POST), {@code UPDATED} (PUT) or {@code UNCHANGED}
   * @throws PartnerCenterException when Partner Center refuses or cannot be reached
   */
  public Outcome register() {
    Registration wanted = new Registration(callbackUrl(), wantedEvents(), null);
    Optional<Registration> current = current();
    Outcome outcome;
    Registration confirmed;
    if (current.isEmpty()) {
      confirmed = send("POST", wanted);
      outcome = Outcome.CREATED;
    } else if (!wanted.webhookUrl().equals(current.get().webhookUrl())
        || !Set.copyOf(current.get().eventsOrEmpty()).equals(Set.copyOf(wanted.webhookEvents()))) {
      confirmed = send("PUT", wanted);
      outcome = Outcome.UPDATED;
    } else {
      confirmed = current.get();
      outcome = Outcome.UNCHANGED;
    }
    record(confirmed.webhookUrl(), String.join(",", confirmed.eventsOrEmpty()), Instant.now(), null);
    LOG.info("Webhook registration with Partner Center {}: {} for {}", outcome, confirmed.webhookUrl(),
        confirmed.eventsOrEmpty());
    return outcome;
  }

  /**
   * Asks Partner Center to send its test event {@code test-created} to the registered URL
   * ({@code POST /webhooks/v1/registration/validationEvents}; throttled to 2 per minute by Partner Center).
   *
   * @return the test event's correlation id (its delivery: {@code GET .../validationEvents/{correlationId}})
   */
  public String sendTestEvent() {
    try {
      ValidationEvent event = http.post()
          .uri(endpoints.apiBaseUrl() + REGISTRATION + "/validationEvents")
          .header("MS-CorrelationId", UUID.randomUUID().toString())
          .header("MS-RequestId", UUID.randomUUID().toString())
          .accept(MediaType.APPLICATION_JSON)
          .retrieve()
          .body(ValidationEvent.class);
      return event == null ? null : event.correlationId();
    } catch (RestClientException e) {
      throw new PartnerCenterException(0, null, "POST " + REGISTRATION + "/validationEvents failed: " + e.getMessage(), e);
    }
  }

  /** @return the recorded registration state for the health endpoint and the sign-in page */
  public State state() {
    Optional<State> registration = jdbc.sql("select webhook_url, events, registered_at, problem from pco_partner_center_webhook"
            + " where id = ?")
        .param(ROW)
        .query((rs, row) -> new State(rs.getString("webhook_url"), rs.getString("events"),
            instant(rs.getTimestamp("registered_at")), rs.getString("problem"), null, null))
        .optional();
    Optional<LastEvent> last = jdbc.sql("select event_name, received_at from pco_partner_center_event"
            + " order by received_at desc fetch first 1 rows only")
        .query((rs, row) -> new LastEvent(rs.getString("event_name"), instant(rs.getTimestamp("received_at"))))
        .optional();
    State state = registration.orElse(new State(null, null, null, "not registered yet", null, null));
    return new State(state.webhookUrl(), state.events(), state.registeredAt(), state.problem(),
        last.map(LastEvent::name).orElse(null), last.map(LastEvent::at).orElse(null));
  }

  /** @return {@code <pco.public-base-url>/api/partner-center/events} */
  public String callbackUrl() {
    return publicBaseUrl.get() + CALLBACK_PATH;
  }

  private List<String> wantedEvents() {
    Set<String> events = new LinkedHashSet<>(partnerCenter.webhook().events());
    events.add(TEST_EVENT);
    return new ArrayList<>(events);
  }

  private Optional<Registration> current() {
    try {
      Registration registration = http.get()
          .uri(endpoints.apiBaseUrl() + REGISTRATION)
          .headers(headers -> {
            headers.set("MS-CorrelationId", UUID.randomUUID().toString());
            headers.set("MS-RequestId", UUID.randomUUID().toString());
          })
          .accept(MediaType.APPLICATION_JSON)
          .retrieve()
          .body(Registration.class);
      return Optional.ofNullable(registration).filter(found -> found.webhookUrl() != null && !found.webhookUrl().isBlank());
    } catch (PartnerCenterException e) {
      if (e.getHttpStatus() == 404) {
        return Optional.empty();
      }
      throw e;
    } catch (RestClientException e) {
      throw new PartnerCenterException(0, null, "GET " + REGISTRATION + " failed: " + e.getMessage(), e);
    }
  }

  private Registration send(String method, Registration wanted) {
    try {
      RestClient.RequestBodyUriSpec request = "PUT".equals(method) ? http.put() : http.post();
      return request.uri(endpoints.apiBaseUrl() + REGISTRATION)
          .headers(headers -> {
            headers.set("MS-CorrelationId", UUID.randomUUID().toString());
            headers.set("MS-RequestId", UUID.randomUUID().toString());
          })
          .contentType(MediaType.APPLICATION_JSON)
          .accept(MediaType.APPLICATION_JSON)
          .body(wanted)
          .retrieve()
          .body(Registration.class);
    } catch (RestClientException e) {
      throw new PartnerCenterException(0, null, method + " " + REGISTRATION + " failed: " + e.getMessage(), e);
    }
  }

  private void record(String webhookUrl, String events, Instant registeredAt, String problem) {
    Timestamp now = Timestamp.from(Instant.now());
    Timestamp registered = registeredAt == null ? null : Timestamp.from(registeredAt);
    int updated = problem == null
        ? jdbc.sql("update pco_partner_center_webhook set webhook_url = ?, events = ?, registered_at = ?, problem = null,"
            + " checked_at = ? where id = ?").params(webhookUrl, events, registered, now, ROW).update()
        : jdbc.sql("update pco_partner_center_webhook set problem = ?, checked_at = ? where id = ?")
            .params(problem, now, ROW).update();
    if (updated == 0) {
      jdbc.sql("insert into pco_partner_center_webhook (id, webhook_url, events, registered_at, problem, checked_at)"
              + " values (?, ?, ?, ?, ?, ?)")
          .params(ROW, webhookUrl, events, registered, problem, now).update();
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** What {@link #register()} did. */
  public enum Outcome {
    /** No registration existed: POST. */
    CREATED,
    /** A registration with another URL or events existed: PUT. */
    UPDATED,
    /** The registration was already as wanted. */
    UNCHANGED
  }

  /**
   * Partner Center's registration resource.
   *
   * @param webhookUrl the callback URL
   * @param webhookEvents the event names
   * @param subscriberId Partner Center's id of the registration (answers only)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Registration(
      @JsonProperty("WebhookUrl") String webhookUrl,
      @JsonProperty("WebhookEvents") List<String> webhookEvents,
      @JsonProperty("SubscriberId") String subscriberId) {

    List<String> eventsOrEmpty() {
      return webhookEvents == null ? List.of() : webhookEvents;
    }
  }

  /** @param correlationId the test event's correlation id */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ValidationEvent(String correlationId) {}

  private record LastEvent(String name, Instant at) {}

  /**
   * @param webhookUrl the registered URL, or null
   * @param events the registered events (comma-separated), or null
   * @param registeredAt when the registration was last confirmed, or null
   * @param problem why it is not registered, or null
   * @param lastEventName the last event received, or null
   * @param lastEventAt when, or null
   */
  public record State(String webhookUrl, String events, Instant registeredAt, String problem, String lastEventName,
      Instant lastEventAt) {

    /** @return whether the registration was confirmed and nothing failed since */
    public boolean registered() {
      return webhookUrl != null && problem == null;
    }
  }
}
