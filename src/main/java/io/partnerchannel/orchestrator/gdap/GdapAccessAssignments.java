package io.partnerchannel.orchestrator.gdap;

import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminAccessAssignment;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminAccessAssignment.AccessContainer;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.AccessDetails;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.UnifiedRole;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The access assignments of an approved GDAP relationship ({@code POST .../accessAssignments}, G4; R32): one per
 * security group the decision table {@link GdapAccessAssignmentTable} names, with the roles it sends to that group.
 * Idempotent, so the engine may retry: an assignment of the group that is not deleting, deleted or in error is
 * reused instead of created again.
 */
@Component
class GdapAccessAssignments {

  private static final String SECURITY_GROUP = "securityGroup";
  private static final Set<String> GONE = Set.of("deleting", "deleted", "error");
  private static final Logger log = LoggerFactory.getLogger(GdapAccessAssignments.class);

  private final PartnerCenter partnerCenter;
  private final GdapAccessAssignmentTable table;

  GdapAccessAssignments(PartnerCenter partnerCenter, GdapAccessAssignmentTable table) {
    this.partnerCenter = partnerCenter;
    this.table = table;
  }

  /**
   * @param relationshipId the active GDAP relationship
   * @param roleIds its Entra role definition ids
   * @return the assignments' ids, one per security group in the table's order, never empty
   * @throws IllegalStateException when the table names no group for a role ({@link GdapAccessAssignmentTable})
   */
  List<String> ensure(String relationshipId, List<String> roleIds) {
    Map<String, List<String>> rolesByGroup = table.rolesByGroup(roleIds);
    List<DelegatedAdminAccessAssignment> existing = partnerCenter.getAccessAssignments(relationshipId);
    List<String> ids = new ArrayList<>();
    rolesByGroup.forEach((group, roles) -> {
      Optional<DelegatedAdminAccessAssignment> found = existing.stream()
          .filter(assignment -> assignment.accessContainer() != null)
          .filter(assignment -> group.equalsIgnoreCase(assignment.accessContainer().accessContainerId()))
          .filter(assignment -> !GONE.contains(assignment.status()))
          .findFirst();
      DelegatedAdminAccessAssignment assignment = found.orElseGet(() -> partnerCenter.createAccessAssignment(
          relationshipId,
          new DelegatedAdminAccessAssignment(null, new AccessContainer(group, SECURITY_GROUP),
              new AccessDetails(roles.stream().map(UnifiedRole::new).toList()), null, null)));
      ids.add(assignment.id());
      log.debug("GDAP relationship {}: access assignment {} ({}) for security group {} with roles {}{}",
          relationshipId, assignment.id(), assignment.status(), group, roles,
          found.isPresent() ? " already existed" : "");
    });
    return ids;
  }
}
