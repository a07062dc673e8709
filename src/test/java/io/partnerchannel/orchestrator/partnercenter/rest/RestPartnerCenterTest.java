package io.partnerchannel.orchestrator.partnercenter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.support.ProcessTest;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminAccessAssignment;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.AccessDetails;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.CustomerParticipant;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.UnifiedRole;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationshipRequest;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationshipType;
import io.partnerchannel.orchestrator.partnercenter.Subscription;
import io.partnerchannel.orchestrator.partnercenter.TenantInformation;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxGdap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The REST adapter of the {@link PartnerCenter} port against the built-in sandbox, over real HTTP. */
@ProcessTest
class RestPartnerCenterTest {

  static final String NORTHWIND = "a1b2c3d4-0000-4000-8000-000000000001";
  static final String ADATUM = "c0ffee00-0000-4000-8000-000000000001";
  static final String BELLOWS = "c0ffee00-0000-4000-8000-000000000002";
  static final String PROSEWARE = "c0ffee00-0000-4000-8000-000000000011";
  static final String EXCHANGE_ADMINISTRATOR = "29232cdf-9323-42fd-ade2-1d097af3e4de";
  static final String HELPDESK_ADMINISTRATOR = "729827e3-9c14-49f7-bb1b-9608f156bbb8";

  @Autowired PartnerCenter partnerCenter;
  @Autowired SandboxGdap gdap;
  @LocalServerPort int port;

  @Test
  void relationshipRequestLinkPointsAtTheSandboxAdminCenterOfThisApplication() {
    assertThat(partnerCenter.getRelationshipRequest().url())
        .isEqualTo("http://localhost:" + port + "/sandbox/admin-center/Adminportal/Home?invType=ResellerRelationship"
            + "&partnerId=" + NORTHWIND + "&msppId=0&DAP=false#/BillingAccounts/partner-invitation");
  }

  @Test
  void legalBusinessProfilePlacesTheOperatingPartnerInItaly() {
    var profile = partnerCenter.getLegalBusinessProfile();
    assertThat(profile.companyName()).isEqualTo("Northwind Cloud Solutions");
    assertThat(profile.address().country()).isEqualTo("IT");
  }

  @Test
  void getsOwnCustomerAndAnswersEmptyForSomeoneElsesTenant() {
    Customer proseware = partnerCenter.getCustomer(PROSEWARE).orElseThrow();
    assertThat(proseware.isReseller()).isTrue();
    assertThat(proseware.allowDelegatedAccess()).isFalse();
    assertThat(proseware.companyProfile().domain()).isEqualTo("proseware.onmicrosoft.com");
    assertThat(proseware.billingProfile().language()).isEqualTo("it");

    assertThat(partnerCenter.getCustomer(ADATUM)).isEmpty();
  }

  @Test
  void listsOnlyTheSubscriptionsTheOperatingPartnerProvides() {
    List<Subscription> subscriptions = partnerCenter.getSubscriptions(PROSEWARE);
    assertThat(subscriptions).singleElement().satisfies(subscription -> {
      assertThat(subscription.billingType()).isEqualTo("license");
      assertThat(subscription.offerName()).isEqualTo("Microsoft 365 Business Premium");
      assertThat(subscription.status()).isEqualTo("active");
      assertThat(subscription.commitmentEndDate()).isNotNull();
    });
    assertThat(partnerCenter.getSubscriptions(ADATUM)).isEmpty();
  }

  @Test
  void directBillPartnerHasNoIndirectPartnerRelationships() {
    assertThat(partnerCenter.getPartnerRelationships(PartnerRelationshipType.IsIndirectCloudSolutionProviderOf)).isEmpty();
    assertThat(partnerCenter.getPartnerRelationships(PartnerRelationshipType.IsIndirectResellerOf)).isEmpty();
  }

  @Test
  void readsAnIndirectResellersAgreementStatusAndCarriesPartnerCentersErrorCode() {
    assertThat(partnerCenter.getIndirectResellerAgreementStatus("a1b2c3d4-0000-4000-8000-000000000003").isAgreementSigned())
        .isTrue();
    assertThatThrownBy(() -> partnerCenter.getIndirectResellerAgreementStatus(NORTHWIND))
        .isInstanceOfSatisfying(PartnerCenterException.class, e -> {
          assertThat(e.getHttpStatus()).isEqualTo(400);
          assertThat(e.getErrorCode()).isEqualTo("2204");
          assertThat(e.getMessage()).contains("/sandbox/v1/compliance/csp/agreementstatus", "not associated with a CSP Indirect Reseller");
        });
  }

  @Test
  void findsAnyTenantByDomainThroughGraph() {
    assertThat(partnerCenter.findTenantInformationByDomainName("ADATUM.onmicrosoft.com"))
        .map(TenantInformation::tenantId).contains(ADATUM);
    assertThat(partnerCenter.findTenantInformationByDomainName("northwindcloud.onmicrosoft.com"))
        .map(TenantInformation::tenantId).contains(NORTHWIND);
    assertThat(partnerCenter.findTenantInformationByDomainName("nobody.onmicrosoft.com")).isEmpty();
  }

