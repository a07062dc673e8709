package io.partnerchannel.orchestrator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnerchannel.orchestrator.partnercenter.PartnerProperties;
import io.partnerchannel.orchestrator.partnercenter.sandbox.CustomerRelationship;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxCommerce;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxDataSetLoader;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxDirectory;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxEventDelivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Drives the built-in sandbox the way the customers, other partners and Microsoft would in a test: through the
 * sandbox's own HTTP endpoints (the admin center, the partners' transfer API) and, for what nobody can do over
 * HTTP (the data set back, a stored agreement status or transfer changed as Partner Center might have), through
 * the sandbox's own services. Tests never touch the sandbox's tables.
 */
public final class SandboxDriver {

  private final SandboxDirectory directory;
  private final SandboxCommerce commerce;
  private final SandboxDataSetLoader dataSet;
  private final SandboxEventDelivery events;
  private final ObjectMapper objectMapper;
  private final String partnerId;
  private final RestClient http;

  /** @param context the application context of a test in sandbox mode on a real port */
  public SandboxDriver(ApplicationContext context) {
    this.directory = context.getBean(SandboxDirectory.class);
    this.commerce = context.getBean(SandboxCommerce.class);
    this.dataSet = context.getBean(SandboxDataSetLoader.class);
    this.events = context.getBean(SandboxEventDelivery.class);
    this.objectMapper = context.getBean(ObjectMapper.class);
    this.partnerId = context.getBean(PartnerProperties.class).tenantId();
    this.http = TestUsers.http(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
  }

  /**
   * Puts the customers' relationships, subscriptions, Azure subscriptions, agreements, carts and transfers back
   * to the data set, whatever earlier tests of the shared context did.
   */
  public void reset() {
    dataSet.resetCustomers();
  }

  /** @return how many due sandbox events were delivered to the application now */
  public int deliverEvents() {
    return events.deliverDue();
  }

  /**
   * Makes the customer a reseller customer of the partner, as if it had accepted an invitation earlier.
   *
   * @param customerTenantId the customer
   * @param partnerTenantId the partner
   */
  public void relate(String customerTenantId, String partnerTenantId) {
    directory.insertRelationship(new CustomerRelationship(customerTenantId, partnerTenantId, "reseller", false, null,
        OffsetDateTime.now(ZoneOffset.UTC)));
  }

  /**
   * The customer's Global admin accepts this partner's invitation in the sandbox admin center, and the sandbox
   * delivers {@code reseller-relationship-accepted-by-customer} to the application.
   *
   * @param customerTenantId the customer
   * @param userPrincipalName the accepting Global admin
   */
  public void acceptInvitation(String customerTenantId, String userPrincipalName) {
    JsonNode answer = http.post()
        .uri("/sandbox/admin-center/partner-invitations/accept")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("partnerId", partnerId, "customerTenantId", customerTenantId, "userPrincipalName", userPrincipalName))
        .retrieve()
        .body(JsonNode.class);
    if (answer == null || deliverEvents() == 0) {
      throw new AssertionError("The sandbox did not accept the invitation: " + answer);
    }
  }

  /**
   * Sets a partner's Microsoft Partner Agreement status for a CSP region.
   *
   * @param partnerTenantId the partner, e.g. an indirect reseller
   * @param cspRegion e.g. {@code EUROPE}
   * @param signed whether signed; null: never signed there
   */
  public void agreement(String partnerTenantId, String cspRegion, Boolean signed) {
    directory.deleteAgreementStatus(partnerTenantId, cspRegion);
    if (signed != null) {
      directory.insertAgreementStatus(partnerTenantId, cspRegion, signed);
    }
  }

  /**
   * The source partner adds line items to a transfer with its own bearer token (new commerce: "the source
   * partner updates the transfer with line item details", create-a-transfer).
   *
   * @param sourcePartnerId the source partner
   * @param customerTenantId the customer
   * @param transferId the transfer
   * @param subscriptionIds the source partner's subscriptions to transfer
   * @return the sandbox's answer, the transfer
   */
  public JsonNode addLineItems(String sourcePartnerId, String customerTenantId, String transferId,
      String... subscriptionIds) {
    return http.patch()
        .uri("/sandbox/v1/customers/{c}/transfers/{t}", customerTenantId, transferId)
        .header("Authorization", "Bearer " + sourcePartnerId)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("lineItems", Arrays.stream(subscriptionIds).map(id -> Map.of("subscriptionId", id)).toList()))
        .retrieve()
        .body(JsonNode.class);
  }

  /**
   * The source partner accepts a transfer (accept-a-transfer), which completes it at once.
   *
   * @param sourcePartnerId the source partner
   * @param customerTenantId the customer
   * @param transferId the transfer
   * @return the sandbox's answer, a {@code TransferSubmitResult}
   */
  public JsonNode acceptTransfer(String sourcePartnerId, String customerTenantId, String transferId) {
    return http.post()
        .uri("/sandbox/v1/customers/{c}/transfers/{t}/accept", customerTenantId, transferId)
        .header("Authorization", "Bearer " + sourcePartnerId)
        .retrieve()
        .body(JsonNode.class);
  }

  /**
   * The source partner submits a transfer with {@code PATCH {"status": "Accept"}} (update-a-transfer): it is
   * then {@code InProgress} until read a minute later.
   *
   * @param sourcePartnerId the source partner
   * @param customerTenantId the customer
   * @param transferId the transfer
   * @return the sandbox's answer, the transfer
   */
  public JsonNode submitTransfer(String sourcePartnerId, String customerTenantId, String transferId) {
    return http.patch()
        .uri("/sandbox/v1/customers/{c}/transfers/{t}", customerTenantId, transferId)
        .header("Authorization", "Bearer " + sourcePartnerId)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("status", "Accept"))
        .retrieve()
        .body(JsonNode.class);
  }

  /**
   * Changes a stored transfer as Partner Center might have (a status the process does not know, or a
   * submission made earlier).
   *
   * @param customerTenantId the customer
   * @param transferId the transfer
   * @param status the status to store
   * @param lastModified the last change to store
   */
  public void setTransfer(String customerTenantId, String transferId, String status, OffsetDateTime lastModified) {
    SandboxCommerce.StoredTransfer stored = commerce.transfer(customerTenantId, transferId)
        .orElseThrow(() -> new AssertionError("No transfer " + transferId + " of " + customerTenantId));
    try {
      ObjectNode transfer = (ObjectNode) objectMapper.readTree(stored.document());
      transfer.put("status", status).put("lastModifiedTime", lastModified.toString());
      commerce.updateTransfer(transferId, status, transfer.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
