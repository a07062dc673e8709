package io.partnerchannel.orchestrator.bench;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_RELATIONSHIP_ESTABLISHED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The real {@code ResellerRelationshipInvitation}, only through its public interfaces: fresh sandbox customer
 * tenants ({@code POST /sandbox/bench/customer-tenants}), {@code POST /api/invitations},
 * {@code GET /api/invitations/{id}} and the customer's acceptance in the sandbox admin center
 * ({@code POST /sandbox/admin-center/partner-invitations/accept}), which reaches the instance as a Partner
 * Center event through the event inbox.
 */
final class InvitationWorkload implements Workload {

  /** The default operating partner, Northwind Cloud Solutions. */
  static final String PARTNER_ID = "a1b2c3d4-0000-4000-8000-000000000001";

  @Override
  public String name() {
    return "invitation";
  }

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  /** Customers are Partner Center's: created in, and accepting at, the emulator. */
  @Override
  public RestClient customerClient(ApplicationNode emulator, ApplicationNode node) {
    return emulator.http;
  }

  @Override
  public List<Target> prepare(RestClient node, String prefix, int count) {
    JsonNode created = node.post().uri("/sandbox/bench/customer-tenants")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("prefix", prefix, "count", count))
        .retrieve()
        .body(JsonNode.class);
    List<Target> targets = new ArrayList<>();
    for (JsonNode customer : created) {
      targets.add(new Target(customer.path("id").asText(), customer.path("domain").asText(),
          customer.path("companyName").asText(), customer.path("globalAdmin").asText()));
    }
    return targets;
  }

  @Override
  public String start(RestClient node, Target target) {
    Map<String, Object> request = Map.of(
        "companyName", target.companyName(),
        "domain", target.domain(),
        "country", "IT",
        "language", "en",
        "globalAdminEmail", target.globalAdmin(),
        "adminAccess", "NONE",
        "message", "Benchmark invitation");
    JsonNode created = node.post().uri("/api/invitations")
        .contentType(MediaType.APPLICATION_JSON)
        .body(request)
        .retrieve()
        .body(JsonNode.class);
    return created.path("id").asText();
  }

  @Override
  public boolean waitsForAcceptance(RestClient node, String id) {
    String status = invitation(node, id).path("status").asText();
    return switch (status) {
      case "WAITING_FOR_CUSTOMER" -> true;
      case "REQUESTED" -> false;
      default -> throw new IllegalStateException("Invitation " + id + " is " + status + " instead of waiting for the customer");
    };
  }

  @Override
  public void accept(RestClient node, Target target, String id) {
    node.post().uri("/sandbox/admin-center/partner-invitations/accept")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of(
            "partnerId", PARTNER_ID,
            "customerTenantId", target.customerTenantId(),
            "userPrincipalName", target.globalAdmin()))
        .retrieve()
        .toBodilessEntity();
  }

  @Override
  public Optional<Instant> established(RestClient node, String id) {
    JsonNode invitation = invitation(node, id);
    String status = invitation.path("status").asText();
    switch (status) {
      case "WAITING_FOR_CUSTOMER", "REQUESTED" -> {
        return Optional.empty();
      }
      case "ESTABLISHED" -> {
        // ESTABLISHED from the acceptance on; done once the instance reached its end event
        for (JsonNode step : invitation.path("steps")) {
          if (END_EVENT_RELATIONSHIP_ESTABLISHED.equals(step.path("activityId").asText())) {
            return Optional.of(Instant.parse(step.path("startTime").asText()));
          }
        }
        return Optional.empty();
      }
      default -> throw new IllegalStateException("Invitation " + id + " ended " + status + ": " + invitation.path("reason"));
    }
  }

  private static JsonNode invitation(RestClient node, String id) {
    return node.get().uri("/api/invitations/{id}", id).retrieve().body(JsonNode.class);
  }
}
