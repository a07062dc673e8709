package io.partnerchannel.orchestrator.removal;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import io.partnerchannel.orchestrator.invitation.InvitationConstraints;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.web.FieldError;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Clear removal blockers" and "Decide on GDAP request": the decision must be one of the form's
 * values, else the completion is refused (400 naming the field) and the task stays open. Cancelling the removal sets
 * {@code removalStatus CANCELLED}; requesting GDAP needs {@code gdapRoles} (role definition ids) and {@code gdapDuration}
 * ({@code P1D}..{@code P730D}, R29), and records the deciding user as {@code requester} of the GDAP request.
 */
@Component("removalDecision")
class RemovalDecisionListener implements TaskListener {

  /** {@code blockersDecision}: check the prerequisites again. */
  static final String CHECK_AGAIN = "CHECK_AGAIN";
  /** {@code blockersDecision}: give the removal up. */
  static final String CANCEL_REMOVAL = "CANCEL_REMOVAL";
  /** {@code gdapDecision}: request a GDAP relationship. */
  static final String REQUEST_GDAP = "REQUEST_GDAP";
  /** {@code gdapDecision}: request none. */
  static final String NO_GDAP = "NO_GDAP";

  private final IdentityService identityService;

  RemovalDecisionListener(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    if (ResellerRelationshipRemovalProcess.TASK_CLEAR_REMOVAL_BLOCKERS.equals(task.getTaskDefinitionKey())) {
      String decision = require(task, RemovalVariables.BLOCKERS_DECISION, CHECK_AGAIN, CANCEL_REMOVAL);
      if (CANCEL_REMOVAL.equals(decision)) {
        RemovalVariables.REMOVAL_STATUS.on(task.getExecution()).set(RemovalVariables.RemovalStatus.CANCELLED.name());
      }
    } else if (REQUEST_GDAP.equals(require(task, RemovalVariables.GDAP_DECISION, REQUEST_GDAP, NO_GDAP))) {
      requireGdapRequest(task);
      Authentication user = identityService.getCurrentAuthentication();
      String requester = user != null && user.getUserId() != null ? user.getUserId() : task.getAssignee();
      RemovalVariables.REQUESTER.on(task.getExecution()).set(requester);
    }
  }

  /** The roles (≥ 1 role definition id) and duration (P1D..P730D, R29) the GDAP request needs. */
  private static void requireGdapRequest(DelegateTask task) {
    List<FieldError> errors = new java.util.ArrayList<>();
    List<String> roles;
    try {
      roles = InvitationVariables.GDAP_ROLES.from(task);
    } catch (IllegalArgumentException e) {
      roles = List.of("?");
    }
    if (roles.isEmpty() || !roles.stream().allMatch(role -> role.matches(InvitationConstraints.GUID_PATTERN))) {
      errors.add(new FieldError(InvitationVariables.GDAP_ROLES.getName(), "must list at least one role definition id"));
    }
    String duration = RemovalVariables.GDAP_DURATION.from(task).getOrNull();
    if (duration == null || !new InvitationConstraints.GdapDurationValidator().isValid(duration, null)) {
      errors.add(new FieldError(RemovalVariables.GDAP_DURATION.getName(), "must be P1D to P730D (R29)"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException("Invalid GDAP request", errors);
    }
  }

  private static String require(DelegateTask task, VariableFactory<String> variable, String... allowed) {
    String decision = variable.from(task).getOrNull();
    if (decision == null || !List.of(allowed).contains(decision)) {
      throw new InvalidFieldsException("Invalid decision",
          List.of(new FieldError(variable.getName(), "must be one of " + String.join(", ", allowed))));
    }
    return decision;
  }
}
