package io.partnerchannel.orchestrator.bench;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_RELATIONSHIP_ESTABLISHED;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The baseline {@value BenchProfile#BASELINE_PROCESS_KEY} (same shape, no-op delegates) through the engine
 * REST API as the operator {@code admin} ({@code /engine-rest} is for operations): started with the variables
 * the real delegates would have set, so it takes the same path; acceptance is the baseline's own message
 * {@value BenchProfile#BASELINE_ACCEPTED_MESSAGE} correlated by business key to its "Track invitation" instance,
 * which the call activity keys by {@code customerTenantId}, as the event inbox does for the real process
 * ({@code InvitationAccepted} itself is correlated only by the event inbox).
 */
final class BaselineWorkload implements Workload {

  /** The engine REST API's date format. */
  private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  @Override
  public String name() {
    return "baseline";
  }

  @Override
  public RestClient client(ApplicationNode node) {
    return node.operator;
  }

  @Override
  public String processKey() {
    return BenchProfile.BASELINE_PROCESS_KEY;
  }

  @Override
  public List<Target> prepare(RestClient node, String prefix, int count) {
    List<Target> targets = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String name = "baseline-%s-%05d".formatted(prefix, i);
      targets.add(new Target(UUID.randomUUID().toString(), name + ".example.com", "Baseline " + prefix + " " + i,
          "admin@" + name + ".example.com"));
    }
    return targets;
  }

  @Override
  public String start(RestClient node, Target target) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(InvitationVariables.COMPANY_NAME.getName(), value(target.companyName()));
    variables.put(InvitationVariables.CUSTOMER_DOMAIN.getName(), value(target.domain()));
    variables.put(InvitationVariables.CUSTOMER_COUNTRY.getName(), value("IT"));
    variables.put(InvitationVariables.CUSTOMER_LANGUAGE.getName(), value("en"));
    variables.put(InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), value(target.globalAdmin()));
    variables.put(InvitationVariables.ADMIN_ACCESS.getName(), value("NONE"));
    variables.put(InvitationVariables.MESSAGE.getName(), value("Benchmark invitation"));
    // what the start listener and "Look up customer tenant" set in the real process
    variables.put(InvitationVariables.CLOUD.getName(), value("GLOBAL"));
    variables.put(InvitationVariables.REMINDER_INTERVAL.getName(), value("P7D"));
    variables.put(InvitationVariables.EXPIRES_AT.getName(),
        Map.of("value", OffsetDateTime.now().plusDays(30).format(ENGINE_DATE), "type", "Date"));
    variables.put(InvitationVariables.ALREADY_RELATED.getName(), value(false));
    variables.put(InvitationVariables.TENANT_KIND.getName(), value("CUSTOMER"));
    variables.put(InvitationVariables.SAME_REGION.getName(), value(true));
    // the tenant "Look up customer tenant" resolves; "Track invitation" is called with it as its business key
    variables.put(InvitationVariables.CUSTOMER_TENANT_ID.getName(), value(target.customerTenantId()));
    JsonNode started = node.post()
        .uri("/engine-rest/process-definition/key/{key}/start", BenchProfile.BASELINE_PROCESS_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("businessKey", target.domain(), "variables", variables))
        .retrieve()
        .body(JsonNode.class);
    return started.path("id").asText();
  }

  @Override
  public boolean waitsForAcceptance(RestClient node, String id) {
    // the acceptance is awaited by the baseline's "Track invitation" instance, which the baseline calls
    JsonNode tracking = node.get()
        .uri("/engine-rest/process-instance?superProcessInstance={id}", id)
        .retrieve()
        .body(JsonNode.class);
    for (JsonNode called : tracking) {
      JsonNode executions = node.get()
          .uri("/engine-rest/execution?processInstanceId={id}&messageEventSubscriptionName={message}",
              called.path("id").asText(), BenchProfile.BASELINE_ACCEPTED_MESSAGE)
          .retrieve()
          .body(JsonNode.class);
      if (!executions.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void accept(RestClient node, Target target, String id) {
    node.post().uri("/engine-rest/message")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of(
            "messageName", BenchProfile.BASELINE_ACCEPTED_MESSAGE,
            "businessKey", target.customerTenantId()))
        .retrieve()
        .toBodilessEntity();
  }

  @Override
  public Optional<Instant> established(RestClient node, String id) {
    JsonNode instance = node.get().uri("/engine-rest/history/process-instance/{id}", id).retrieve().body(JsonNode.class);
    String state = instance.path("state").asText();
    if ("ACTIVE".equals(state)) {
      return Optional.empty();
    }
    if (!"COMPLETED".equals(state)) {
      throw new IllegalStateException("Baseline instance " + id + " ended " + state);
    }
    JsonNode end = node.get()
        .uri("/engine-rest/history/activity-instance?processInstanceId={id}&activityId={end}", id, END_EVENT_RELATIONSHIP_ESTABLISHED)
        .retrieve()
        .body(JsonNode.class);
    if (end.isEmpty()) {
      throw new IllegalStateException("Baseline instance " + id + " completed without " + END_EVENT_RELATIONSHIP_ESTABLISHED);
    }
    return Optional.of(OffsetDateTime.parse(end.get(0).path("startTime").asText(), ENGINE_DATE).toInstant());
  }

  private static Map<String, Object> value(Object value) {
    return Map.of("value", value);
  }
}
