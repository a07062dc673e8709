package io.partnerchannel.orchestrator.gdap;

import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminAccessAssignment;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Check access assignments" ({@code GET .../delegatedAdminRelationships/{id}/accessAssignments}, G4): the partner's
 * users reach the customer only through active access assignments (R32). Sets
 * {@link GdapVariables#ACCESS_ASSIGNMENTS_CHECKED} when every assignment not being deleted is {@code active}, and
 * otherwise lists in {@link GdapVariables#ACCESS_ASSIGNMENT_PROBLEMS} each one still {@code pending} or in
 * {@code error} (or that there is none). Read-only.
 */
@Component("checkAccessAssignments")
class CheckAccessAssignmentsDelegate implements JavaDelegate {

  private static final Set<String> REMOVED = Set.of("deleting", "deleted");
  private static final Logger log = LoggerFactory.getLogger(CheckAccessAssignmentsDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  CheckAccessAssignmentsDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String relationshipId = GdapVariables.RELATIONSHIP_ID.from(execution).getOrNull();
    List<DelegatedAdminAccessAssignment> current = partnerCenter.getAccessAssignments(relationshipId).stream()
        .filter(assignment -> !REMOVED.contains(assignment.status()))
        .toList();
    String problems = current.isEmpty()
        ? "No access assignment: the partner's users have no access to the customer (R32)."
        : current.stream()
            .filter(assignment -> !"active".equals(assignment.status()))
            .map(assignment -> "Security group "
                + (assignment.accessContainer() == null ? "?" : assignment.accessContainer().accessContainerId())
                + ": access assignment " + assignment.id() + " is " + assignment.status() + ".")
            .collect(Collectors.joining("\n"));
    GdapVariables.ACCESS_ASSIGNMENTS_CHECKED.on(execution).set(problems.isEmpty());
    GdapVariables.ACCESS_ASSIGNMENT_PROBLEMS.on(execution).set(problems);
    log.info("GDAP lifecycle {}: access assignments of {}: {}", execution.getProcessInstanceId(), relationshipId,
        problems.isEmpty() ? "all active" : problems);
  }
}
