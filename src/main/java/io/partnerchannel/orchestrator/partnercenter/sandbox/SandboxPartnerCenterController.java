package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnerchannel.orchestrator.partnercenter.AgreementSignatureStatus;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationshipType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The sandbox's Partner Center REST API ({@code /sandbox/v1/...}): the operations the processes use, with
 * Partner Center's JSON shapes, status codes and error bodies (reference §2.1). The calling partner is
 * identified from {@code Authorization: Bearer <partner tenant id>}.
 */
@RestController
@RequestMapping("/sandbox/v1")
@SandboxConfiguration
class SandboxPartnerCenterController {

  /** Request header carrying the seek position of the next page. */
  public static final String CONTINUATION_TOKEN = "MS-ContinuationToken";
  private static final int DEFAULT_PAGE_SIZE = 100;
  private static final int MAX_PAGE_SIZE = 500;
  private static final String INDIRECT_RESELLER = "INDIRECT_RESELLER";
  private static final String MPA_FAQ = "https://docs.microsoft.com/partner-center/mpa-indirect-provider-faq";

  private final SandboxDirectory directory;
  private final SandboxCallers callers;
  private final ObjectMapper objectMapper;

  /**
   * @param directory the sandbox world
   * @param callers identifies the calling partner
   * @param objectMapper JSON mapper
   */
  public SandboxPartnerCenterController(
      SandboxDirectory directory, SandboxCallers callers, ObjectMapper objectMapper) {
    this.directory = directory;
    this.callers = callers;
    this.objectMapper = objectMapper;
  }

