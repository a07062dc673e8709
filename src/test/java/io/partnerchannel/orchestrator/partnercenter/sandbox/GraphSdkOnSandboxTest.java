package io.partnerchannel.orchestrator.partnercenter.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.models.DelegatedAdminAccessAssignment;
import io.partnerchannel.orchestrator.support.ProcessTest;
import com.microsoft.graph.models.DelegatedAdminAccessAssignmentStatus;
import com.microsoft.graph.models.DelegatedAdminAccessContainer;
import com.microsoft.graph.models.DelegatedAdminAccessContainerType;
import com.microsoft.graph.models.DelegatedAdminAccessDetails;
import com.microsoft.graph.models.DelegatedAdminRelationship;
import com.microsoft.graph.models.DelegatedAdminRelationshipCustomerParticipant;
import com.microsoft.graph.models.DelegatedAdminRelationshipRequest;
import com.microsoft.graph.models.DelegatedAdminRelationshipRequestAction;
import com.microsoft.graph.models.DelegatedAdminRelationshipRequestStatus;
import com.microsoft.graph.models.DelegatedAdminRelationshipStatus;
import com.microsoft.graph.models.UnifiedRole;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.PeriodAndDuration;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The official Microsoft Graph SDK for Java ({@code com.microsoft.graph:microsoft-graph} 6.x) creates, reads,
 * locks for approval and lists GDAP relationships and creates and lists access assignments on the sandbox with
 * its typed models, and reads the sandbox's Graph error bodies as {@link ODataError}. The bearer token is the
 * operating partner's tenant id, as the sandbox expects.
 */
@ProcessTest
class GraphSdkOnSandboxTest {

  static final String NORTHWIND = "a1b2c3d4-0000-4000-8000-000000000001";
  static final String BELLOWS = "c0ffee00-0000-4000-8000-000000000002";
  static final String EXCHANGE_ADMINISTRATOR = "29232cdf-9323-42fd-ade2-1d097af3e4de";
  static final String HELPDESK_ADMINISTRATOR = "729827e3-9c14-49f7-bb1b-9608f156bbb8";

  @LocalServerPort int port;
  @Autowired SandboxGdap gdap;
  GraphServiceClient graph;

