package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A request to move subscriptions from one CSP partner to another ({@code TransferEntity}, A14/A15;
 * {@code POST /v1/customers/{id}/transfers}). The target (future) partner creates it; only the source
 * (current) partner can accept or reject it (R23, R24); it expires after 30 days (R23).
 *
 * @param id the transfer id, set by Partner Center
 * @param createdTime when it was created
 * @param lastModifiedTime when it last changed
 * @param customerTenantId the customer
 * @param customerName the customer's company name
 * @param sourcePartnerTenantId the current partner
 * @param sourcePartnerName the current partner's name
 * @param targetPartnerTenantId the future partner
 * @param targetPartnerName the future partner's name
 * @param transferType {@code NewCommerce} (type 5, new commerce licenses and Azure plan) or {@code ModernAzure} (3)
 * @param lineItems the subscriptions to move
 * @param status {@code Active} (pending, may be withdrawn), {@code Completed}, {@code Rejected} or {@code Expired}
 * @param expirationTime when an {@code Active} transfer expires (created + 30 days, R23)
 * @param completedTime when it completed
 * @param attributes {@code {"objectType": "TransferEntity"}}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferEntity(
    String id,
    OffsetDateTime createdTime,
    OffsetDateTime lastModifiedTime,
    String customerTenantId,
    String customerName,
    String sourcePartnerTenantId,
    String sourcePartnerName,
    String targetPartnerTenantId,
    String targetPartnerName,
    String transferType,
    List<LineItem> lineItems,
    String status,
    OffsetDateTime expirationTime,
    OffsetDateTime completedTime,
    Map<String, String> attributes) {

  /** {@code transferType} used for new commerce licenses and Azure plan subscriptions (A15: "standardize on 5"). */
  public static final String NEW_COMMERCE = "NewCommerce";
  /** Status of a transfer waiting for the source partner. */
  public static final String ACTIVE = "Active";
  /** Status of a transfer the source partner accepted; the subscriptions moved. */
  public static final String COMPLETED = "Completed";
  /** Status of a transfer the source partner rejected. */
  public static final String REJECTED = "Rejected";
  /** Status of a transfer nobody acted on within 30 days (R23). */
  public static final String EXPIRED = "Expired";

  /**
   * @param customerTenantId the customer
   * @param sourcePartnerTenantId the current partner
   * @param targetPartnerTenantId the future partner (the caller)
   * @param subscriptionIds the subscriptions to move
   * @return a transfer request to post
   */
  public static TransferEntity request(
      String customerTenantId, String sourcePartnerTenantId, String targetPartnerTenantId, List<String> subscriptionIds) {
    return new TransferEntity(
        null, null, null, customerTenantId, null, sourcePartnerTenantId, null, targetPartnerTenantId, null,
        NEW_COMMERCE,
        subscriptionIds.stream().map(id -> new LineItem(null, id, null, null, null, null, null, null, null)).toList(),
        null, null, null, Map.of("objectType", "TransferEntity"));
  }

  /**
   * A subscription in a transfer (A14 {@code TransferLineItem}).
   *
   * @param id the line's id
   * @param subscriptionId the subscription to move
   * @param quantity seats
   * @param billingCycle the billing cycle, which a transfer cannot change
   * @param friendlyName the subscription's name
   * @param partnerIdOnRecord MPN id of the partner of record
   * @param offerId the offer
   * @param status the line's status
   * @param transferError why the line failed, if it did
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LineItem(
      String id,
      String subscriptionId,
      Integer quantity,
      String billingCycle,
      String friendlyName,
      String partnerIdOnRecord,
      String offerId,
      String status,
      String transferError) {}

  /** @return the line items, never null */
  public List<LineItem> lineItemsOrEmpty() {
    return lineItems == null ? List.of() : lineItems;
  }
}
