package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The sandbox Partner Center's side of ending relationships, in Microsoft's documented shapes:
 * <ul>
 *   <li>{@code GET /sandbox/v1/customers/{id}/entitlements[?entitlementType=&showExpiry=]}
 *       (get-a-collection-of-entitlements): the calling partner's entitlements of the customer;</li>
 *   <li>{@code PATCH /sandbox/v1/customers/{id}} with {@code relationshipToPartner: none}
 *       (remove-a-reseller-relationship-with-a-customer): refused with 400, code 600006, while the partner has an
 *       active subscription or a current Azure reservation or software purchase for the customer (R17); otherwise
 *       the relationship and the partner's DAP end (R18), GDAP relationships stay, and the answer is the documented
 *       PascalCase Customer with {@code RelationshipToPartner: none}; 404 when there is no relationship (any more);</li>
 *   <li>{@code GET /sandbox/v1/auditrecords?startDate=&endDate=&filter=} (get-a-record-of-partner-center-activity-by-user):
 *       the calling partner's activity records, filtered by {@code ResourceType} or {@code CustomerId};</li>
 *   <li>{@code POST /sandbox/microsoft/dap-terminations} {@code {customerTenantId, partnerId}}: Microsoft ends a DAP
 *       unused for 90 days (R33): the relationship stays, DAP ends, a {@code partner_customer_dap} activity record is
 *       written and {@code dap-admin-relationship-terminated-by-microsoft} is delivered as documented, without a
 *       {@code ResourceUri} (partner-center-webhook-events).</li>
 * </ul>
 */
@RestController
@SandboxConfiguration
class SandboxRelationshipEndController {

  /** The webhook event of R33 (partner-center-webhook-events). */
  public static final String DAP_TERMINATED_BY_MICROSOFT = "dap-admin-relationship-terminated-by-microsoft";
  /** {@code ResourceName} of the DAP events. */
  public static final String PARTNER_CUSTOMER_DAP_RESOURCE = "PartnerCustomerDap";
  /** {@code resourceType} of DAP activity records (auditing-resources). */
  public static final String PARTNER_CUSTOMER_DAP = "partner_customer_dap";
  /** {@code resourceType} of relationship activity records (auditing-resources). */
  public static final String PARTNER_CUSTOMER_RELATIONSHIP = "partner_customer_relationship";

  private final SandboxDirectory directory;
  private final SandboxRelationshipEnds ends;
  private final SandboxCallers callers;
  private final SandboxEventQueue events;
  private final SandboxDocuments documents;

  /**
   * @param directory tenants, relationships and subscriptions
   * @param ends entitlements, activity records and relationship removal
   * @param callers identifies the calling partner
   * @param events the webhook event queue
   * @param documents reads stored documents
   */
  public SandboxRelationshipEndController(SandboxDirectory directory, SandboxRelationshipEnds ends,
      SandboxCallers callers, SandboxEventQueue events, SandboxDocuments documents) {
    this.directory = directory;
    this.ends = ends;
    this.callers = callers;
    this.events = events;
    this.documents = documents;
  }

