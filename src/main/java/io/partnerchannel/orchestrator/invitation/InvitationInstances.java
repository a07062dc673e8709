package io.partnerchannel.orchestrator.invitation;

import io.partnerchannel.orchestrator.invitation.InvitationView.Step;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.web.ResourceConflictException;
import io.partnerchannel.orchestrator.web.ResourceNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Reads and withdraws invitations of any {@link CustomerInvitationProcess} from the engine: an invitation's id
 * is its process instance id, its data are its (historic) variables, its steps its historic activities. The
 * REST services of both invitation processes answer from here, so their shapes cannot drift apart.
 */
@Component
public class InvitationInstances {

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;

  /**
   * @param runtimeService the engine's runtime service
   * @param historyService the engine's history service
   * @param repositoryService checks who may withdraw (who may start the process)
   * @param identityService the caller's engine authentication
   */
  public InvitationInstances(RuntimeService runtimeService, HistoryService historyService,
      RepositoryService repositoryService, IdentityService identityService) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  /**
   * Starts an invitation with the domain as business key. The variables must hold a valid, normalised
   * request; the process's start listener checks it again and claims the domain ({@link OpenInvitations}).
   *
   * @param processDefinitionKey the invitation process
   * @param variables start variables, {@code customerDomain} among them
   * @return the new instance's id
   * @throws ResourceConflictException when an invitation for the same domain is still open, in any
   *     invitation process (with {@code openInvitationId})
   * @throws InvalidFieldsException when the start listener refuses the request, naming the process variables
   *     (nothing is started)
   */
  public String start(String processDefinitionKey, Map<String, Object> variables) {
    String domain = (String) variables.get(InvitationVariables.CUSTOMER_DOMAIN.getName());
    try {
      return runtimeService.startProcessInstanceByKey(processDefinitionKey, domain, variables).getId();
    } catch (InvitationAlreadyOpenException e) {
      throw new ResourceConflictException(e.getMessage(), "openInvitationId", e.getOpenInvitationId());
    }
  }

  /**
   * @param id the invitation id
   * @param processDefinitionKey the process it must belong to
   * @return the instance from history, running or ended
   * @throws ResourceNotFoundException when no instance of that process has the id
   */
  public HistoricProcessInstance historicInstance(String id, String processDefinitionKey) {
    HistoricProcessInstance instance =
        historyService
            .createHistoricProcessInstanceQuery()
            .processInstanceId(id)
            .processDefinitionKey(processDefinitionKey)
            .singleResult();
    if (instance == null) {
      throw new ResourceNotFoundException("No invitation with id " + id);
    }
    return instance;
  }

  /**
   * Where a running instance is, in one read of its activity instance tree: no exception path, so polling an
   * instance that ends meanwhile logs nothing.
   *
   * @param instance an instance from history
   * @return the activities the instance is at now (waiting, or with a pending async continuation); empty when it
   *     has ended, also when it ended between reading the history and now
   */
  public Optional<List<String>> activeActivityIds(HistoricProcessInstance instance) {
    if (instance.getEndTime() != null) {
      return Optional.empty();
    }
    ActivityInstance tree = runtimeService.getActivityInstance(instance.getId());
    if (tree == null) {
      return Optional.empty();
    }
    List<String> active = new ArrayList<>();
    collect(tree, active);
    return Optional.of(active);
  }

  private static void collect(ActivityInstance scope, List<String> active) {
    for (TransitionInstance pending : scope.getChildTransitionInstances()) {
      active.add(pending.getActivityId());
    }
    for (ActivityInstance child : scope.getChildActivityInstances()) {
      active.add(child.getActivityId());
      collect(child, active);
    }
  }

  /**
   * @param instance an instance from history
   * @return the end event it reached, null while it runs or when it was cancelled (read again only when the
   *     instance was still running when {@code instance} was read)
   */
  public String endActivityId(HistoricProcessInstance instance) {
    HistoricProcessInstance ended = instance.getEndTime() != null
        ? instance : historicInstance(instance.getId(), instance.getProcessDefinitionKey());
    return ended.getEndActivityId();
  }

  /**
   * The latest values of some process-level variables, serialized objects left undeserialized.
   *
   * @param id the invitation id
   * @param names the variable names
   * @return name → value of those that exist
   */
  public VariableMap variables(String id, String... names) {
    VariableMap variables = Variables.createVariables();
    for (HistoricVariableInstance variable :
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceId(id)
            .variableNameIn(names)
            .disableCustomObjectDeserialization()
            .list()) {
      if (id.equals(variable.getActivityInstanceId()) || !variables.containsKey(variable.getName())) {
        variables.put(variable.getName(), variable.getValue());
      }
    }
    return variables;
  }

