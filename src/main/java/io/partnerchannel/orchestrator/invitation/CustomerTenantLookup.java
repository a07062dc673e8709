package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.partnercenter.PartnerRelationshipType.IsIndirectCloudSolutionProviderOf;
import static io.partnerchannel.orchestrator.partnercenter.PartnerRelationshipType.IsIndirectResellerOf;

import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.LegalBusinessProfile;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.PartnerProperties;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationship;
import io.partnerchannel.orchestrator.partnercenter.TenantInformation;
import io.partnerchannel.orchestrator.partnercenter.TenantKind;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Reads, and only reads, what the invitation's eligibility decision needs about a customer domain
 * ({@link CustomerTenantFacts}); see {@link LookUpCustomerTenantDelegate} for the calls and rules.
 */
@Component
class CustomerTenantLookup {

  private final PartnerCenter partnerCenter;
  private final PartnerProperties partner;
  private final CspRegions regions;

  CustomerTenantLookup(PartnerCenter partnerCenter, PartnerProperties partner, CspRegions regions) {
    this.partnerCenter = partnerCenter;
    this.partner = partner;
    this.regions = regions;
  }

  /**
   * @param domain the customer domain, lower case
   * @param customerCountry the customer's ISO 3166 alpha-2 country
   * @return what Partner Center and Graph say about it
   * @throws IllegalStateException when the partner's legal business profile has no country
   * @throws PartnerCenterException when a call fails in a way the engine should retry
   */
  CustomerTenantFacts lookUp(String domain, String customerCountry) {
    LegalBusinessProfile profile = partnerCenter.getLegalBusinessProfile();
    if (profile.address() == null || profile.address().country() == null) {
      throw new IllegalStateException("Partner Center returned no country in the partner's legal business profile");
    }
    Optional<TenantInformation> tenant = partnerCenter.findTenantInformationByDomainName(domain);
    String tenantId = tenant.map(TenantInformation::tenantId).orElse(null);
    boolean alreadyRelated = tenant.flatMap(found -> partnerCenter.getCustomer(found.tenantId()))
        .map(Customer::isReseller).orElse(false);
    if (alreadyRelated) {
      return new CustomerTenantFacts(profile.companyName(), tenantId, true, null, null, null, false);
    }
    List<PartnerRelationship> providers = partnerCenter.getPartnerRelationships(IsIndirectResellerOf);
    List<PartnerRelationship> resellers = partnerCenter.getPartnerRelationships(IsIndirectCloudSolutionProviderOf);
    InitiatorType initiatorType = InitiatorType.of(providers, resellers);
    String indirectProviders = initiatorType != InitiatorType.INDIRECT_RESELLER ? null
        : providers.stream().filter(InitiatorType::isActive).map(PartnerRelationship::name).collect(Collectors.joining(" or "));
    TenantKind tenantKind = tenantId == null ? TenantKind.NOT_FOUND : kind(tenantId, providers, resellers);
    boolean sameRegion = regions.of(profile.address().country()).equals(regions.of(customerCountry));
    return new CustomerTenantFacts(
        profile.companyName(), tenantId, false, initiatorType, indirectProviders, tenantKind, sameRegion);
  }

  /** The kind of an existing tenant ({@link TenantKinds}); a server failure is retried. */
  private TenantKind kind(String tenantId, List<PartnerRelationship> providers, List<PartnerRelationship> resellers) {
    boolean knownPartner = tenantId.equalsIgnoreCase(partner.tenantId())
        || Stream.concat(providers.stream(), resellers.stream()).anyMatch(r -> tenantId.equalsIgnoreCase(r.id()));
    if (knownPartner) {
      return TenantKinds.of(true, null);
    }
    try {
      partnerCenter.getIndirectResellerAgreementStatus(tenantId);
      return TenantKinds.of(false, null);
    } catch (PartnerCenterException e) {
      if (e.getHttpStatus() == 0 || e.getHttpStatus() >= 500) {
        throw e;
      }
      return TenantKinds.of(false, e.getErrorCode() == null ? "" : e.getErrorCode());
    }
  }
}
