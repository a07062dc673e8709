package io.partnerchannel.orchestrator.partnercenter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminAccessAssignment;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.AccessDetails;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.CustomerParticipant;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.UnifiedRole;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationshipRequest;
import io.partnerchannel.orchestrator.partnercenter.contract.ContractFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Microsoft Graph GDAP calls of the invitation process against the documented examples (G1–G4). */
class GraphGdapContractTest extends ContractTestSupport {

  static final String RELATIONSHIP = "5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836";
  static final String ASSIGNED_RELATIONSHIP = "72a7ae7e-4887-4e34-9755-2e1e9b26b943-63f017cb-9e0d-4f14-94bd-4871902b3409";

  static AccessDetails roles(String... ids) {
    return new AccessDetails(java.util.Arrays.stream(ids).map(UnifiedRole::new).toList());
  }

  @Test
  void createRelationship() {
    ContractFixture fixture = serve("graph/tenantrelationship-post-delegatedadminrelationships");

    DelegatedAdminRelationship created = partnerCenter.createDelegatedAdminRelationship(new DelegatedAdminRelationship(
        null, "Contoso admin relationship", "P730D",
        new CustomerParticipant("4b827261-d21f-4aa9-b7db-7fa1f56fb163", "Contoso subsidiary Inc"),
        roles("29232cdf-9323-42fd-ade2-1d097af3e4de", "3a2c62db-5318-420d-8d74-23affee5d9d5"),
        "P180D", null, null, null, null));

    assertThat(created.id()).isEqualTo(RELATIONSHIP);
    assertThat(created.status()).isEqualTo("created");
    assertThat(created.activatedDateTime()).as("documented as an empty string").isNull();
    assertThat(created.endDateTime()).isNotNull();
    verifyDocumentedRequest(fixture);
  }

  @Test
  void getRelationship() {
    ContractFixture fixture = serve("graph/delegatedadminrelationship-get");

    DelegatedAdminRelationship relationship = partnerCenter.getDelegatedAdminRelationship(RELATIONSHIP).orElseThrow();
    assertThat(relationship.status()).isEqualTo("active");
    assertThat(relationship.customer().tenantId()).isEqualTo("4fdbff88-9d6b-42e0-9713-45c922ba8001");
    assertThat(relationship.accessDetails().unifiedRoles()).hasSize(3);
    verifyDocumentedRequest(fixture);
  }

  @Test
  void findRelationshipByDisplayNameInACollectionThatHoldsResellerRelationshipsToo() {
    ContractFixture fixture = serve("graph/tenantrelationship-list-delegatedadminrelationships");

    assertThat(partnerCenter.findDelegatedAdminRelationship("Contoso admin relationship"))
        .map(DelegatedAdminRelationship::id).contains(RELATIONSHIP);
    verifyDocumentedRequest(fixture);
  }

  @Test
  void lockForApproval() {
    ContractFixture fixture = serve("graph/delegatedadminrelationship-post-requests");

    DelegatedAdminRelationshipRequest request = partnerCenter.requestDelegatedAdminRelationshipAction(
        RELATIONSHIP, DelegatedAdminRelationshipRequest.Action.lockForApproval);
    assertThat(request.id()).isEqualTo("5a6666c9-7282-0a41-67aa-25a5a3fbf339");
    assertThat(request.status()).isEqualTo("created");
    verifyDocumentedRequest(fixture);
  }

  @Test
  void createAccessAssignment() {
    ContractFixture fixture = serve("graph/delegatedadminrelationship-post-accessassignments");

    DelegatedAdminAccessAssignment created = partnerCenter.createAccessAssignment(ASSIGNED_RELATIONSHIP,
        new DelegatedAdminAccessAssignment(null,
            new DelegatedAdminAccessAssignment.AccessContainer("869713c9-0b28-4d08-8949-ae07ae1bf528", "securityGroup"),
            roles("29232cdf-9323-42fd-ade2-1d097af3e4de", "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
                "729827e3-9c14-49f7-bb1b-9608f156bbb8", "3a2c62db-5318-420d-8d74-23affee5d9d5"),
            null, null));
    assertThat(created.id()).isEqualTo("a9d6cf90-083a-47dc-ace2-1da98be3f344");
    assertThat(created.status()).isEqualTo("pending");
    verifyDocumentedRequest(fixture);
  }

  @Test
  void listAccessAssignments() {
    ContractFixture fixture = serve("graph/delegatedadminrelationship-list-accessassignments");

    List<DelegatedAdminAccessAssignment> assignments = partnerCenter.getAccessAssignments(ASSIGNED_RELATIONSHIP);
    assertThat(assignments).extracting(DelegatedAdminAccessAssignment::id)
        .containsExactly("84c586df-0943-416e-b95f-7289cb8d3bd5", "8d56bce3-440f-4b4f-b5c2-cc0bcbd0199c");
    assertThat(assignments.get(1).accessContainer().accessContainerId()).isEqualTo("869713c9-0b28-4d08-8949-ae07ae1bf528");
    verifyDocumentedRequest(fixture);
  }

  @Test
  void enableAutoExtendReadsTheEtagFirstAndSendsItAsIfMatch() {
    ContractFixture read = serve("graph/delegatedadminrelationship-get");
    ContractFixture fixture = serve("graph/delegatedadminrelationship-update");

    DelegatedAdminRelationship updated =
        partnerCenter.updateDelegatedAdminRelationshipAutoExtendDuration(RELATIONSHIP, "P180D");

    assertThat(updated.id()).isEqualTo(RELATIONSHIP);
    verifyDocumentedRequest(read);
    verifyDocumentedRequest(fixture);
    MICROSOFT.verify(com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor(
            com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(fixture.request().path()))
        .withHeader("If-Match", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
            fixture.request().headers().get("If-Match"))));
  }
}
