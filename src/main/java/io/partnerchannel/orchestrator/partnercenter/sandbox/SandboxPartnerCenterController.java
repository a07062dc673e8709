package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationship;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationshipType;
import io.partnerchannel.orchestrator.partnercenter.RelationshipRequest;
import io.partnerchannel.orchestrator.partnercenter.ResourceCollection;
import io.partnerchannel.orchestrator.partnercenter.ResourceLinks;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
public class SandboxPartnerCenterController {

  /** Request header carrying the seek position of the next page. */
  public static final String CONTINUATION_TOKEN = "MS-ContinuationToken";
  private static final int DEFAULT_PAGE_SIZE = 100;
  private static final int MAX_PAGE_SIZE = 500;

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
  public ResourceCollection<ObjectNode> customers(
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

    List<ObjectNode> customers = directory.relationshipsOfPartner(caller.id()).stream()
        .map(relationship -> customer(relationship, false))
        .filter(matches)
        .sorted(Comparator.comparing(c -> c.path("companyProfile").path("companyName").asText(""),
            String.CASE_INSENSITIVE_ORDER))
        .toList();
    List<ObjectNode> page = customers.stream().skip(offset).limit(pageSize).toList();

    ResourceLinks.Link next = null;
    if (offset + page.size() < customers.size()) {
      String token = Base64.getUrlEncoder().withoutPadding()
          .encodeToString(Integer.toString(offset + page.size()).getBytes(StandardCharsets.UTF_8));
      next = new ResourceLinks.Link(
          customersUri(pageSize, filter, true),
          "GET",
          List.of(new ResourceLinks.Header(CONTINUATION_TOKEN, token)));
    }
    return new ResourceCollection<>(
        page.size(),
        page,
        new ResourceLinks(ResourceLinks.Link.get(customersUri(pageSize, filter, false)), next),
        ResourceCollection.COLLECTION_ATTRIBUTES);
  }

  /**
   * {@code GET /v1/customers/relationshiprequests} (A1): the calling partner's reseller relationship
   * invitation link, pointing at this application's sandbox admin center.
   *
   * @param authorization bearer token
   * @return {@code {"url", "attributes": {"objectType": "RelationshipRequest"}}}
   */
  @GetMapping("/customers/relationshiprequests")
  public RelationshipRequest relationshipRequest(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    String url = ServletUriComponentsBuilder.fromCurrentContextPath()
        .path("/sandbox/admin-center/Adminportal/Home")
        .queryParam("invType", "ResellerRelationship")
        .queryParam("partnerId", caller.id())
        .queryParam("msppId", "0")
        .queryParam("DAP", "false")
        .fragment("/BillingAccounts/partner-invitation")
        .toUriString();
    return new RelationshipRequest(url, Map.of("objectType", "RelationshipRequest"));
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
  public ResourceCollection<JsonNode> subscriptions(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String customerTenantId) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    requireRelationship(caller, customerTenantId);
    List<JsonNode> items = directory.subscriptionsOf(customerTenantId).stream()
        .filter(subscription -> caller.id().equals(subscription.sellerPartnerId()))
        .map(subscription -> read(subscription.document()))
        .toList();
    return new ResourceCollection<>(
        items.size(),
        items,
        new ResourceLinks(ResourceLinks.Link.get("/customers/" + customerTenantId + "/subscriptions"), null),
        ResourceCollection.COLLECTION_ATTRIBUTES);
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
  public ResourceCollection<PartnerRelationship> relationships(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestParam(name = "relationship_type", required = false) String relationshipType) {
    SandboxPartner caller = callers.partnerCenterCaller(authorization);
    PartnerRelationshipType type = relationshipType(relationshipType);
    boolean asProvider = type == PartnerRelationshipType.IsIndirectCloudSolutionProviderOf;
    String typeValue = asProvider ? "is_indirect_cloud_solution_provider_of" : "is_indirect_reseller_of";
    List<PartnerRelationship> items = directory.partnerships(caller.id(), asProvider).stream()
        .map(partnership -> new PartnerRelationship(
            partnership.partner().id(),
            partnership.partner().name(),
            typeValue,
            partnership.state(),
            partnership.partner().mpnId(),
            partnership.partner().location(),
            Map.of("objectType", "PartnerRelationship")))
        .toList();
    return new ResourceCollection<>(
        items.size(),
        items,
        new ResourceLinks(ResourceLinks.Link.get("/relationships?relationship_type=" + type.name()), null),
        ResourceCollection.COLLECTION_ATTRIBUTES);
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
    return read(caller.legalBusinessProfile());
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
    SandboxTenant tenant = directory.tenant(relationship.customerTenantId()).orElseThrow();
    ObjectNode customer = (ObjectNode) read(tenant.customerDocument());
    JsonNode attributes = customer.remove("attributes");
    customer.put("relationshipToPartner", relationship.relationshipToPartner());
    if (byId) {
      customer.put("allowDelegatedAccess", relationship.allowDelegatedAccess());
    }
    if (relationship.associatedPartnerId() != null) {
      customer.put("associatedPartnerId", relationship.associatedPartnerId());
    }
    customer.set("links", objectMapper.valueToTree(
        new ResourceLinks(ResourceLinks.Link.get("/customers/" + tenant.id()), null)));
    customer.set("attributes", attributes);
    return customer;
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