  @BeforeEach
  void client() {
    AccessTokenProvider partnerTenant = new AccessTokenProvider() {
      @Override
      public String getAuthorizationToken(URI uri, Map<String, Object> additionalAuthenticationContext) {
        return NORTHWIND;
      }

      @Override
      public AllowedHostsValidator getAllowedHostsValidator() {
        return new AllowedHostsValidator("localhost");
      }
    };
    graph = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(partnerTenant));
    graph.getRequestAdapter().setBaseUrl("http://localhost:" + port + "/sandbox/graph/v1.0");
  }

  static UnifiedRole role(String id) {
    UnifiedRole role = new UnifiedRole();
    role.setRoleDefinitionId(id);
    return role;
  }

  @Test
  void createsReadsLocksAndListsARelationshipAndItsAccessAssignments() throws Exception {
    DelegatedAdminRelationship request = new DelegatedAdminRelationship();
    request.setDisplayName("SDK " + UUID.randomUUID().toString().substring(0, 8));
    request.setDuration(PeriodAndDuration.parse("P730D"));
    DelegatedAdminRelationshipCustomerParticipant customer = new DelegatedAdminRelationshipCustomerParticipant();
    customer.setTenantId(BELLOWS);
    customer.setDisplayName("Bellows College");
    request.setCustomer(customer);
    DelegatedAdminAccessDetails roles = new DelegatedAdminAccessDetails();
    roles.setUnifiedRoles(List.of(role(EXCHANGE_ADMINISTRATOR), role(HELPDESK_ADMINISTRATOR)));
    request.setAccessDetails(roles);
    request.setAutoExtendDuration(PeriodAndDuration.parse("P180D"));

    DelegatedAdminRelationship created = graph.tenantRelationships().delegatedAdminRelationships().post(request);
    assertThat(created.getId()).isNotBlank();
    assertThat(created.getStatus()).isEqualTo(DelegatedAdminRelationshipStatus.Created);
    assertThat(created.getDuration().getPeriod().getDays()).isEqualTo(730);
    assertThat(created.getCustomer().getTenantId()).isEqualTo(BELLOWS);
    assertThat(created.getCreatedDateTime()).isNotNull();

    DelegatedAdminRelationship read =
        graph.tenantRelationships().delegatedAdminRelationships().byDelegatedAdminRelationshipId(created.getId()).get();
    assertThat(read.getDisplayName()).isEqualTo(request.getDisplayName());
    assertThat(read.getAccessDetails().getUnifiedRoles()).extracting(UnifiedRole::getRoleDefinitionId)
        .containsExactlyInAnyOrder(EXCHANGE_ADMINISTRATOR, HELPDESK_ADMINISTRATOR);

    DelegatedAdminRelationshipRequest lock = new DelegatedAdminRelationshipRequest();
    lock.setAction(DelegatedAdminRelationshipRequestAction.LockForApproval);
    DelegatedAdminRelationshipRequest locked = graph.tenantRelationships().delegatedAdminRelationships()
        .byDelegatedAdminRelationshipId(created.getId()).requests().post(lock);
    assertThat(locked.getAction()).isEqualTo(DelegatedAdminRelationshipRequestAction.LockForApproval);
    assertThat(locked.getStatus()).isIn(DelegatedAdminRelationshipRequestStatus.Created,
        DelegatedAdminRelationshipRequestStatus.Succeeded);

    List<DelegatedAdminRelationship> listed = graph.tenantRelationships().delegatedAdminRelationships()
        .get(config -> config.queryParameters.filter = "displayName eq '" + request.getDisplayName() + "'").getValue();
    assertThat(listed).singleElement().satisfies(relationship -> {
      assertThat(relationship.getId()).isEqualTo(created.getId());
      assertThat(relationship.getStatus()).isEqualTo(DelegatedAdminRelationshipStatus.ApprovalPending);
    });

    gdap.approve(created.getId(), "admin@bellowscollege.onmicrosoft.com");
    DelegatedAdminAccessAssignment assignment = new DelegatedAdminAccessAssignment();
    DelegatedAdminAccessContainer group = new DelegatedAdminAccessContainer();
    group.setAccessContainerId(UUID.randomUUID().toString());
    group.setAccessContainerType(DelegatedAdminAccessContainerType.SecurityGroup);
    assignment.setAccessContainer(group);
    DelegatedAdminAccessDetails assigned = new DelegatedAdminAccessDetails();
    assigned.setUnifiedRoles(List.of(role(HELPDESK_ADMINISTRATOR)));
    assignment.setAccessDetails(assigned);
    DelegatedAdminAccessAssignment createdAssignment = graph.tenantRelationships().delegatedAdminRelationships()
        .byDelegatedAdminRelationshipId(created.getId()).accessAssignments().post(assignment);
    assertThat(createdAssignment.getId()).isNotBlank();
    assertThat(createdAssignment.getStatus()).isIn(DelegatedAdminAccessAssignmentStatus.Pending,
        DelegatedAdminAccessAssignmentStatus.Active);

    List<DelegatedAdminAccessAssignment> assignments = graph.tenantRelationships().delegatedAdminRelationships()
        .byDelegatedAdminRelationshipId(created.getId()).accessAssignments().get().getValue();
    assertThat(assignments).singleElement().satisfies(found -> {
      assertThat(found.getId()).isEqualTo(createdAssignment.getId());
      assertThat(found.getAccessContainer().getAccessContainerId()).isEqualTo(group.getAccessContainerId());
    });
  }

  @Test
  void readsTheSandboxErrorsAsGraphODataErrors() {
    assertThatThrownBy(() -> graph.tenantRelationships().delegatedAdminRelationships()
            .byDelegatedAdminRelationshipId(UUID.randomUUID() + "-" + UUID.randomUUID()).get())
        .isInstanceOfSatisfying(ODataError.class, error -> {
          assertThat(error.getResponseStatusCode()).isEqualTo(404);
          assertThat(error.getError().getCode()).isEqualTo(GraphApiException.NOT_FOUND);
        });
    DelegatedAdminRelationship invalid = new DelegatedAdminRelationship();
    invalid.setDisplayName("SDK without duration");
    assertThatThrownBy(() -> graph.tenantRelationships().delegatedAdminRelationships().post(invalid))
        .isInstanceOfSatisfying(ODataError.class, error -> {
          assertThat(error.getResponseStatusCode()).isEqualTo(400);
          assertThat(error.getError().getCode()).isEqualTo(GraphApiException.BAD_REQUEST);
          assertThat(error.getError().getMessage()).isNotBlank();
        });
  }
}
