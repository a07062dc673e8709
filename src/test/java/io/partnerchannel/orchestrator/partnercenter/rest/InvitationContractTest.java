package io.partnerchannel.orchestrator.partnercenter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.LegalBusinessProfile;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationship;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationshipType;
import io.partnerchannel.orchestrator.partnercenter.TenantInformation;
import io.partnerchannel.orchestrator.partnercenter.contract.ContractFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Partner Center and Graph calls of the invitation processes (relationship request links, profiles,
 * customers, indirect model, tenant discovery) and Partner Center's error bodies, against the documented
 * examples ({@code src/test/resources/contract/...}).
 */
class InvitationContractTest extends ContractTestSupport {

  @Test
  void relationshipRequestLink() {
    ContractFixture fixture = serve("partner-center/request-reseller-relationship");

    assertThat(partnerCenter.getRelationshipRequest().url())
        .isEqualTo(fixture.response().body().path("url").asText())
        .contains("invType=ResellerRelationship");
    verifyDocumentedRequest(fixture);
  }

  @Test
  void indirectResellerRelationshipRequestLink() {
    ContractFixture fixture = serve("partner-center/get-relationship-request-link-indirect-reseller");

    assertThat(partnerCenter.getIndirectResellerRelationshipRequest("484e548c-f5f3-4528-93a9-c16c6373cb59").url())
        .isEqualTo(fixture.response().body().path("url").asText());
    verifyDocumentedRequest(fixture);
  }

  @Test
  void legalBusinessProfile() {
    ContractFixture fixture = serve("partner-center/get-legal-business-profile");

    LegalBusinessProfile profile = partnerCenter.getLegalBusinessProfile();
    assertThat(profile.companyName()).isEqualTo("Lucerne Publishing");
    assertThat(profile.address().country()).isEqualTo("US");
    verifyDocumentedRequest(fixture);
  }

  @Test
  void mpnProfile() {
    ContractFixture fixture = serve("partner-center/get-partner-network-profile");

    assertThat(partnerCenter.getMpnProfile().mpnId()).isEqualTo("4391507");
    verifyDocumentedRequest(fixture);
  }

  @Test
  void customerById() {
    ContractFixture fixture = serve("partner-center/get-a-customer-by-id");

    Customer customer = partnerCenter.getCustomer("eebd1b55-5360-4438-a11d-5c06918c3014").orElseThrow();
    assertThat(customer.id()).isEqualTo("eebd1b55-5360-4438-a11d-5c06918c3014");
    assertThat(customer.isReseller()).isTrue();
    assertThat(customer.allowDelegatedAccess()).isTrue();
    assertThat(customer.companyProfile().domain()).isEqualTo("abcdefgh1234.ccsctp.net");
    assertThat(customer.billingProfile().language()).isEqualTo("en");
    verifyDocumentedRequest(fixture);
  }

  @Test
  void indirectResellersOfTheProvider() {
    ContractFixture fixture = serve("partner-center/retrieve-a-list-of-indirect-resellers");

    List<PartnerRelationship> resellers =
        partnerCenter.getPartnerRelationships(PartnerRelationshipType.IsIndirectCloudSolutionProviderOf);
    assertThat(resellers).extracting(PartnerRelationship::id)
        .containsExactly("484e548c-f5f3-4528-93a9-c16c6373cb59", "b01b1487-b36e-4e6d-9b5e-0b58974c4b28");
    assertThat(resellers.get(0).mpnId()).isEqualTo("4847383");
    assertThat(resellers.get(0).state()).isEqualTo("Active");
    verifyDocumentedRequest(fixture);
  }

  @Test
  void indirectResellerMpaStatus() {
    ContractFixture fixture = serve("partner-center/verify-indirect-reseller-mpa-status");

    assertThat(partnerCenter.getIndirectResellerAgreementStatus("a2898e3a-06ca-454e-a0d0-c73b0ee36bba")
        .isAgreementSigned()).isTrue();
    verifyDocumentedRequest(fixture);
  }

  @Test
  void numericErrorCodeDescriptionAndEchoedCorrelationHeadersAreRead() {
    ContractFixture fixture = serve("partner-center/verify-indirect-reseller-mpa-status-not-signed");

    assertThatThrownBy(() -> partnerCenter.getIndirectResellerAgreementStatus("a2898e3a-06ca-454e-a0d0-c73b0ee36bba"))
        .isInstanceOfSatisfying(PartnerCenterException.class, e -> {
          assertThat(e.getHttpStatus()).isEqualTo(400);
          assertThat(e.getErrorCode()).isEqualTo("2203");
          assertThat(e.getMessage()).contains("has not signed Microsoft Partner Agreement",
              "MS-CorrelationId 9240230a-413f-4880-acbd-96d59a165474", "MS-RequestId 92caacb1-8c9e-49af-8f85-83f271c85056");
        });
    verifyDocumentedRequest(fixture);
  }

  @Test
  void tenantByDomainName() {
    ContractFixture fixture = serve("graph/tenantrelationship-findtenantinformationbydomainname");

    TenantInformation tenant = partnerCenter.findTenantInformationByDomainName("contoso.com").orElseThrow();
    assertThat(tenant.tenantId()).isEqualTo("6babcaad-604b-40ac-a9d7-9fd97c0b779f");
    assertThat(tenant.displayName()).isEqualTo("Contoso, Ltd");
    assertThat(tenant.defaultDomainName()).isEqualTo("CONTOSO18839.onmicrosoft.com");
    verifyDocumentedRequest(fixture);
  }

  @Test
  void tenantById() {
    ContractFixture fixture = serve("graph/tenantrelationship-findtenantinformationbytenantid");

    assertThat(partnerCenter.findTenantInformation("6babcaad-604b-40ac-a9d7-9fd97c0b779f"))
        .map(TenantInformation::displayName).contains("Contoso, Ltd");
    verifyDocumentedRequest(fixture);
  }

  @Test
  void unknownDomainIsEmpty() {
    assertThat(partnerCenter.findTenantInformationByDomainName("contoso.com")).isEmpty(); // WireMock answers 404
  }
}