  /**
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param entitlementType {@code software}, {@code reservedInstance} or {@code virtualMachineReservedInstance}; all when absent
   * @param showExpiry whether {@code expiryDate} is shown where the entitlement has one
   * @return the collection of {@code Entitlement}s
   */
  @GetMapping("/sandbox/v1/customers/{customerTenantId}/entitlements")
  public ObjectNode entitlements(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @RequestParam(name = "entitlementType", required = false) String entitlementType,
      @RequestParam(name = "showExpiry", defaultValue = "false") boolean showExpiry) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    List<ObjectNode> items = new ArrayList<>();
    for (ObjectNode entitlement : ends.entitlements(customerTenantId, caller.id())) {
      if (entitlementType != null && !entitlementType.equalsIgnoreCase(entitlement.path("entitlementType").asText())) {
        continue;
      }
      if (!showExpiry) {
        entitlement.remove("expiryDate");
      }
      items.add(entitlement);
    }
    return SandboxJson.collection(items, "/customers/" + customerTenantId + "/entitlements");
  }

  /**
   * @param authorization bearer token
   * @param customerTenantId the customer
   * @param body a Customer resource with {@code relationshipToPartner: none} (property names in any casing)
   * @return the documented answer: the Customer with {@code RelationshipToPartner: none}, other properties null
   */
  @PatchMapping("/sandbox/v1/customers/{customerTenantId}")
  @Transactional(transactionManager = SandboxDatabase.TRANSACTION_MANAGER)
  public ObjectNode removeResellerRelationship(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId,
      @RequestBody JsonNode body) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    if (!"none".equalsIgnoreCase(SandboxJson.text(body, "relationshipToPartner"))) {
      throw new PartnerCenterApiException(HttpStatus.BAD_REQUEST, PartnerCenterApiException.INVALID_INPUT,
          "Only relationshipToPartner none can be set on a customer");
    }
    requireRelationship(caller, customerTenantId);
    List<String> blocking = new ArrayList<>();
    for (SandboxSubscription subscription : directory.subscriptionsOf(customerTenantId)) {
      JsonNode document = documents.read(subscription.document());
      if (caller.id().equals(subscription.sellerPartnerId()) && "active".equalsIgnoreCase(document.path("status").asText())) {
        blocking.add("subscription " + subscription.id() + " (" + document.path("offerName").asText() + ") is active");
      }
    }
    OffsetDateTime now = SandboxDocuments.now();
    for (ObjectNode entitlement : ends.entitlements(customerTenantId, caller.id())) {
      String type = entitlement.path("entitlementType").asText().toLowerCase(Locale.ROOT);
      if (type.contains("reservedinstance") || "software".equals(type)) {
        if (!entitlement.hasNonNull("expiryDate") || expiry(entitlement).isAfter(now)) {
          blocking.add(type + " entitlement of order " + entitlement.path("referenceOrder").path("id").asText()
              + " (product " + entitlement.path("productId").asText() + ") is current");
        }
      }
    }
    if (!blocking.isEmpty()) {
      throw new PartnerCenterApiException(HttpStatus.BAD_REQUEST, SandboxCommerceController.ACTION_NOT_ALLOWED,
          "Customer relationship cannot be removed: " + String.join("; ", blocking)
              + ". Suspend active subscriptions and cancel Azure reservations and software purchases first.",
          blocking);
    }
    ends.deleteRelationship(customerTenantId, caller.id());
    ends.recordActivity(caller.id(), customerTenantId, companyName(customerTenantId), PARTNER_CUSTOMER_RELATIONSHIP,
        "remove_partner_customer_relationship", "{\"RelationshipToPartner\":\"none\"}", now);
    ObjectNode customer = SandboxJson.object();
    for (String property : List.of("Id", "CommerceId", "CompanyProfile", "BillingProfile")) {
      customer.putNull(property);
    }
    customer.put("RelationshipToPartner", "none");
    for (String property : List.of("AllowDelegatedAccess", "UserCredentials", "CustomDomains", "AssociatedPartnerId")) {
      customer.putNull(property);
    }
    customer.putObject("Attributes").put("ObjectType", "Customer");
    return customer;
  }

  /**
   * @param authorization bearer token
   * @param startDate first day, {@code yyyy-mm-dd} (default: 30 days ago); at most 90 days ago
   * @param endDate last day, {@code yyyy-mm-dd} (default: today)
   * @param filter {@code {"Field": "ResourceType"|"CustomerId", "Value": ..., "Operator": "equals"}}, optional
   * @return the collection of {@code AuditRecord}s, oldest first
   */
  @GetMapping("/sandbox/v1/auditrecords")
  public ObjectNode auditRecords(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestParam(name = "startDate", required = false) String startDate,
      @RequestParam(name = "endDate", required = false) String endDate,
      @RequestParam(name = "filter", required = false) String filter) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate start = startDate == null ? today.minusDays(30) : date(startDate, "startDate");
    LocalDate end = endDate == null ? today : date(endDate, "endDate");
    if (start.isBefore(today.minusDays(90))) {
      throw new PartnerCenterApiException(HttpStatus.BAD_REQUEST, PartnerCenterApiException.INVALID_INPUT,
          "Activity records are available for the previous 90 days only");
    }
    String field = null;
    String value = null;
    if (filter != null && !filter.isBlank()) {
      JsonNode node;
      try {
        node = documents.read(filter);
      } catch (IllegalStateException e) {
        throw new PartnerCenterApiException(HttpStatus.BAD_REQUEST, PartnerCenterApiException.INVALID_INPUT,
            "filter must be {\"Field\", \"Value\", \"Operator\"}");
      }
      field = SandboxJson.text(node, "Field");
      value = SandboxJson.text(node, "Value");
      if (field == null || value == null || !List.of("resourcetype", "customerid").contains(field.toLowerCase(Locale.ROOT))) {
        throw new PartnerCenterApiException(HttpStatus.BAD_REQUEST, PartnerCenterApiException.INVALID_INPUT,
            "filter Field must be ResourceType or CustomerId, with a Value");
      }
    }
    String property = field == null ? null : "resourcetype".equalsIgnoreCase(field) ? "resourceType" : "customerId";
    String wanted = value;
    List<ObjectNode> items = ends.activity(caller.id(), start.atStartOfDay().atOffset(ZoneOffset.UTC),
            end.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)).stream()
        .filter(record -> property == null || wanted.equalsIgnoreCase(record.path(property).asText()))
        .toList();
    return SandboxJson.collection(items, "/auditrecords?startDate=" + start + "&endDate=" + end);
  }

  /**
   * Microsoft terminates the DAP of a partner with a customer after 90 days without use (R33).
   *
   * @param request the customer and the partner
   * @return the event as delivered
   */
  @PostMapping("/sandbox/microsoft/dap-terminations")
  @Transactional(transactionManager = SandboxDatabase.TRANSACTION_MANAGER)
  public SandboxEvent terminateDelegatedAccess(@Valid @RequestBody DapTermination request) {
    String customer = request.customerTenantId().toLowerCase(Locale.ROOT);
    String partner = request.partnerId().toLowerCase(Locale.ROOT);
    if (!ends.endDelegatedAccess(customer, partner)) {
      throw new PartnerCenterApiException(HttpStatus.NOT_FOUND, PartnerCenterApiException.NOT_FOUND,
          "Partner " + partner + " holds no DAP for customer " + customer);
    }
    SandboxEvent event = events.enqueue(DAP_TERMINATED_BY_MICROSOFT, null, PARTNER_CUSTOMER_DAP_RESOURCE);
    ends.recordActivity(partner, customer, companyName(customer), PARTNER_CUSTOMER_DAP,
        "remove_partner_customer_dap", "{\"AllowDelegatedAccess\":false}", event.resourceChangeUtcDate());
    return event;
  }

  /**
   * @param customerTenantId the customer
   * @param partnerId the partner whose DAP Microsoft ends
   */
  public record DapTermination(
      @NotBlank @Pattern(regexp = GUID) String customerTenantId,
      @NotBlank @Pattern(regexp = GUID) String partnerId) {

    private static final String GUID = "^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$";
  }

  private void requireRelationship(SandboxPartner caller, String customerTenantId) {
    directory.relationship(customerTenantId, caller.id())
        .orElseThrow(() -> new PartnerCenterApiException(HttpStatus.NOT_FOUND, PartnerCenterApiException.NOT_FOUND,
            "Customer " + customerTenantId + " was not found for partner " + caller.id()));
  }

  private String companyName(String customerTenantId) {
    return directory.tenant(customerTenantId)
        .map(tenant -> documents.read(tenant.customerDocument()).path("companyProfile").path("companyName").asText(null))
        .orElse(null);
  }

  private static OffsetDateTime expiry(JsonNode entitlement) {
    try {
      return OffsetDateTime.parse(entitlement.path("expiryDate").asText());
    } catch (DateTimeParseException e) {
      return OffsetDateTime.MAX;
    }
  }

  private static LocalDate date(String text, String name) {
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new PartnerCenterApiException(HttpStatus.BAD_REQUEST, PartnerCenterApiException.INVALID_INPUT,
          name + " must be a date yyyy-mm-dd");
    }
  }

  /** The emulated service's error bodies ({@link SandboxApiErrorHandler}) for this controller. */
  @Order(Ordered.HIGHEST_PRECEDENCE)
  @RestControllerAdvice(assignableTypes = SandboxRelationshipEndController.class)
  @SandboxConfiguration
  static class ErrorHandler extends SandboxApiErrorHandler {}
}
