package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A request to move subscriptions from one CSP partner to another ({@code TransferEntity}, transfer-entity-resources;
 * {@code POST /v1/customers/{id}/transfers}, create-a-transfer). New commerce: the target (future) partner creates it
 * naming the source partner and the customer's e-mail, the source (current) partner adds the line items and accepts
 * it; only the target may cancel it while it is pending (update-a-transfer, {@code "status": "Cancel"}); it expires
 * after 30 days (R23).
 *
 * @param id the transfer id, set by Partner Center
 * @param createdTime when it was created
 * @param lastModifiedTime when it last changed
 * @param customerTenantId the customer
 * @param customerName the customer's company name, optional
 * @param customerEmailId the customer's e-mail Partner Center notifies about the transfer (required on create)
 * @param sourcePartnerTenantId the current partner
 * @param sourcePartnerName the current partner's name (required on create)
 * @param targetPartnerTenantId the future partner
 * @param targetPartnerName the future partner's name
 * @param targetProductTypes what may be submitted, e.g. {@code AzureSubscription}, {@code OnlineServicesNCE}; null = all
 * @param transferType a number: 3 ModernAzure, 5 NewCommerce (transfer-entity-resources: "should standardize on 5")
 * @param lineItems the subscriptions the source partner added
 * @param status documented: {@code Active} (pending), {@code InProgress}, {@code Completed}; the target sends
 *     {@code Cancel}; any other value is shown to a person
 * @param expirationTime when an {@code Active} transfer expires, if Partner Center says
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
    String customerEmailId,
    String sourcePartnerTenantId,
    String sourcePartnerName,
    String targetPartnerTenantId,
    String targetPartnerName,
    List<String> targetProductTypes,
    Integer transferType,
    List<LineItem> lineItems,
    String status,
    OffsetDateTime expirationTime,
    OffsetDateTime completedTime,
    Map<String, String> attributes) {

  /** {@code transferType} NewCommerce (transfer-entity-resources: 3 ModernAzure, 5 NewCommerce, "standardize on 5"). */
  public static final int NEW_COMMERCE = 5;
  /** {@code targetProductTypes} value of Azure plan subscriptions. */
  public static final String AZURE_SUBSCRIPTION = "AzureSubscription";
  /** {@code targetProductTypes} value of new commerce license-based subscriptions. */
  public static final String ONLINE_SERVICES_NCE = "OnlineServicesNCE";
  /** Status of a transfer waiting for the source partner (transfer-entity-resources). */
  public static final String ACTIVE = "Active";
  /** Status of a transfer the source partner submitted that is being processed. */
  public static final String IN_PROGRESS = "InProgress";
  /** Status of a completed transfer: the subscriptions moved. */
  public static final String COMPLETED = "Completed";
  /** Status the target partner sends to cancel a pending transfer (update-a-transfer). */
  public static final String CANCEL = "Cancel";

  /**
   * The new-commerce create request (create-a-transfer): no line items, the source partner adds them.
   *
   * @param sourcePartnerTenantId the current partner
   * @param sourcePartnerName its name
   * @param customerEmailId the customer's e-mail for Partner Center's notifications
   * @param customerName the customer's name, optional
   * @param targetPartnerTenantId the future partner (the caller)
   * @param productType what may be submitted, e.g. {@link #AZURE_SUBSCRIPTION}
   * @return a transfer request to post
   */
  public static TransferEntity request(String sourcePartnerTenantId, String sourcePartnerName, String customerEmailId,
      String customerName, String targetPartnerTenantId, String productType) {
    return new TransferEntity(null, null, null, null, customerName, customerEmailId, sourcePartnerTenantId,
        sourcePartnerName, targetPartnerTenantId, null, List.of(productType), NEW_COMMERCE, null, null, null, null, null);
  }

  /**
   * The target partner's cancel request (update-a-transfer).
   *
   * @return {@code {id, status: "Cancel", targetPartnerTenantId, sourcePartnerTenantId}}
   */
  public TransferEntity cancelRequest() {
    return new TransferEntity(id, null, null, null, null, null, sourcePartnerTenantId, null, targetPartnerTenantId,
        null, null, null, null, CANCEL, null, null, null);
  }

  /**
   * A subscription in a transfer ({@code TransferLineItem}, transfer-entity-resources).
   *
   * @param id the line's id (a number in the documented examples)
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
