package io.partnerchannel.orchestrator.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.UnifiedRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GDAP relationship an invitation asks for (G2, R29). */
class GdapRelationshipRequestTest {

  static final String GLOBAL_READER = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";

  @Test
  void asksForTheRolesAndDurationForTheCustomerWithoutAutoExtension() {
    GdapRelationshipRequest request = new GdapRelationshipRequest("invitation-1", "adatum.onmicrosoft.com",
        "c0ffee00-0000-4000-8000-000000000001", "Adatum Corporation", List.of(GLOBAL_READER), "P365D");

    DelegatedAdminRelationship relationship = request.toRelationship();

    assertThat(relationship.id()).isNull();
    assertThat(relationship.displayName()).isEqualTo(request.displayName())
        .isEqualTo(GdapRelationshipRequest.displayName("adatum.onmicrosoft.com", "invitation-1"));
    assertThat(relationship.duration()).isEqualTo("P365D");
    assertThat(relationship.customer().tenantId()).isEqualTo("c0ffee00-0000-4000-8000-000000000001");
    assertThat(relationship.customer().displayName()).isEqualTo("Adatum Corporation");
    assertThat(relationship.accessDetails().unifiedRoles()).extracting(UnifiedRole::roleDefinitionId)
        .containsExactly(GLOBAL_READER);
    assertThat(relationship.autoExtendDuration()).isEqualTo("PT0S");
  }
}
