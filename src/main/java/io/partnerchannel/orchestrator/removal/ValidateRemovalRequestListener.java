package io.partnerchannel.orchestrator.removal;

import io.partnerchannel.orchestrator.web.ValidationGate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code StartEvent_RemovalRequested}: checks the start variables at the gate of
 * {@code POST /api/relationship-removals} ({@link ValidationGate} on {@link RelationshipRemovalRequest}), whoever starts (REST, Tasklist's start
 * form, engine REST), then stores them normalised with the tenant id as business key. It throws before anything is
 * written, so a bad start creates no instance (engine REST and Tasklist answer 400 naming the field).
 */
@Component("validateRemovalRequest")
class ValidateRemovalRequestListener implements ExecutionListener {

  private static final Logger log = LoggerFactory.getLogger(ValidateRemovalRequestListener.class);

  private final ValidationGate gate;

  ValidateRemovalRequestListener(ValidationGate gate) {
    this.gate = gate;
  }

  @Override
  public void notify(DelegateExecution execution) {
    RelationshipRemovalRequest request = new RelationshipRemovalRequest(
        RemovalVariables.CUSTOMER_TENANT_ID.from(execution).getOrNull(),
        RemovalVariables.REASON.from(execution).getOrNull());
    gate.check("Invalid relationship removal request", request);
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
}
