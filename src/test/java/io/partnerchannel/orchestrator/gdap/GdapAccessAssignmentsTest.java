package io.partnerchannel.orchestrator.gdap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminAccessAssignment;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminAccessAssignment.AccessContainer;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.AccessDetails;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.UnifiedRole;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** {@link GdapAccessAssignments}: one assignment per security group of the table, existing live ones reused. */
class GdapAccessAssignmentsTest {

  private static final String RELATIONSHIP = "rel-1";
  private static final String HELPDESK = "group-helpdesk";
  private static final String ADMINS = "group-admins";
  private static final String READER = "88d8e3e3-8f55-4a1e-953a-9b9898b8876b";
  private static final String USER_ADMIN = "fe930be7-5e62-47db-91af-98c3a49a38b1";

  private final PartnerCenter partnerCenter = mock(PartnerCenter.class);
  private final GdapAccessAssignmentTable table = mock(GdapAccessAssignmentTable.class);
  private final GdapAccessAssignments assignments = new GdapAccessAssignments(partnerCenter, table);

  @Test
  void eachGroupOfTheTableGetsOneAssignmentWithItsRoles() {
    Map<String, List<String>> rolesByGroup = new LinkedHashMap<>();
    rolesByGroup.put(HELPDESK, List.of(READER));
    rolesByGroup.put(ADMINS, List.of(USER_ADMIN));
    when(table.rolesByGroup(List.of(READER, USER_ADMIN))).thenReturn(rolesByGroup);
    when(partnerCenter.getAccessAssignments(RELATIONSHIP)).thenReturn(List.of());
    ArgumentCaptor<DelegatedAdminAccessAssignment> created = ArgumentCaptor.forClass(DelegatedAdminAccessAssignment.class);
    when(partnerCenter.createAccessAssignment(eq(RELATIONSHIP), created.capture()))
        .thenReturn(assignment("a-1", HELPDESK, "pending"), assignment("a-2", ADMINS, "pending"));

    assertThat(assignments.ensure(RELATIONSHIP, List.of(READER, USER_ADMIN))).containsExactly("a-1", "a-2");
    assertThat(created.getAllValues()).extracting(assignment -> assignment.accessContainer().accessContainerId())
        .containsExactly(HELPDESK, ADMINS);
    assertThat(created.getAllValues().get(1).accessDetails().unifiedRoles()).containsExactly(new UnifiedRole(USER_ADMIN));
  }

  @Test
  void aLiveAssignmentOfTheGroupIsReusedAndADeletedOneIsReplaced() {
    when(table.rolesByGroup(List.of(READER))).thenReturn(Map.of(HELPDESK, List.of(READER)));
    when(partnerCenter.getAccessAssignments(RELATIONSHIP)).thenReturn(List.of(assignment("old", HELPDESK.toUpperCase(), "active")));

    assertThat(assignments.ensure(RELATIONSHIP, List.of(READER))).containsExactly("old");
    verify(partnerCenter, never()).createAccessAssignment(any(), any());

    when(partnerCenter.getAccessAssignments(RELATIONSHIP)).thenReturn(List.of(assignment("old", HELPDESK, "deleted")));
    when(partnerCenter.createAccessAssignment(eq(RELATIONSHIP), any())).thenReturn(assignment("new", HELPDESK, "pending"));

    assertThat(assignments.ensure(RELATIONSHIP, List.of(READER))).containsExactly("new");
  }

  private static DelegatedAdminAccessAssignment assignment(String id, String group, String status) {
    return new DelegatedAdminAccessAssignment(id, new AccessContainer(group, "securityGroup"),
        new AccessDetails(List.of(new UnifiedRole(READER))), status, null);
  }
}
