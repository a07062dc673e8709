package io.partnerchannel.orchestrator.indirect;

import io.partnerchannel.orchestrator.forms.VariableUpdates;
import io.partnerchannel.orchestrator.invitation.ValidateInvitationRequestListener;
import io.partnerchannel.orchestrator.invitation.InvitationRequest;
import io.partnerchannel.orchestrator.web.ValidationGate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code StartEvent_IndirectInvitationRequested}: checks the start variables as
 * {@code POST /api/indirect-invitations} does ({@link IndirectInvitationRequest#errors}), then applies the
 * start checks and defaults every invitation process shares ({@link ValidateInvitationRequestListener#prepareStart}:
 * one open invitation per domain, business key, cloud, reminder interval, expiry) and stores {@code route}
 * and {@code resellerTenantId}. It throws before anything is written, so a bad start starts nothing.
 */
@Component("validateIndirectInvitationRequest")
class ValidateIndirectInvitationRequestListener implements ExecutionListener {

  private final ValidationGate gate;
  private final ValidateInvitationRequestListener invitationStart;

  /**
   * @param gate the validation gate of starts
   * @param invitationStart the start checks shared by the invitation processes
   */
  public ValidateIndirectInvitationRequestListener(ValidationGate gate, ValidateInvitationRequestListener invitationStart) {
    this.gate = gate;
    this.invitationStart = invitationStart;
  }

  @Override
  public void notify(DelegateExecution execution) {
    IndirectInvitationRequest request = IndirectInvitationRequest.fromVariables(execution);
    invitationStart.prepareStart(execution, request.invitation(), request.errors(gate, InvitationRequest::variableOf));
    VariableUpdates.setChanged(execution, request.toVariables());
  }
}
