package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * Partner Center {@code AuditRecord} resource (auditing-resources; answered by
 * get-a-record-of-partner-center-activity-by-user, {@code GET /v1/auditrecords}), reduced to what the
 * handling of {@code dap-admin-relationship-terminated-by-microsoft} reads: that event names no customer
 * (partner-center-webhook-events: no {@code ResourceUri}), its audit record does.
 *
 * @param partnerId the partner's tenant id
 * @param customerId the customer the operation was about
 * @param customerName the customer's name
 * @param resourceType e.g. {@code partner_customer_dap}, {@code order}
 * @param operationType e.g. {@code create_order}
 * @param operationDate when the operation happened (UTC)
 * @param operationStatus e.g. {@code succeeded}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditRecord(
    String partnerId,
    String customerId,
    String customerName,
    String resourceType,
    String operationType,
    OffsetDateTime operationDate,
    String operationStatus) {

  /** {@code resourceType} of delegated admin privileges between partner and customer (auditing-resources). */
  public static final String PARTNER_CUSTOMER_DAP = "partner_customer_dap";
}