  /**
   * The latest values of all process-level variables, serialized objects left undeserialized.
   *
   * @param id the invitation id
   * @return name → value
   */
  public VariableMap allVariables(String id) {
    VariableMap variables = Variables.createVariables();
    for (HistoricVariableInstance variable :
        historyService.createHistoricVariableInstanceQuery().processInstanceId(id).disableCustomObjectDeserialization().list()) {
      if (id.equals(variable.getActivityInstanceId()) || !variables.containsKey(variable.getName())) {
        variables.put(variable.getName(), variable.getValue());
      }
    }
    return variables;
  }

  /**
   * @param id the invitation id
   * @return the activities run so far, oldest first; the steps of an instance a call activity started
   *     ("Track invitation") follow that call activity's step
   */
  public List<Step> steps(String id) {
    List<Step> steps = new ArrayList<>();
    for (HistoricActivityInstance activity :
        historyService
            .createHistoricActivityInstanceQuery()
            .processInstanceId(id)
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .orderPartiallyByOccurrence()
            .asc()
            .list()) {
      steps.add(
          new Step(
              activity.getActivityId(),
              activity.getActivityName(),
              activity.getActivityType(),
              toInstant(activity.getStartTime()),
              toInstant(activity.getEndTime())));
      if (activity.getCalledProcessInstanceId() != null) {
        steps.addAll(steps(activity.getCalledProcessInstanceId()));
      }
    }
    return steps;
  }

  /**
   * @param instance an instance from history
   * @return its oldest open incident, null when it has none or ended; for an incident of an instance it called
   *     ("Track invitation": the engine raises it on the call activity too), the step that failed there and its message
   */
  public InvitationView.Incident incident(HistoricProcessInstance instance) {
    if (instance.getEndTime() != null) {
      return null;
    }
    return runtimeService.createIncidentQuery().processInstanceId(instance.getId()).orderByIncidentTimestamp().asc()
        .listPage(0, 1).stream()
        .map(this::rootCause)
        .map(incident -> new InvitationView.Incident(
            incident.getFailedActivityId() != null ? incident.getFailedActivityId() : incident.getActivityId(),
            incident.getIncidentMessage(), toInstant(incident.getIncidentTimestamp())))
        .findFirst()
        .orElse(null);
  }

  private Incident rootCause(Incident incident) {
    if (incident.getRootCauseIncidentId() == null || incident.getRootCauseIncidentId().equals(incident.getId())) {
      return incident;
    }
    Incident cause = runtimeService.createIncidentQuery().incidentId(incident.getRootCauseIncidentId()).singleResult();
    return cause == null ? incident : cause;
  }

  /**
   * Withdraws an invitation by correlating {@link InvitationMessages#INVITATION_WITHDRAWN}, recording
   * {@code "Withdrawn[ by <user>][: <reason>]."} as its {@code reason}. The caller must see the invitation
   * and may start its process (the process's candidate starter groups); the message is then correlated by
   * the application, since no role has UPDATE_INSTANCE (README, "Roles").
   *
   * @param id the invitation id
   * @param processDefinitionKey the process it must belong to
   * @param reason why, may be null
   * @param withdrawnBy the user who withdraws, may be null
   * @param status reads the invitation's current status, for the conflict answers
   * @throws ResourceNotFoundException when no invitation has that id
   * @throws ResourceConflictException when the invitation ended or does not wait for a withdrawal now
   * @throws AuthorizationException when the caller may not start the process
   */
  public void withdraw(
      String id, String processDefinitionKey, String reason, String withdrawnBy, Supplier<Object> status) {
    HistoricProcessInstance instance = historicInstance(id, processDefinitionKey);
    if (instance.getEndTime() != null) {
      Object ended = status.get();
      throw new ResourceConflictException("Invitation " + id + " already ended as " + ended, "status", ended);
    }
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(processDefinitionKey)
        .latestVersion().startablePermissionCheck().count() == 0) {
      throw new AuthorizationException("User " + withdrawnBy + " may not withdraw a " + processDefinitionKey
          + " invitation: only the groups that may start it may");
    }
    String recorded =
        "Withdrawn" + (withdrawnBy == null ? "" : " by " + withdrawnBy)
            + (reason == null || reason.isBlank() ? "." : ": " + reason.trim());
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      runtimeService
          .createMessageCorrelation(InvitationMessages.INVITATION_WITHDRAWN)
          .processInstanceId(id)
          .setVariable(InvitationVariables.REASON.getName(), recorded)
          .setVariable(InvitationVariables.REASON_CODE.getName(), null)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      Object current = status.get();
      throw new ResourceConflictException(
          "Invitation " + id + " cannot be withdrawn while " + current
              + "; only an invitation waiting for the customer can be withdrawn",
          "status",
          current);
    } catch (OptimisticLockingException e) {
      throw new ResourceConflictException("Invitation " + id + " is changing right now; try again");
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  /**
   * @param date a date, may be null
   * @return the instant, or null
   */
  public static Instant toInstant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