  @Test
  void directBillPartnerIsRefusedAnIndirectResellerLinkWithANumericCodeAndTheCorrelationHeaders() {
    assertThatThrownBy(() -> partnerCenter.getIndirectResellerRelationshipRequest("a1b2c3d4-0000-4000-8000-000000000003"))
        .isInstanceOfSatisfying(PartnerCenterException.class, e -> {
          assertThat(e.getHttpStatus()).isEqualTo(400);
          assertThat(e.getErrorCode()).isEqualTo("800002");
          assertThat(e.getMessage()).contains("MS-CorrelationId");
        });
  }

  @Test
  void createsLocksApprovesAndAssignsAGdapRelationship() {
    String displayName = "Bellows GDAP " + UUID.randomUUID().toString().substring(0, 8);
    DelegatedAdminRelationship created = partnerCenter.createDelegatedAdminRelationship(new DelegatedAdminRelationship(
        null, displayName, "P730D", new CustomerParticipant(BELLOWS, null),
        new AccessDetails(List.of(new UnifiedRole(EXCHANGE_ADMINISTRATOR), new UnifiedRole(HELPDESK_ADMINISTRATOR))),
        null, null, null, null, null));
    assertThat(created.id()).startsWith(BELLOWS + "-");
    assertThat(created.status()).isEqualTo(DelegatedAdminRelationship.STATUS_CREATED);
    assertThat(created.customer().displayName()).isEqualTo("Bellows College");
    assertThat(partnerCenter.findDelegatedAdminRelationship(displayName)).map(DelegatedAdminRelationship::id)
        .contains(created.id());
    assertThat(partnerCenter.findDelegatedAdminRelationship(displayName + " (other)")).isEmpty();

    // access assignments need an approved relationship (R32)
    DelegatedAdminAccessAssignment assignment = new DelegatedAdminAccessAssignment(null,
        new DelegatedAdminAccessAssignment.AccessContainer(UUID.randomUUID().toString(), "securityGroup"),
        new AccessDetails(List.of(new UnifiedRole(HELPDESK_ADMINISTRATOR))), null, null);
    assertThatThrownBy(() -> partnerCenter.createAccessAssignment(created.id(), assignment))
        .isInstanceOfSatisfying(PartnerCenterException.class, e -> {
          assertThat(e.getHttpStatus()).isEqualTo(400);
          assertThat(e.getErrorCode()).isEqualTo("BadRequest");
        });

    DelegatedAdminRelationshipRequest lock = partnerCenter.requestDelegatedAdminRelationshipAction(
        created.id(), DelegatedAdminRelationshipRequest.Action.lockForApproval);
    assertThat(lock.action()).isEqualTo(DelegatedAdminRelationshipRequest.Action.lockForApproval);
    assertThat(partnerCenter.getDelegatedAdminRelationship(created.id())).map(DelegatedAdminRelationship::status)
        .contains(DelegatedAdminRelationship.STATUS_APPROVAL_PENDING);

    gdap.approve(created.id(), "admin@bellowscollege.onmicrosoft.com");
    DelegatedAdminRelationship active = partnerCenter.getDelegatedAdminRelationship(created.id()).orElseThrow();
    assertThat(active.status()).isEqualTo(DelegatedAdminRelationship.STATUS_ACTIVE);
    assertThat(active.endDateTime()).isEqualTo(active.activatedDateTime().plusDays(730));

    DelegatedAdminAccessAssignment pending = partnerCenter.createAccessAssignment(created.id(), assignment);
    assertThat(pending.status()).isEqualTo("pending");
    assertThat(partnerCenter.getAccessAssignments(created.id())).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo("active");
      assertThat(a.accessContainer().accessContainerId()).isEqualTo(assignment.accessContainer().accessContainerId());
    });
  }

  @Test
  void unknownGdapRelationshipIsEmptyAndRuleViolationsCarryGraphErrorCode() {
    assertThat(partnerCenter.getDelegatedAdminRelationship("no-such-relationship")).isEmpty();

    DelegatedAdminRelationship tooLong = new DelegatedAdminRelationship(null, "Bellows GDAP", "P3Y",
        new CustomerParticipant(BELLOWS, null), new AccessDetails(List.of(new UnifiedRole(EXCHANGE_ADMINISTRATOR))),
        null, null, null, null, null);
    assertThatThrownBy(() -> partnerCenter.createDelegatedAdminRelationship(tooLong))
        .isInstanceOfSatisfying(PartnerCenterException.class, e -> {
          assertThat(e.getHttpStatus()).isEqualTo(400);
          assertThat(e.getErrorCode()).isEqualTo("BadRequest");
          assertThat(e.getMessage()).contains("P1D and P2Y");
        });
  }
}
