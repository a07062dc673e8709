package io.partnerchannel.orchestrator.indirect;

import io.partnerchannel.orchestrator.invitation.ValidateInvitationRequestListener;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code StartEvent_IndirectInvitationRequested}: checks the start variables as
 * {@code POST /api/indirect-invitations} does ({@link IndirectInvitationRequest#problems}), then applies the
 * start checks and defaults every invitation process shares ({@link ValidateInvitationRequestListener#prepareStart}:
 * one open invitation per domain, business key, cloud, reminder interval, expiry) and stores {@code route}
 * and {@code resellerTenantId}. It throws before anything is written, so a bad start starts nothing.
 */
@Component("validateIndirectInvitationRequest")
public class ValidateIndirectInvitationRequestListener implements ExecutionListener {

  private final Validator validator;
  private final ValidateInvitationRequestListener invitationStart;

  /**
   * @param validator Bean Validation
   * @param invitationStart the start checks shared by the invitation processes
   */
  public ValidateIndirectInvitationRequestListener(Validator validator, ValidateInvitationRequestListener invitationStart) {
    this.validator = validator;
    this.invitationStart = invitationStart;
  }

  @Override
  public void notify(DelegateExecution execution) {
    IndirectInvitationRequest request = IndirectInvitationRequest.fromVariables(execution);
    invitationStart.prepareStart(execution, request.invitation(), request.problems(validator));
    execution.setVariables(request.toVariables());
  }
}
