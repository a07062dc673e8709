package io.partnerchannel.orchestrator.gdap;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_ACCESS_ASSIGNMENT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_RELATIONSHIP_ID;

import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Create access assignments" (invitation and {@code GdapRelationshipRequest}): grants the partner's security
 * groups the approved roles in the customer tenant ({@code POST .../accessAssignments}, G4) — without it the
 * partner's users have no access at all (R32). Which group receives which role is the analysts' decision table
 * {@code GdapAccessAssignment} ({@link GdapAccessAssignmentTable}): one assignment per security group, with the
 * roles the table sends to it ({@link GdapAccessAssignments}, idempotent). Then the
 * relationship's {@code GdapRelationshipLifecycle} is started ({@link GdapLifecycles#watch}), with the requester
 * as owner and the customer's Global admin for a later re-request.
 */
@Component("createAccessAssignments")
class CreateAccessAssignmentsDelegate implements JavaDelegate {

  private final GdapAccessAssignments assignments;
  private final GdapLifecycles lifecycles;

  /**
   * @param assignments finds or creates the assignments
   * @param lifecycles starts the relationship's lifecycle
   */
  CreateAccessAssignmentsDelegate(GdapAccessAssignments assignments, GdapLifecycles lifecycles) {
    this.assignments = assignments;
    this.lifecycles = lifecycles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String relationshipId = GDAP_RELATIONSHIP_ID.from(execution).get();
    List<String> ids = assignments.ensure(relationshipId, InvitationVariables.GDAP_ROLES.from(execution));
    GDAP_ACCESS_ASSIGNMENT_ID.on(execution).set(ids.get(0));
    GdapVariables.ACCESS_ASSIGNMENT_IDS.set(execution, ids);
    lifecycles.watch(relationshipId, GdapVariables.CUSTOMER_TENANT_ID.from(execution).getOrNull(),
        new GdapLifecycles.Contacts(
            GdapVariables.OWNER.from(execution).getOrNull(),
            GdapVariables.GLOBAL_ADMIN_EMAIL.from(execution).getOrNull(),
            GdapVariables.CUSTOMER_LANGUAGE.from(execution).getOrNull()));
  }
}