  /**
   * {@code GET /v1/customers?size={size}&filter={filter}}: the calling partner's customers, i.e. the tenants
   * in a relationship with it, ordered by company name, one page at a time. {@code filter} is Partner
   * Center's JSON search filter {@code {"Field": "Domain"|"CompanyName"|"IndirectReseller", "Value": ...,
   * "Operator": "starts_with"}}. The next page is requested with {@code seekOperation=next} and the
   * {@code MS-ContinuationToken} header given in {@code links.next}.
   *
   * @param authorization bearer token
   * @param size page size, 1..500 (default 100)
   * @param filter search filter JSON, optional
   * @param seekOperation {@code next} to continue a paged listing
   * @param continuationToken the token from the previous page's {@code links.next}
   * @return the page; {@code totalCount} is the number of items in this page, as in Partner Center's
   *     seek-based collections
   */
  @GetMapping("/customers")
  public ObjectNode customers(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) String filter,
      @RequestParam(required = false) String seekOperation,
      @RequestHeader(name = CONTINUATION_TOKEN, required = false) String continuationToken) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    int pageSize = size == null ? DEFAULT_PAGE_SIZE : size;
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw invalid("size must be between 1 and " + MAX_PAGE_SIZE);
    }
    int offset = "next".equalsIgnoreCase(seekOperation) ? offset(continuationToken) : 0;
    Predicate<ObjectNode> matches = filter(filter);

    List<CustomerRelationship> relationships = directory.relationshipsOfPartner(caller.id());
    // read after the relationships, so it holds the tenant of each (one added meanwhile is read on its own)
    Map<String, SandboxTenant> tenants = directory.tenantsRelatedTo(caller.id());
    List<ObjectNode> customers = relationships.stream()
        .map(relationship -> customer(relationship, tenants.computeIfAbsent(relationship.customerTenantId(),
            id -> directory.tenant(id).orElseThrow()), false))
        .filter(matches)
        .sorted(Comparator.comparing(c -> c.path("companyProfile").path("companyName").asText(""),
            String.CASE_INSENSITIVE_ORDER))
        .toList();
    List<ObjectNode> page = customers.stream().skip(offset).limit(pageSize).toList();

    ObjectNode collection = objectMapper.createObjectNode();
    collection.put("totalCount", page.size());
    collection.putArray("items").addAll(page);
    ObjectNode links = collection.putObject("links");
    links.putObject("self").put("uri", customersUri(pageSize, filter, false)).put("method", "GET").putArray("headers");
    if (offset + page.size() < customers.size()) {
      String token = Base64.getUrlEncoder().withoutPadding()
          .encodeToString(Integer.toString(offset + page.size()).getBytes(StandardCharsets.UTF_8));
      links.putObject("next").put("uri", customersUri(pageSize, filter, true)).put("method", "GET")
          .putArray("headers").addObject().put("key", CONTINUATION_TOKEN).put("value", token);
    }
    collection.putObject("attributes").put("objectType", "Collection");
    return collection;
  }

  /**
   * {@code GET /v1/customers/relationshiprequests[?indirectResellerId={id}]} (request-reseller-relationship;
   * REST reference get-relationship-request-link): the calling partner's reseller relationship invitation
   * link, pointing at this application's sandbox admin center; with {@code indirectResellerId} the
   * indirect provider's link for that indirect reseller ({@code invType=IndirectResellerRelationship},
   * {@code indirectCSPId} = the reseller, the shape the sandbox admin center accepts).
   *
   * @param authorization bearer token
   * @param indirectResellerId an indirect reseller of the calling indirect provider, optional
   * @return {@code {"url", "attributes": {"objectType": "RelationshipRequest"}}}
   * @throws PartnerCenterApiException 400 (code 800002) when {@code indirectResellerId} is not an active
   *     indirect reseller of the caller
   */
  @GetMapping("/customers/relationshiprequests")
  public ObjectNode relationshipRequest(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestParam(required = false) String indirectResellerId) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    UriComponentsBuilder url = ServletUriComponentsBuilder.fromCurrentContextPath()
        .path("/sandbox/admin-center/Adminportal/Home");
    if (indirectResellerId == null || indirectResellerId.isBlank()) {
      url.queryParam("invType", "ResellerRelationship")
          .queryParam("partnerId", caller.id())
          .queryParam("msppId", "0");
    } else {
      String reseller = indirectResellerId.trim();
      boolean ours = directory.partnerships(caller.id(), true).stream()
          .anyMatch(partnership -> partnership.partner().id().equalsIgnoreCase(reseller)
              && "Active".equalsIgnoreCase(partnership.state()));
      if (!ours) {
        throw invalid("indirectResellerId " + reseller + " is not an active indirect reseller of partner " + caller.id());
      }
      url.queryParam("invType", "IndirectResellerRelationship")
          .queryParam("partnerId", caller.id())
          .queryParam("msppId", "0")
          .queryParam("indirectCSPId", reseller);
    }
    ObjectNode request = objectMapper.createObjectNode();
    request.put("url", url.queryParam("DAP", "false").fragment("/BillingAccounts/partner-invitation").toUriString());
    request.putObject("attributes").put("objectType", "RelationshipRequest");
    return request;
  }

  /**
   * {@code GET /v1/customers/{customer-tenant-id}}.
   *
   * @param authorization bearer token
   * @param customerTenantId the customer's tenant id
   * @return the {@code Customer} with {@code relationshipToPartner}, {@code allowDelegatedAccess} and
   *     {@code associatedPartnerId} as the calling partner sees them
   * @throws PartnerCenterApiException 404 when the tenant is not the calling partner's customer
   */
  @GetMapping("/customers/{customerTenantId}")
  public ObjectNode customer(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    return customer(requireRelationship(caller, customerTenantId), true);
  }

  /**
   * {@code GET /v1/customers/{customer-tenant-id}/subscriptions}: the subscriptions the calling partner
   * provides to its customer (other partners' and other channels' subscriptions are not visible).
   *
   * @param authorization bearer token
   * @param customerTenantId the customer's tenant id
   * @return the collection of {@code Subscription}s
   * @throws PartnerCenterApiException 404 when the tenant is not the calling partner's customer
   */
  @GetMapping("/customers/{customerTenantId}/subscriptions")
  public ObjectNode subscriptions(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    List<JsonNode> items = directory.subscriptionsOf(customerTenantId).stream()
        .filter(subscription -> caller.id().equals(subscription.sellerPartnerId()))
        .map(subscription -> read(subscription.document()))
        .toList();
    ObjectNode collection = objectMapper.createObjectNode();
    collection.put("totalCount", items.size());
    collection.putArray("items").addAll(items);
    collection.set("links", selfLink("/customers/" + customerTenantId + "/subscriptions"));
    collection.putObject("attributes").put("objectType", "Collection");
    return collection;
  }

  /**
   * {@code GET /v1/relationships?relationship_type=...} (A2, A3): the calling partner's indirect resellers
   * ({@code IsIndirectCloudSolutionProviderOf}) or indirect providers ({@code IsIndirectResellerOf}).
   *
   * @param authorization bearer token
   * @param relationshipType {@code IsIndirectCloudSolutionProviderOf} or {@code IsIndirectResellerOf}
   * @return the collection of {@code PartnerRelationship}s
   * @throws PartnerCenterApiException 400 for another relationship type
   */
  @GetMapping("/relationships")
  public ObjectNode relationships(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestParam(name = "relationship_type", required = false) String relationshipType) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    PartnerRelationshipType type = relationshipType(relationshipType);
    boolean asProvider = type == PartnerRelationshipType.IsIndirectCloudSolutionProviderOf;
    String typeValue = asProvider ? "is_indirect_cloud_solution_provider_of" : "is_indirect_reseller_of";
    ObjectNode collection = objectMapper.createObjectNode();
    List<SandboxDirectory.Partnership> partnerships = directory.partnerships(caller.id(), asProvider);
    collection.put("totalCount", partnerships.size());
    var items = collection.putArray("items");
    for (SandboxDirectory.Partnership partnership : partnerships) {
      ObjectNode item = items.addObject();
      item.put("id", partnership.partner().id());
      item.put("name", partnership.partner().name());
      item.put("relationshipType", typeValue);
      item.put("state", partnership.state());
      item.put("mpnId", partnership.partner().mpnId());
      item.put("location", partnership.partner().location());
      item.putObject("attributes").put("objectType", "PartnerRelationship");
    }
    collection.putObject("links").putObject("self")
        .put("uri", "/relationships?relationship_type=" + type.name()).put("method", "GET").putArray("headers");
    collection.putObject("attributes").put("objectType", "Collection");
    return collection;
  }

  /**
   * {@code GET /v1/compliance/csp/agreementstatus?mpnId={id}} or {@code ?tenantId={id}} (A9): whether an
   * indirect reseller signed the Microsoft Partner Agreement for the CSP region of the calling partner (the
   * indirect provider placing orders, R16). Exactly one of the two identifiers must be given.
   *
   * @param authorization bearer token
   * @param programName {@code csp}
   * @param mpnId the reseller's MPN (PGA/PLA) id, numeric
   * @param tenantId the reseller's CSP tenant id, a GUID
   * @return {@code {"isAgreementSigned": true}}
   * @throws PartnerCenterApiException 400 with Partner Center's codes: {@code 2000} malformed or both
   *     identifiers, {@code 2001} neither, {@code 2200} unknown MPN id, {@code 2205} unknown tenant id,
   *     {@code 2204} not an indirect reseller, {@code 2201} the reseller's MPA covers other CSP regions only,
   *     {@code 2203} the MPA is not signed for the caller's region; 404 for another program than {@code csp}
   */
  @GetMapping("/compliance/{programName}/agreementstatus")
  public Map<String, Boolean> agreementStatus(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String programName,
      @RequestParam(name = "mpnId", required = false) String mpnId,
      @RequestParam(name = "tenantId", required = false) String tenantId) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    if (!"csp".equalsIgnoreCase(programName)) {
      throw new PartnerCenterApiException(HttpStatus.NOT_FOUND, PartnerCenterApiException.NOT_FOUND,
          "Program " + programName + " was not found; the agreement status is kept for program csp");
    }
    SandboxPartner reseller = agreementStatusSubject(mpnId, tenantId);
    String id = mpnId != null ? "MPN Id " + mpnId : "Tenant Id " + tenantId;
    if (!INDIRECT_RESELLER.equals(reseller.partnerType())) {
      throw compliance(AgreementSignatureStatus.NOT_AN_INDIRECT_RESELLER, id + " is not associated with a CSP Indirect"
          + " Reseller account in Partner Center. Please advise your reseller to enroll into the CSP program as an"
          + " indirect reseller in Partner Center.");
    }
    String region = cspRegion(caller);
    Map<String, Boolean> signed = directory.agreementStatus(reseller.id());
    if (Boolean.TRUE.equals(signed.get(region))) {
      return Map.of("isAgreementSigned", true);
    }
    if (!signed.containsKey(region) && signed.containsValue(true)) {
      throw compliance(AgreementSignatureStatus.REGION_MISMATCH, "The CSP region of the " + id + " doesn’t match the"
          + " CSP region from where you are placing the order. Provide the MPN ID for the CSP region where you are"
          + " placing the order.");
    }
    throw compliance(AgreementSignatureStatus.NOT_SIGNED, id + " has not signed Microsoft Partner Agreement (MPA) for"
        + " the CSP region where the order is being placed. Please advise your reseller to sign MPA to continue with"
        + " the order.");
  }

  /**
   * {@code GET /v1/profiles/legalbusiness}: the calling partner's legal business profile.
   *
   * @param authorization bearer token
   * @return the {@code LegalBusinessProfile}
   */
  @GetMapping("/profiles/legalbusiness")
  public JsonNode legalBusinessProfile(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    ObjectNode profile = (ObjectNode) read(caller.legalBusinessProfile());
    if (!profile.has("links")) {
      profile.putObject("links").putObject("self")
          .put("uri", "/profiles/legalbusiness").put("method", "GET").putArray("headers");
    }
    return profile;
  }

  /** The partner an agreement status request names, by exactly one of MPN id and tenant id (A9). */
  private SandboxPartner agreementStatusSubject(String mpnId, String tenantId) {
    boolean byMpnId = mpnId != null && !mpnId.isBlank();
    boolean byTenantId = tenantId != null && !tenantId.isBlank();
    if (byMpnId && byTenantId) {
      throw complianceInput("2000", "Both MPN Id and Tenant Id should not be passed.");
    }
    if (!byMpnId && !byTenantId) {
      throw complianceInput("2001", "Both MPN Id and Tenant Id cannot be empty.");
    }
    if (byMpnId) {
      if (!mpnId.trim().matches("\\d+")) {
        throw complianceInput("2000", "MPN Id must be numeric.");
      }
      return directory.partnerByMpnId(mpnId.trim()).orElseThrow(() -> compliance(AgreementSignatureStatus.NOT_MIGRATED,
          "MPN Id " + mpnId.trim() + " is either invalid or not yet migrated to Partner Center. Please advise your"
              + " reseller to migrate the reseller MPN ID to Partner Center to continue with this order."));
    }
    try {
      UUID.fromString(tenantId.trim());
    } catch (IllegalArgumentException e) {
      throw complianceInput("2000", "Tenant Id must be a GUID.");
    }
    // a partner's CSP transaction tenant is its Partner Center account's tenant
    return directory.partner(tenantId.trim())
        .or(() -> directory.tenant(tenantId.trim())
            .filter(tenant -> tenant.kind() == SandboxTenant.Kind.CSP_TRANSACTION_TENANT && tenant.ownerPartnerId() != null)
            .flatMap(tenant -> directory.partner(tenant.ownerPartnerId())))
        .orElseThrow(() -> new PartnerCenterApiException(HttpStatus.BAD_REQUEST,
        AgreementSignatureStatus.NO_ACCOUNT,
        "Partner Center doesn't find any account associated to the Tenant ID " + tenantId.trim()));
  }

  /** The CSP region the partner transacts in, as stored in {@code sbx_mpa_status}, e.g. {@code EUROPE}. */
  private String cspRegion(SandboxPartner partner) {
    String country = directory.tenant(partner.id()).map(SandboxTenant::country)
        .orElseThrow(() -> new IllegalStateException("Sandbox partner " + partner.id() + " has no tenant"));
    return SandboxCspRegions.of(country);
  }

  private static PartnerCenterApiException compliance(String code, String description) {
    return new PartnerCenterApiException(HttpStatus.BAD_REQUEST, code, description, List.of(MPA_FAQ));
  }

  private static PartnerCenterApiException complianceInput(String code, String description) {
    return new PartnerCenterApiException(HttpStatus.BAD_REQUEST, code, description);
  }

  /** {@code /v1/customers?size=..[&filter=..][&seekOperation=next]}, encoded. */
  private static String customersUri(int size, String filter, boolean next) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/v1/customers").queryParam("size", size);
    if (filter != null) {
      uri.queryParam("filter", "{filter}");
    }
    if (next) {
      uri.queryParam("seekOperation", "next");
    }
    return uri.encode()
        .buildAndExpand(filter == null ? Map.of() : Map.of("filter", filter))
        .toUriString();
  }

  private CustomerRelationship requireRelationship(SandboxPartner caller, String customerTenantId) {
    return directory.relationship(customerTenantId, caller.id())
        .orElseThrow(() -> new PartnerCenterApiException(
            HttpStatus.NOT_FOUND, PartnerCenterApiException.NOT_FOUND,
            "Customer " + customerTenantId + " was not found for partner " + caller.id()));
  }

  /** The {@code Customer} resource as {@code relationship.partnerId} sees it. */
  private ObjectNode customer(CustomerRelationship relationship, boolean byId) {
    return customer(relationship, directory.tenant(relationship.customerTenantId()).orElseThrow(), byId);
  }

  private ObjectNode customer(CustomerRelationship relationship, SandboxTenant tenant, boolean byId) {
    ObjectNode customer = (ObjectNode) read(tenant.customerDocument());
    JsonNode attributes = customer.remove("attributes");
    customer.put("relationshipToPartner", relationship.relationshipToPartner());
    if (byId) {
      customer.put("allowDelegatedAccess", relationship.allowDelegatedAccess());
    }
    if (relationship.associatedPartnerId() != null) {
      customer.put("associatedPartnerId", relationship.associatedPartnerId());
    }
    completeProfiles(customer, tenant);
    customer.set("links", selfLink("/customers/" + tenant.id()));
    customer.set("attributes", attributes);
    return customer;
  }

  /**
   * The properties get-a-customer-by-id documents and the sandbox's stored customers leave out: the profiles'
   * links, the company address and e-mail (those of the billing profile), {@code customDomains} and the
   * billing profile's etag; address properties the customer has no value for are {@code null}.
   */
  private void completeProfiles(ObjectNode customer, SandboxTenant tenant) {
    JsonNode billing = customer.path("billingProfile");
    if (billing instanceof ObjectNode billingProfile) {
      if (billingProfile.path("defaultAddress") instanceof ObjectNode address) {
        for (String property : List.of("country", "region", "city", "state", "addressLine1", "postalCode", "phoneNumber")) {
          if (!address.has(property)) {
            address.putNull(property);
          }
        }
      }
      if (!billingProfile.has("links")) {
        billingProfile.set("links", selfLink("/customers/" + tenant.id() + "/profiles/billing"));
      }
      if (billingProfile.path("attributes") instanceof ObjectNode attributes && !attributes.has("etag")) {
        attributes.put("etag", Integer.toString(billingProfile.toString().hashCode()));
      }
    }
    if (customer.path("companyProfile") instanceof ObjectNode company) {
      if (!company.has("address")) {
        company.set("address", billing.path("defaultAddress").isObject()
            ? billing.path("defaultAddress").deepCopy() : objectMapper.createObjectNode());
      }
      if (!company.has("email")) {
        company.set("email", billing.path("email").isMissingNode() ? null : billing.path("email"));
      }
      if (!company.has("links")) {
        company.set("links", selfLink("/customers/" + tenant.id() + "/profiles/company"));
      }
    }
    if (!customer.has("customDomains")) {
      customer.putArray("customDomains").add(tenant.domain());
    }
  }

  /** {@code {"self": {"uri", "method": "GET", "headers": []}}}. */
  private ObjectNode selfLink(String uri) {
    ObjectNode links = objectMapper.createObjectNode();
    links.putObject("self").put("uri", uri).put("method", "GET").putArray("headers");
    return links;
  }

  private Predicate<ObjectNode> filter(String filter) {
    if (filter == null || filter.isBlank()) {
      return customer -> true;
    }
    JsonNode node;
    try {
      node = objectMapper.readTree(filter);
    } catch (JsonProcessingException e) {
      throw invalid("filter is not a JSON object: " + filter);
    }
    String field = property(node, "Field");
    String value = property(node, "Value");
    String operator = property(node, "Operator");
    if (field == null || value == null || !"starts_with".equalsIgnoreCase(operator)) {
      throw invalid("filter needs Field, Value and Operator \"starts_with\"");
    }
    String prefix = value.toLowerCase(Locale.ROOT);
    return switch (field.toLowerCase(Locale.ROOT)) {
      case "domain" -> c -> c.path("companyProfile").path("domain").asText("").toLowerCase(Locale.ROOT)
          .startsWith(prefix);
      case "companyname" -> c -> c.path("companyProfile").path("companyName").asText("")
          .toLowerCase(Locale.ROOT).startsWith(prefix);
      case "indirectreseller" -> c -> c.path("associatedPartnerId").asText("").toLowerCase(Locale.ROOT)
          .startsWith(prefix);
      default -> throw invalid("filter Field must be Domain, CompanyName or IndirectReseller, not " + field);
    };
  }

  /** A property of the filter object, its name compared ignoring case. */
  private static String property(JsonNode node, String name) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (entry.getKey().equalsIgnoreCase(name) && entry.getValue().isValueNode()) {
        return entry.getValue().asText();
      }
    }
    return null;
  }

  private static int offset(String continuationToken) {
    if (continuationToken == null) {
      throw invalid("seekOperation=next needs the " + CONTINUATION_TOKEN + " header of links.next");
    }
    try {
      int offset = Integer.parseInt(
          new String(Base64.getUrlDecoder().decode(continuationToken), StandardCharsets.UTF_8));
      if (offset < 0) {
        throw invalid("invalid " + CONTINUATION_TOKEN);
      }
      return offset;
    } catch (IllegalArgumentException e) {
      throw invalid("invalid " + CONTINUATION_TOKEN);
    }
  }

  private static PartnerRelationshipType relationshipType(String value) {
    for (PartnerRelationshipType type : PartnerRelationshipType.values()) {
      if (type.name().equalsIgnoreCase(value)) {
        return type;
      }
    }
    throw invalid("relationship_type must be IsIndirectCloudSolutionProviderOf or IsIndirectResellerOf");
  }

  private JsonNode read(String json) {
    try {
      return objectMapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable sandbox document", e);
    }
  }

  private static PartnerCenterApiException invalid(String description) {
    return new PartnerCenterApiException(
        HttpStatus.BAD_REQUEST, PartnerCenterApiException.INVALID_INPUT, description);
  }
}
