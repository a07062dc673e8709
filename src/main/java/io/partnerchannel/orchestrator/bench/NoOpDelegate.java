package io.partnerchannel.orchestrator.bench;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code ${benchNoOp}}: the delegate and listener of every step of the baseline process. It does nothing,
 * so the baseline measures what the engine, the database and the BPMN shape cost on their own.
 */
@Component(BenchProfile.NO_OP_BEAN)
@Profile(BenchProfile.NAME)
class NoOpDelegate implements JavaDelegate, ExecutionListener, TaskListener {

  @Override
  public void execute(DelegateExecution execution) {
    // the baseline's service tasks do no work
  }

  @Override
  public void notify(DelegateExecution execution) {
    // the baseline's execution listeners do no work
  }

  @Override
  public void notify(DelegateTask task) {
    // the baseline's task listeners do no work
  }
}
