package io.partnerchannel.orchestrator.migration;

import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Remind agent of cancellation", each {@code pco.migration.old-channel-reminder} while "Confirm cancellation in old
 * channel" waits for the customer: brings the open task up in Tasklist — its follow-up date becomes now (Tasklist's
 * follow-up filter) and its priority rises by 10 up to 100 — and counts the reminders in
 * {@code cancellationReminders} on the process.
 */
@Component("remindOldChannelCancellation")
class RemindOldChannelCancellationDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(RemindOldChannelCancellationDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    Task task = tasks.createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(AzureCancelAndRecreateMigrationProcess.TASK_CONFIRM_OLD_CHANNEL_CANCELLATION)
        .singleResult();
    int reminders = MigrationVariables.CANCELLATION_REMINDERS.from(execution).getOrDefault(0) + 1;
    MigrationVariables.CANCELLATION_REMINDERS.on(execution).set(reminders);
    if (task == null) {
      return;
    }
    task.setFollowUpDate(new Date(ClockUtil.getCurrentTime().getTime()));
    task.setPriority(Math.min(100, task.getPriority() + 10));
    tasks.saveTask(task);
    log.info("Migration {}: reminder {} for the old-channel cancellation task {}", execution.getProcessInstanceId(),
        reminders, task.getId());
  }
}
