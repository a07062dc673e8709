package io.partnerchannel.orchestrator.gdap;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_ACCESS_ASSIGNMENT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_RELATIONSHIP_ID;

import io.partnerchannel.orchestrator.invitation.InvitationVariables;
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
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Create access assignments" (invitation and {@code GdapRelationshipRequest}): grants the partner's security
 * groups the approved roles in the customer tenant ({@code POST .../accessAssignments}, G4) — without it the
 * partner's users have no access at all (R32). Which group receives which role is the analysts' decision table
 * {@code GdapAccessAssignment} ({@link GdapAccessAssignmentTable}): one assignment per security group, with the
 * roles the table sends to it. Idempotent: an existing, not deleted assignment for a group is reused. Then the
 * relationship's {@code GdapRelationshipLifecycle} is started ({@link GdapLifecycles#watch}), with the requester
 * as owner and the customer's Global admin for a later re-request.
 */
@Component("createAccessAssignments")
class CreateAccessAssignmentsDelegate implements JavaDelegate {

  private static final String SECURITY_GROUP = "securityGroup";
  private static final Set<String> GONE = Set.of("deleting", "deleted", "error");
  private static final Logger log = LoggerFactory.getLogger(CreateAccessAssignmentsDelegate.class);

  private final PartnerCenter partnerCenter;
  private final GdapAccessAssignmentTable table;
  private final GdapLifecycles lifecycles;

  /**
   * @param partnerCenter the Partner Center port
   * @param table the role to security group decision table
   * @param lifecycles starts the relationship's lifecycle
   */
  CreateAccessAssignmentsDelegate(PartnerCenter partnerCenter, GdapAccessAssignmentTable table, GdapLifecycles lifecycles) {
    this.partnerCenter = partnerCenter;
    this.table = table;
    this.lifecycles = lifecycles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String relationshipId = GDAP_RELATIONSHIP_ID.from(execution).getOrNull();
    Map<String, List<String>> rolesByGroup = table.rolesByGroup(InvitationVariables.GDAP_ROLES.from(execution));
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
    GDAP_ACCESS_ASSIGNMENT_ID.on(execution).set(ids.get(0));
    GdapVariables.ACCESS_ASSIGNMENT_IDS.set(execution, ids);
    lifecycles.watch(relationshipId, GdapVariables.CUSTOMER_TENANT_ID.from(execution).getOrNull(),
        new GdapLifecycles.Contacts(
            GdapVariables.OWNER.from(execution).getOrNull(),
            GdapVariables.GLOBAL_ADMIN_EMAIL.from(execution).getOrNull(),
            GdapVariables.CUSTOMER_LANGUAGE.from(execution).getOrNull()));
  }
}
