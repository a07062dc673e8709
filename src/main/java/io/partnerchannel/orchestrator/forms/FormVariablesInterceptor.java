package io.partnerchannel.orchestrator.forms;

import io.partnerchannel.orchestrator.web.FieldError;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.util.ReflectionUtils;

/**
 * Enforces Camunda Forms on the server, for every way a task is completed: {@code TaskService.complete}
 * and {@code resolveTask} ({@link CompleteTaskCmd}) and {@code FormService.submitTaskForm}
 * ({@link SubmitTaskFormCmd}) — which is what Tasklist, {@code /camunda/api/engine/.../task/{id}/submit-form}
 * and {@code /complete}, and {@code /engine-rest/task/{id}/submit-form} and {@code /complete} all call.
 * Before the command runs, each variable it would set is checked against the task's form
 * ({@code camunda:formRef}, resolved with its binding in the process definition's deployment; its
 * {@link FormFields} read from the form JSON at deployment by {@link DeployedFormFields}): an editable field may take any
 * value (the task listeners validate it), a read-only field only its current value (then it is left out,
 * so its stored value and type stay as they are), anything else is refused with {@link FormVariableRefusedException} naming the variables, before anything is written. A
 * user task without a Camunda Form sets no variables. Tasks outside a process (standalone tasks) are not
 * checked.
 *
 * <p>The caller's right to work the task is checked first (as the command itself does), so a stranger
 * learns nothing about the form. Runs after the command context is opened
 * ({@code customPostCommandInterceptorsTxRequired}), in the command's transaction.
 */
class FormVariablesInterceptor extends CommandInterceptor {

  private static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class, "taskId");
  private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
  private static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class, "taskId");
  private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties");

  private final DeployedFormFields forms;

  /** @param forms the fields of the deployed forms */
  public FormVariablesInterceptor(DeployedFormFields forms) {
    this.forms = forms;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof CompleteTaskCmd) {
      Map<String, Object> variables = variables(ReflectionUtils.getField(COMPLETE_VARIABLES, command));
      Set<String> unchanged = check((String) ReflectionUtils.getField(COMPLETE_TASK_ID, command), variables);
      if (!unchanged.isEmpty()) {
        ReflectionUtils.setField(COMPLETE_VARIABLES, command, without(variables, unchanged));
      }
    } else if (command instanceof SubmitTaskFormCmd) {
      Map<String, Object> variables = variables(ReflectionUtils.getField(SUBMIT_VARIABLES, command));
      Set<String> unchanged = check((String) ReflectionUtils.getField(SUBMIT_TASK_ID, command), variables);
      if (!unchanged.isEmpty()) {
        ReflectionUtils.setField(SUBMIT_VARIABLES, command, without(variables, unchanged));
      }
    }
    return next.execute(command);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> variables(Object field) {
    return (Map<String, Object>) field;
  }

  /** The variables but the read-only ones sent unchanged, which are therefore not written again. */
  private static VariableMap without(Map<String, Object> variables, Set<String> unchanged) {
    VariableMap kept = Variables.createVariables();
    if (variables instanceof VariableMap typed) {
      typed.keySet().stream().filter(name -> !unchanged.contains(name))
          .forEach(name -> kept.putValueTyped(name, typed.getValueTyped(name)));
    } else {
      variables.forEach((name, value) -> {
        if (!unchanged.contains(name)) {
          kept.put(name, value);
        }
      });
    }
    return kept;
  }

  /**
   * @return the read-only variables sent with their current value
   * @throws FormVariableRefusedException when any other variable is not the form's to set
   */
  private Set<String> check(String taskId, Map<String, Object> variables) {
    if (taskId == null || variables == null || variables.isEmpty()) {
      return Set.of();
    }
    CommandContext context = Context.getCommandContext();
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessDefinitionId() == null) {
      return Set.of(); // the command answers for an unknown task; standalone tasks have no model
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskWork(task);
    }
    FormFields form = fields(task, context);
    List<FieldError> refused = new ArrayList<>();
    Set<String> unchanged = new HashSet<>();
    for (Map.Entry<String, Object> variable : variables.entrySet()) {
      String name = String.valueOf(variable.getKey());
      if (form.editable().contains(name)) {
        continue;
      }
      if (!form.readOnly().contains(name)) {
        refused.add(new FieldError(name, "is not a field of the form"));
      } else if (sameValue(plain(variable.getValue()), task.getVariable(name))) {
        unchanged.add(name);
      } else {
        refused.add(new FieldError(name, "is read-only; its value cannot be changed"));
      }
    }
    if (!refused.isEmpty()) {
      throw new FormVariableRefusedException(task.getName(), refused);
    }
    return unchanged;
  }

  /** The fields of the task's Camunda Form; none when the task has none or it is not deployed. */
  private FormFields fields(TaskEntity task, CommandContext context) {
    task.initializeFormKey();
    CamundaFormRef ref = task.getCamundaFormRef();
    if (ref == null) {
      return FormFields.NONE;
    }
    CamundaFormDefinition definition =
        new GetCamundaFormDefinitionCmd(ref, task.getProcessDefinition().getDeploymentId()).execute(context);
    if (definition == null) {
      return FormFields.NONE;
    }
    return forms.of(definition.getDeploymentId(), definition.getResourceName(), () -> {
      ResourceEntity resource = context.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
      return resource == null ? null : resource.getBytes();
    });
  }

  private static Object plain(Object value) {
    if (value instanceof TypedValue typed) {
      return typed.getValue();
    }
    return value;
  }

  /**
   * Whether a submitted value repeats the current one: equal, equal numbers ({@code 3} and {@code 3.0}),
   * equal text (JSON values), or a date and its ISO-8601 text.
   */
  static boolean sameValue(Object submitted, Object current) {
    if (Objects.equals(submitted, current)) {
      return true;
    }
    if (submitted == null || current == null) {
      return false;
    }
    if (submitted instanceof Number a && current instanceof Number b) {
      try {
        return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    if (current instanceof Date date && submitted instanceof String text) {
      try {
        return OffsetDateTime.parse(text).toInstant().equals(date.toInstant());
      } catch (DateTimeParseException e) {
        try {
          return Instant.parse(text).equals(date.toInstant());
        } catch (DateTimeParseException again) {
          return false;
        }
      }
    }
    return !(submitted instanceof String && current instanceof String)
        && submitted.toString().equals(current.toString());
  }

  private static Field field(Class<?> type, String name) {
    Field field = ReflectionUtils.findField(type, name);
    if (field == null) {
      throw new IllegalStateException(type.getName() + " has no field " + name + ": check the Camunda version");
    }
    ReflectionUtils.makeAccessible(field);
    return field;
  }
}
