package io.partnerchannel.orchestrator.migration;

import io.partnerchannel.orchestrator.partnercenter.MultiPartnerGuardException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the port's {@link MultiPartnerGuardException} into the BPMN error {@code MultiPartnerGuard} every
 * migration process catches ({@code Error_MultiPartnerGuard}), recording the refusal as {@code reason}.
 */
final class MultiPartnerGuardErrors {

  private static final Logger log = LoggerFactory.getLogger(MultiPartnerGuardErrors.class);

  private MultiPartnerGuardErrors() {}

  /**
   * @param execution the execution whose call was refused
   * @param refusal the port's refusal
   * @return the BPMN error to throw
   */
  public static BpmnError refused(DelegateExecution execution, MultiPartnerGuardException refusal) {
    MigrationVariables.REASON.on(execution).set(refusal.getMessage());
    log.warn("Process {} at {}: multi-partner guard refused ({}): {}", execution.getProcessInstanceId(),
        execution.getCurrentActivityId(), refusal.getViolation(), refusal.getMessage());
    return new BpmnError(MultiPartnerGuardException.ERROR_CODE, refusal.getMessage(), refusal);
  }
}
