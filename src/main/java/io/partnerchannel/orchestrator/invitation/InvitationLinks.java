package io.partnerchannel.orchestrator.invitation;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.RelationshipRequest;
import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Builds the invitation links customers open, from the operating partner's reseller relationship request
 * link ({@code GET /v1/customers/relationshiprequests}, A1), for both invitation processes:
 * <ul>
 *   <li>the reseller link {@code ...?invType=ResellerRelationship&partnerId={partner}&msppId=0&DAP=true|false#...}
 *       (S4: {@code DAP=true} asks for delegated admin privileges);</li>
 *   <li>the indirect reseller link of an indirect provider {@code ...?invType=IndirectResellerRelationship
 *       &partnerId={provider}&msppId=0&indirectCSPId={reseller tenant}&DAP=...#...} (reference §1.3, [U]: the
 *       shape third-party distributor tooling uses), which makes the reseller the customer's associated
 *       partner (R15) while the provider owns the relationship (R13).</li>
 * </ul>
 * Both links are per partner, not per customer (S3), so building them again gives the same link.
 */
public final class InvitationLinks {

  /** {@code invType} of the reseller link. */
  public static final String RESELLER_RELATIONSHIP = "ResellerRelationship";
  /** {@code invType} of the indirect reseller link. */
  public static final String INDIRECT_RESELLER_RELATIONSHIP = "IndirectResellerRelationship";

  private InvitationLinks() {}

  /**
   * @param partnerCenter the Partner Center port
   * @return the operating partner's reseller relationship request link
   * @throws IllegalStateException when Partner Center answers without a link (the job is retried)
   */
  public static String requestLink(PartnerCenter partnerCenter) {
    RelationshipRequest request = partnerCenter.getRelationshipRequest();
    if (request == null || request.url() == null || request.url().isBlank()) {
      throw new IllegalStateException("Partner Center returned no relationship request link");
    }
    return request.url();
  }

  /**
   * @param link the partner's relationship request link
   * @param dap whether delegated admin privileges are requested
   * @return the link with its {@code DAP} query parameter set, fragment unchanged
   */
  public static String withDap(String link, boolean dap) {
    return UriComponentsBuilder.fromUriString(link).replaceQueryParam("DAP", dap).build().toUriString();
  }

  /**
   * The indirect reseller form of a request link: {@code invType=IndirectResellerRelationship}, the
   * {@code partnerId} (the indirect provider) and {@code msppId} kept, {@code indirectCSPId} set to the
   * reseller's tenant id right after {@code msppId}, then {@code DAP}; other parameters and the fragment
   * are kept in their order.
   *
   * @param link the indirect provider's relationship request link
   * @param resellerTenantId the indirect reseller's tenant id
   * @param dap whether delegated admin privileges are requested
   * @return the indirect reseller link
   * @throws IllegalArgumentException when {@code resellerTenantId} is blank
   */
  public static String forIndirectReseller(String link, String resellerTenantId, boolean dap) {
    if (resellerTenantId == null || resellerTenantId.isBlank()) {
      throw new IllegalArgumentException("An indirect reseller link needs the reseller's tenant id");
    }
    UriComponents components = UriComponentsBuilder.fromUriString(link).build();
    MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
    query.set("invType", INDIRECT_RESELLER_RELATIONSHIP);
    for (Map.Entry<String, List<String>> parameter : components.getQueryParams().entrySet()) {
      String name = parameter.getKey();
      if (!List.of("invType", "indirectCSPId", "DAP").contains(name)) {
        query.put(name, parameter.getValue());
      }
      if ("msppId".equals(name)) {
        query.set("indirectCSPId", resellerTenantId.trim());
      }
    }
    query.putIfAbsent("msppId", List.of("0"));
    query.putIfAbsent("indirectCSPId", List.of(resellerTenantId.trim()));
    query.set("DAP", Boolean.toString(dap));
    return UriComponentsBuilder.fromUriString(link).replaceQuery(null).queryParams(query).build().toUriString();
  }
}
