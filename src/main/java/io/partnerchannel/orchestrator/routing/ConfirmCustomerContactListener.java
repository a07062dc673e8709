package io.partnerchannel.orchestrator.routing;

import io.partnerchannel.orchestrator.forms.VariableUpdates;
import io.partnerchannel.orchestrator.invitation.InvitationRequest;
import io.partnerchannel.orchestrator.web.ValidationGate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Confirm customer contact" ({@code Form_ConfirmCustomerContact}, used where a
 * process must request the reseller relationship first): checks company, domain, country, language and
 * Global admin e-mail at the gate of an invitation request ({@link InvitationRequest}), so the
 * invitation the call activity then starts is valid; refuses the completion otherwise, naming the fields
 * ({@link io.partnerchannel.orchestrator.web.InvalidFieldsException}), and stores the values normalised.
 */
@Component("confirmCustomerContactListener")
class ConfirmCustomerContactListener implements TaskListener {

  private final ValidationGate gate;

  /** @param gate the validation gate of starts */
  public ConfirmCustomerContactListener(ValidationGate gate) {
    this.gate = gate;
  }

  @Override
  public void notify(DelegateTask task) {
    InvitationRequest request = InvitationRequest.fromVariables(task);
    gate.check("Invalid customer contact", request, InvitationRequest::variableOf);
    VariableUpdates.setChanged(task.getExecution(), request.toVariables());
  }
}
