package io.partnerchannel.orchestrator.routing;

import io.partnerchannel.orchestrator.invitation.InvitationRequest;
import io.partnerchannel.orchestrator.web.FieldError;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Confirm customer contact" ({@code Form_ConfirmCustomerContact}, used where a
 * process must request the reseller relationship first): checks company, domain, country, language and
 * Global admin e-mail with the rules of an invitation request ({@link InvitationRequest}), so the
 * invitation the call activity then starts is valid; refuses the completion otherwise, naming the fields,
 * and stores the values normalised.
 */
@Component("confirmCustomerContactListener")
public class ConfirmCustomerContactListener implements TaskListener {

  private final Validator validator;

  /** @param validator Bean Validation */
  public ConfirmCustomerContactListener(Validator validator) {
    this.validator = validator;
  }

  @Override
  public void notify(DelegateTask task) {
    InvitationRequest request = InvitationRequest.fromVariables(task);
    List<FieldError> errors = validator.validate(request).stream()
        .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
        .map(violation -> {
          String field = violation.getPropertyPath().toString();
          return new FieldError(InvitationRequest.variableOf(field), violation.getMessage());
        })
        .toList();
    if (!errors.isEmpty()) {
      throw new InvalidProcessInputException("Invalid customer contact", errors);
    }
    task.getExecution().setVariables(request.toVariables());
  }
}
