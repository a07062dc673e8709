package io.partnerchannel.orchestrator.removal;

import io.partnerchannel.orchestrator.routing.InvalidProcessInputException;
import io.partnerchannel.orchestrator.web.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code StartEvent_RemovalRequested}: checks the start variables with the rules of
 * {@code POST /api/relationship-removals} ({@link RelationshipRemovalRequest}), whoever starts (REST, Tasklist's start
 * form, engine REST), then stores them normalised with the tenant id as business key. It throws before anything is
 * written, so a bad start creates no instance (engine REST and Tasklist answer 400 naming the field).
 */
@Component("validateRemovalRequest")
class ValidateRemovalRequestListener implements ExecutionListener {

  private static final Logger log = LoggerFactory.getLogger(ValidateRemovalRequestListener.class);

  private final Validator validator;

  ValidateRemovalRequestListener(Validator validator) {
    this.validator = validator;
  }

  @Override
  public void notify(DelegateExecution execution) {
    RelationshipRemovalRequest request = new RelationshipRemovalRequest(
        RemovalVariables.CUSTOMER_TENANT_ID.from(execution).getOrNull(),
        RemovalVariables.REASON.from(execution).getOrNull());
    List<FieldError> errors = validator.validate(request).stream()
        .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
        .map(ValidateRemovalRequestListener::toError)
        .toList();
    if (!errors.isEmpty()) {
      throw new InvalidProcessInputException("Invalid relationship removal request", errors);
    }
    execution.setVariables(request.toVariables());
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(RemovalVariables.CUSTOMER_TENANT_ID.from(execution).getOrNull());
    }
    if (!execution.hasVariable(RemovalVariables.REQUESTER.getName())) {
      RemovalVariables.REQUESTER.on(execution).set(null);
    }
    log.info("Relationship removal {} requested for customer {} by {}", execution.getProcessInstanceId(),
        request.customerTenantId(), RemovalVariables.REQUESTER.from(execution).getOrNull());
  }

  private static FieldError toError(ConstraintViolation<RelationshipRemovalRequest> violation) {
    return new FieldError(violation.getPropertyPath().toString(), violation.getMessage());
  }
}
