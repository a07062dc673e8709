package io.partnerchannel.orchestrator.invitation;

import io.partnerchannel.orchestrator.invitation.InvitationView.Step;
import io.partnerchannel.orchestrator.security.AuthorizationDecisions;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.web.ResourceConflictException;
import io.partnerchannel.orchestrator.web.ResourceNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.HistoricActivityInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.NativeHistoricActivityInstanceQueryImpl;
import org.camunda.bpm.engine.impl.NativeHistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetActivityInstanceCmd;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;
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
  private final ProcessEngine processEngine;
  private final AuthorizationDecisions decisions;

  /**
   * @param runtimeService the engine's runtime service
   * @param historyService the engine's history service
   * @param repositoryService checks who may withdraw (who may start the process)
   * @param identityService the caller's engine authentication
   * @param processEngine runs a status read as one command ({@link #read})
   * @param decisions the caller's grants, reused while a client polls
   */
  public InvitationInstances(RuntimeService runtimeService, HistoryService historyService,
      RepositoryService repositoryService, IdentityService identityService, ProcessEngine processEngine,
      AuthorizationDecisions decisions) {
    this.decisions = decisions;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.processEngine = processEngine;
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
    String domain = InvitationVariables.CUSTOMER_DOMAIN.from(Variables.fromMap(variables)).getOrNull();
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
   * Where an invitation stands right after its start, for the answer to the start request: its activity instance
   * tree only, read under the caller's authorization (READ on the instance or READ_INSTANCE on its definition, as
   * {@code RuntimeService#getActivityInstance} checks), not the variables and steps a status read ({@link #read})
   * shows.
   *
   * @param id the invitation just started
   * @return the activities it is at, or, when it ended already, its end event
   * @throws AuthorizationException when the caller may not read the running instance
   */
  public Position position(String id) {
    ActivityInstance tree = runtimeService.getActivityInstance(id);
    if (tree != null) {
      List<String> active = new ArrayList<>();
      collect(tree, active, new ArrayList<>());
      return new Position(active, null);
    }
    HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
    return new Position(null, ended == null ? null : ended.getEndActivityId());
  }

  /**
   * Where an instance stands ({@link #position}).
   *
   * @param activeActivityIds the activities a running instance is at (waiting, or with a pending async
   *     continuation); null when it has ended
   * @param endActivityId the end event an ended instance reached, null while it runs or when it was cancelled
   */
  public record Position(List<String> activeActivityIds, String endActivityId) {

    /** @return whether the instance runs */
    public boolean running() {
      return activeActivityIds != null;
    }
  }

  /**
   * Everything a status read shows of one invitation, read in one engine command (one command context, one
   * database session, one transaction) instead of one command per part.
   *
   * <p>Authorization: the historic process instance is read by its id, its tenant checked against the caller's
   * (reseller staff see only their tenant's instances, {@code ResellerTenantIdProvider}), and the caller's grants
   * checked ({@link #mayRead}): READ_HISTORY on the process definition, the permission the engine's historic process
   * instance query filters by, and for a running instance also READ on the instance or READ_INSTANCE on its
   * definition, the one {@code RuntimeService#getActivityInstance} checks. An instance the
   * caller may not see is not found; one whose history the caller may read but not the running instance is refused
   * with {@link AuthorizationException}, as {@code getActivityInstance} refuses. The further reads (the activity
   * instance tree, historic variables and activities, the incident's cause) are all scoped to this instance id and
   * to the instances its call activities started (which inherit its tenant), and read only what those permissions
   * cover, so they run with the engine's authorization and tenant checks off
   * ({@link CommandContext#disableAuthorizationCheck}), restored afterwards. That holds while the engine's specific
   * variable permissions are off (the default, and ours), and the historic instance permissions (off too) are
   * included in the check: were either on, history and variables would have grants of their own, and these reads
   * keep the checks. The called "Track invitation" is a part of the invitation: {@code PartnerRoleAuthorizations}
   * grants READ_INSTANCE and READ_HISTORY on it with every grant on a process that calls it. Reading the instance by
   * id and checking the grants costs a fraction of the historic query's dynamic SQL; with the checks off, the variables
   * and the steps (of the invitation and of every instance it called, by their root instance id) are read by two
   * static native queries instead of three of the engine's dynamically built ones (docs/performance.md).
   *
   * <p>The current activities and the open incidents come from the one activity instance tree (7.24 puts the
   * incidents of each activity and transition instance in it), so no separate incident query runs. An instance
   * that ends between the history read and the tree read is answered with its end event, read once more from
   * history; no exception path, so polling an instance that ends meanwhile logs nothing.
   *
   * <p>Of the variables it reads only those named: a polling client is answered from a handful of rows, not from
   * every variable the invitation holds (each a mapped history row).
   *
   * @param id the invitation id
   * @param processDefinitionKey the process it must belong to
   * @param variableNames the process variables the answer shows or derives from (the others are not read)
   * @return the invitation's state; empty when no instance of that process has the id or the caller may not see it
   * @throws AuthorizationException when the caller may read the instance's history but not the running instance
   */
  public Optional<InstanceRead> read(String id, String processDefinitionKey, Collection<String> variableNames) {
    InstanceRead read = commandExecutor().execute(commandContext -> {
      HistoricProcessInstanceEntity instance =
          commandContext.getHistoricProcessInstanceManager().findHistoricProcessInstance(id);
      if (instance == null || !processDefinitionKey.equals(instance.getProcessDefinitionKey())
          || !commandContext.getTenantManager().isAuthenticatedTenant(instance.getTenantId())
          || !mayRead(commandContext, instance)) {
        return null;
      }
      return readScoped(commandContext, instance, variableNames);
    });
    return read == null ? Optional.empty() : finish(read, processDefinitionKey);
  }

  /**
   * The reads of {@link #read} after the first one and its checks, for an instance the caller may see (tests: a
   * stale history).
   *
   * @param instance the instance as history showed it, perhaps before it ended
   * @param variableNames the variables to read
   * @return its state now
   */
  Optional<InstanceRead> readAfter(HistoricProcessInstance instance, Collection<String> variableNames) {
    return finish(commandExecutor().execute(commandContext -> readScoped(commandContext, instance, variableNames)),
        instance.getProcessDefinitionKey());
  }

  /**
   * The caller's grants on one invitation, two authorization checks: READ_HISTORY on its process definition (or,
   * with the engine's historic instance permissions on, READ on the historic instance), the permission the
   * engine's historic process instance query filters by; then, for a running instance, READ on the instance or
   * READ_INSTANCE on its definition, the one {@code RuntimeService#getActivityInstance} checks. A grant is reused
   * for a short time ({@link AuthorizationDecisions}), so a polling client pays the two queries once.
   *
   * @return true when the caller may read all of it; false when it may not see the instance at all
   * @throws AuthorizationException when the caller may read its history but not the running instance
   */
  private boolean mayRead(CommandContext commandContext, HistoricProcessInstance instance) {
    AuthorizationManager authorizations = commandContext.getAuthorizationManager();
    boolean historicInstancePermissions = commandContext.getProcessEngineConfiguration().isEnableHistoricInstancePermissions();
    CompositePermissionCheck history = anyOf(authorizations,
        check(Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, instance.getProcessDefinitionKey(), null),
        historicInstancePermissions
            ? check(HistoricProcessInstancePermissions.READ, Resources.HISTORIC_PROCESS_INSTANCE, instance.getId(), 0L)
            : null);
    if (!decisions.isGranted(commandContext, history)) {
      return false;
    }
    if (instance.getEndTime() == null) {
      CompositePermissionCheck runtime = anyOf(authorizations,
          check(Permissions.READ, Resources.PROCESS_INSTANCE, instance.getId(), null),
          check(Permissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, instance.getProcessDefinitionKey(), 0L));
      decisions.check(commandContext, runtime);
    }
    return true;
  }

  /**
   * The disjunction of the non-null checks whose permission the engine checks at all ({@code disabledPermissions}
   * drops the others, as Camunda's own {@code PermissionCheckBuilder} does).
   */
  private static CompositePermissionCheck anyOf(AuthorizationManager authorizations, PermissionCheck... checks) {
    CompositePermissionCheck any = new CompositePermissionCheck(true);
    any.setAtomicChecks(Arrays.stream(checks)
        .filter(Objects::nonNull)
        .filter(check -> !authorizations.isPermissionDisabled(check.getPermission()))
        .toList());
    return any;
  }

  /** One permission on one resource, as the engine's own command checkers build it. */
  private static PermissionCheck check(Permission permission, Resource resource, String resourceId, Long whenNotFound) {
    PermissionCheck check = new PermissionCheck();
    check.setPermission(permission);
    check.setResource(resource);
    check.setResourceId(resourceId);
    check.setAuthorizationNotFoundReturnValue(whenNotFound);
    return check;
  }

  private Optional<InstanceRead> finish(InstanceRead read, String processDefinitionKey) {
    if (!read.endedMeanwhile()) {
      return Optional.of(read);
    }
    // Ended between the history read and the tree read: its end event, from history (this command context would
    // answer the instance it cached). Rare, so the caller's authorization applies as to any other read.
    HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(read.id()).processDefinitionKey(processDefinitionKey).singleResult();
    return Optional.ofNullable(ended).map(instance -> new InstanceRead(read.id(), read.variables(), null,
        instance.getEndActivityId(), false, read.steps(), null));
  }

  private InstanceRead readScoped(
      CommandContext commandContext, HistoricProcessInstance instance, Collection<String> variableNames) {
    String id = instance.getId();
    boolean authorizationCheck = commandContext.isAuthorizationCheckEnabled();
    boolean tenantCheck = commandContext.isTenantCheckEnabled();
    ProcessEngineConfigurationImpl configuration = commandContext.getProcessEngineConfiguration();
    // else history and variables have permissions of their own, which these reads must keep checking
    boolean unchecked =
        !configuration.isEnableHistoricInstancePermissions() && !configuration.isEnforceSpecificVariablePermission();
    if (unchecked) {
      commandContext.disableAuthorizationCheck();
      commandContext.disableTenantCheck();
    }
    try {
      ActivityInstance tree = instance.getEndTime() == null ? new GetActivityInstanceCmd(id).execute(commandContext) : null;
      String[] names = variableNames.toArray(String[]::new);
      VariableMap variables = names.length == 0 ? Variables.createVariables() : latestValues(id, unchecked
          ? namedVariables(commandContext, id, names)
          : ((HistoricVariableInstanceQueryImpl) historyService.createHistoricVariableInstanceQuery().processInstanceId(id)
              .variableNameIn(names).disableCustomObjectDeserialization()).executeList(commandContext, null));
      List<Step> steps = new ArrayList<>();
      if (unchecked && id.equals(instance.getRootProcessInstanceId())) {
        addSteps(id, stepsOfTree(commandContext, id), steps);
      } else {
        addSteps(commandContext, id, steps);
      }
      if (tree == null) {
        return new InstanceRead(id, variables, null, instance.getEndActivityId(), instance.getEndTime() == null, steps,
            null);
      }
      List<String> active = new ArrayList<>();
      List<Incident> incidents = new ArrayList<>();
      collect(tree, active, incidents);
      return new InstanceRead(id, variables, active, null, false, steps, oldest(commandContext, incidents));
    } finally {
      if (authorizationCheck) {
        commandContext.enableAuthorizationCheck();
      }
      if (tenantCheck) {
        commandContext.enableTenantCheck();
      }
    }
  }

  /**
   * The named historic variables of one instance, by a static native query (only where the engine's authorization
   * checks are off, since native queries check none); a name is a bound parameter, never part of the SQL.
   */
  private static List<HistoricVariableInstance> namedVariables(
      CommandContext commandContext, String id, String[] names) {
    NativeHistoricVariableInstanceQueryImpl query = new NativeHistoricVariableInstanceQueryImpl(commandContext);
    StringJoiner in = new StringJoiner(", ", " AND NAME_ IN (", ")");
    for (int i = 0; i < names.length; i++) {
      in.add("#{name" + i + "}");
      query.parameter("name" + i, names[i]);
    }
    return query.disableCustomObjectDeserialization()
        .sql("SELECT * FROM " + table(commandContext, "ACT_HI_VARINST")
            + " WHERE PROC_INST_ID_ = #{id} AND (STATE_ <> 'DELETED' OR STATE_ IS NULL)" + in)
        .parameter("id", id)
        .list();
  }

  /**
   * The activities of a root instance and of every instance it called, one query by the indexed root instance id
   * (static SQL, so none of the engine's dynamic query building), each instance's oldest first as {@link #addSteps}
   * orders them; only where the engine's authorization checks are off, since native queries check none.
   *
   * @return per process instance id, its activities in order
   */
  private static Map<String, List<HistoricActivityInstance>> stepsOfTree(CommandContext commandContext, String rootId) {
    Map<String, List<HistoricActivityInstance>> byInstance = new LinkedHashMap<>();
    new NativeHistoricActivityInstanceQueryImpl(commandContext)
        .sql("SELECT * FROM " + table(commandContext, "ACT_HI_ACTINST")
            + " WHERE ROOT_PROC_INST_ID_ = #{root} ORDER BY START_TIME_ ASC, SEQUENCE_COUNTER_ ASC")
        .parameter("root", rootId)
        .list()
        .forEach(activity -> byInstance.computeIfAbsent(activity.getProcessInstanceId(), key -> new ArrayList<>()).add(activity));
    return byInstance;
  }

  /** The steps of one instance from {@link #stepsOfTree}, each called instance's after its call activity. */
  private static void addSteps(String id, Map<String, List<HistoricActivityInstance>> tree, List<Step> steps) {
    for (HistoricActivityInstance activity : tree.getOrDefault(id, List.of())) {
      steps.add(new Step(activity.getActivityId(), activity.getActivityName(), activity.getActivityType(),
          toInstant(activity.getStartTime()), toInstant(activity.getEndTime())));
      if (activity.getCalledProcessInstanceId() != null) {
        addSteps(activity.getCalledProcessInstanceId(), tree, steps);
      }
    }
  }

  private static String table(CommandContext commandContext, String name) {
    return commandContext.getProcessEngineConfiguration().getDatabaseTablePrefix() + name;
  }

  private void addSteps(CommandContext commandContext, String id, List<Step> steps) {
    HistoricActivityInstanceQueryImpl query = (HistoricActivityInstanceQueryImpl) historyService
        .createHistoricActivityInstanceQuery()
        .processInstanceId(id)
        .orderByHistoricActivityInstanceStartTime()
        .asc()
        .orderPartiallyByOccurrence()
        .asc();
    for (HistoricActivityInstance activity : query.executeList(commandContext, null)) {
      steps.add(
          new Step(
              activity.getActivityId(),
              activity.getActivityName(),
              activity.getActivityType(),
              toInstant(activity.getStartTime()),
              toInstant(activity.getEndTime())));
      if (activity.getCalledProcessInstanceId() != null) {
        addSteps(commandContext, activity.getCalledProcessInstanceId(), steps);
      }
    }
  }

  private static void collect(ActivityInstance scope, List<String> active, List<Incident> incidents) {
    incidents.addAll(Arrays.asList(scope.getIncidents()));
    for (TransitionInstance pending : scope.getChildTransitionInstances()) {
      active.add(pending.getActivityId());
      incidents.addAll(Arrays.asList(pending.getIncidents()));
    }
    for (ActivityInstance child : scope.getChildActivityInstances()) {
      active.add(child.getActivityId());
      collect(child, active, incidents);
    }
  }

  /**
   * The oldest open incident; for an incident of an instance it called ("Track invitation": the engine raises
   * it on the call activity too), the step that failed there and its message.
   */
  private static InvitationView.Incident oldest(CommandContext commandContext, List<Incident> incidents) {
    return incidents.stream()
        .min(Comparator.comparing(Incident::getIncidentTimestamp))
        .map(incident -> {
          String causeId = incident.getRootCauseIncidentId();
          if (causeId == null || causeId.equals(incident.getId())) {
            return incident;
          }
          Incident cause = commandContext.getIncidentManager().findIncidentById(causeId);
          return cause == null ? incident : cause;
        })
        .map(incident -> new InvitationView.Incident(
            incident.getFailedActivityId() != null ? incident.getFailedActivityId() : incident.getActivityId(),
            incident.getIncidentMessage(), toInstant(incident.getIncidentTimestamp())))
        .orElse(null);
  }

  private CommandExecutor commandExecutor() {
    return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
  }

  /**
   * One invitation as a status read sees it ({@link #read}).
   *
   * @param id the invitation id
   * @param variables the latest values of its process-level variables, serialized objects left undeserialized
   * @param activeActivityIds the activities a running instance is at (waiting, or with a pending async
   *     continuation); null when it has ended
   * @param endActivityId the end event an ended instance reached, null while it runs or when it was cancelled
   * @param endedMeanwhile whether it ended between the history read and the tree read (internal: read again)
   * @param steps the activities run so far, oldest first; the steps of an instance a call activity started
   *     ("Track invitation") follow that call activity's step
   * @param incident its oldest open incident, null when it has none or ended
   */
  public record InstanceRead(String id, VariableMap variables, List<String> activeActivityIds, String endActivityId,
      boolean endedMeanwhile, List<Step> steps, InvitationView.Incident incident) {

    /** @return whether the instance runs */
    public boolean running() {
      return activeActivityIds != null;
    }
  }

  /**
   * The latest values of some process-level variables, serialized objects left undeserialized.
   *
   * @param id the invitation id
   * @param names the variable names
   * @return name → value of those that exist
   */
  public VariableMap variables(String id, String... names) {
    return latestValues(id,
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceId(id)
            .variableNameIn(names)
            .disableCustomObjectDeserialization()
            .list());
  }

  /** Process-level values win over local ones of the same name; of locals, the first. */
  private static VariableMap latestValues(String id, List<HistoricVariableInstance> found) {
    VariableMap variables = Variables.createVariables();
    for (HistoricVariableInstance variable : found) {
      if (id.equals(variable.getActivityInstanceId()) || !variables.containsKey(variable.getName())) {
        variables.put(variable.getName(), variable.getValue());
      }
    }
    return variables;
  }

  /**
   * Withdraws an invitation by correlating {@link InvitationMessages#INVITATION_WITHDRAWN}, recording
   * {@code "Withdrawn[ by <user>][: <reason>]."} as its {@code reason}. The caller must see the invitation
   * and may start its process (the process's candidate starter groups); the message is then correlated by
   * the application, since no role has UPDATE_INSTANCE (docs/security.md "Roles").
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
