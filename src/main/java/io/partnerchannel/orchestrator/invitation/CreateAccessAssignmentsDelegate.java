package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_ACCESS_ASSIGNMENT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_RELATIONSHIP_ID;

import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminAccessAssignment;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminAccessAssignment.AccessContainer;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.AccessDetails;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.UnifiedRole;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Create access assignments": grants the partner's security group ({@code pco.gdap.security-group-id})
 * the approved roles in the customer tenant ({@code POST .../accessAssignments}, G4) — without it the
 * partner's users have no access at all (R32). Idempotent: an existing, not deleted assignment for the
 * group is reused.
 */
@Component("createAccessAssignments")
public class CreateAccessAssignmentsDelegate implements JavaDelegate {

  private static final String SECURITY_GROUP = "securityGroup";
  private static final Set<String> GONE = Set.of("deleting", "deleted", "error");
  private static final Logger log = LoggerFactory.getLogger(CreateAccessAssignmentsDelegate.class);

  private final PartnerCenter partnerCenter;
  private final String securityGroupId;

  /**
   * @param partnerCenter the Partner Center port
   * @param securityGroupId {@code pco.gdap.security-group-id}: object id of the partner's security group
   */
  public CreateAccessAssignmentsDelegate(
      PartnerCenter partnerCenter, @Value("${pco.gdap.security-group-id:}") String securityGroupId) {
    this.partnerCenter = partnerCenter;
    this.securityGroupId = securityGroupId;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (securityGroupId == null || securityGroupId.isBlank()) {
      throw new IllegalStateException(
          "pco.gdap.security-group-id is not set: the GDAP access assignment needs the partner's security group");
    }
    String relationshipId = (String) execution.getVariable(GDAP_RELATIONSHIP_ID);
    Optional<DelegatedAdminAccessAssignment> existing =
        partnerCenter.getAccessAssignments(relationshipId).stream()
            .filter(assignment -> assignment.accessContainer() != null)
            .filter(assignment -> securityGroupId.equalsIgnoreCase(assignment.accessContainer().accessContainerId()))
            .filter(assignment -> !GONE.contains(assignment.status()))
            .findFirst();
    DelegatedAdminAccessAssignment assignment =
        existing.orElseGet(() -> partnerCenter.createAccessAssignment(relationshipId, newAssignment(execution)));
    execution.setVariable(GDAP_ACCESS_ASSIGNMENT_ID, assignment.id());
    log.debug(
        "Invitation {}: access assignment {} ({}) for security group {} on GDAP relationship {}{}",
        execution.getProcessInstanceId(),
        assignment.id(),
        assignment.status(),
        securityGroupId,
        relationshipId,
        existing.isPresent() ? " already existed" : "");
  }

  private DelegatedAdminAccessAssignment newAssignment(DelegateExecution execution) {
    List<UnifiedRole> roles = InvitationVariables.gdapRoles(execution).stream().map(UnifiedRole::new).toList();
    return new DelegatedAdminAccessAssignment(
        null, new AccessContainer(securityGroupId, SECURITY_GROUP), new AccessDetails(roles), null, null);
  }
}
