package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.ADMIN_ACCESS;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_DOMAIN;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.EXPIRES_AT;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.INVITATION_URL;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REASON;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REQUESTER;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;

import io.partnerchannel.orchestrator.invitation.InvitationView.Reference;
import io.partnerchannel.orchestrator.invitation.InvitationView.Step;
import io.partnerchannel.orchestrator.web.FieldError;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.web.ResourceConflictException;
import io.partnerchannel.orchestrator.web.ResourceNotFoundException;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts, reads and withdraws reseller relationship invitations, i.e. instances of
 * {@code ResellerRelationshipInvitation}. An invitation's id is its process instance id; its status is
 * derived from the engine ({@link InvitationStatus}).
 */
@Service
public class InvitationService {

  private static final Logger log = LoggerFactory.getLogger(InvitationService.class);

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final OpenInvitations openInvitations;

  /**
   * @param runtimeService the engine's runtime service
   * @param historyService the engine's history service
   * @param openInvitations finds an open invitation for a domain
   */
  public InvitationService(
      RuntimeService runtimeService, HistoryService historyService, OpenInvitations openInvitations) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.openInvitations = openInvitations;
  }

  /**
   * Starts an invitation. The request must already be valid; the start listener checks it again.
   *
   * @param request the validated request
   * @param requester the requesting user's id, or null
   * @return the new invitation's id and status
   * @throws ResourceConflictException when an invitation for the same domain is still open
   * @throws InvalidFieldsException when the process refuses the request
   */
  public Reference start(InvitationRequest request, String requester) {
    Map<String, Object> variables = request.toVariables();
    String domain = (String) variables.get(CUSTOMER_DOMAIN);
    openInvitations.findByDomain(domain).ifPresent(open -> {
      throw alreadyOpen(domain, open);
    });
    variables.put(REQUESTER, requester);
    ProcessInstance instance;
    try {
      instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, domain, variables);
    } catch (InvitationAlreadyOpenException e) {
      throw alreadyOpen(e.getCustomerDomain(), e.getOpenInvitationId());
    } catch (InvalidInvitationRequestException e) {
      throw new InvalidFieldsException(
          e.getProblems().stream().map(problem -> new FieldError(problem.field(), problem.message())).toList());
    }
    log.info("Invitation {} started for {} by {}", instance.getId(), domain, requester);
    return new Reference(instance.getId(), find(instance.getId()).status());
  }

  /**
   * @param id the invitation id
   * @return the invitation with its derived status and steps
   * @throws ResourceNotFoundException when no invitation has that id
   */
  public InvitationView find(String id) {
    HistoricProcessInstance instance = historicInstance(id);
    Map<String, Object> variables = variables(id);
    AdminAccess adminAccess =
        variables.get(ADMIN_ACCESS) == null ? AdminAccess.NONE : AdminAccess.valueOf(variables.get(ADMIN_ACCESS).toString());
    InvitationStatus status = status(instance, adminAccess);
    Object expiresAt = variables.get(EXPIRES_AT);
    return new InvitationView(
        id,
        status,
        (String) variables.get(CUSTOMER_DOMAIN),
        (String) variables.get(INVITATION_URL),
        (String) variables.get(CUSTOMER_TENANT_ID),
        expiresAt instanceof Date date ? date.toInstant() : null,
        (String) variables.get(REASON),
        steps(id));
  }

  /**
   * Withdraws an invitation that is with the customer, by correlating {@code InvitationWithdrawn}.
   *
   * @param id the invitation id
   * @param reason why, may be null
   * @param withdrawnBy the user who withdraws, may be null
   * @return the invitation, now {@link InvitationStatus#WITHDRAWN}
   * @throws ResourceNotFoundException when no invitation has that id
   * @throws ResourceConflictException when the invitation is not waiting for the customer
   */
  public InvitationView withdraw(String id, String reason, String withdrawnBy) {
    HistoricProcessInstance instance = historicInstance(id);
    if (instance.getEndTime() != null) {
      throw new ResourceConflictException(
          "Invitation " + id + " already ended as " + InvitationStatus.ofEnded(instance.getEndActivityId()),
          "status",
          InvitationStatus.ofEnded(instance.getEndActivityId()));
    }
    String recorded =
        "Withdrawn" + (withdrawnBy == null ? "" : " by " + withdrawnBy)
            + (reason == null || reason.isBlank() ? "." : ": " + reason.trim());
    try {
      runtimeService
          .createMessageCorrelation(InvitationMessages.INVITATION_WITHDRAWN)
          .processInstanceId(id)
          .setVariable(REASON, recorded)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      InvitationStatus status = find(id).status();
      throw new ResourceConflictException(
          "Invitation " + id + " cannot be withdrawn while " + status
              + "; only an invitation waiting for the customer can be withdrawn",
          "status",
          status);
    } catch (OptimisticLockingException e) {
      throw new ResourceConflictException("Invitation " + id + " is changing right now; try again");
    }
    log.info("Invitation {} withdrawn by {}", id, withdrawnBy);
    return find(id);
  }

  private HistoricProcessInstance historicInstance(String id) {
    HistoricProcessInstance instance =
        historyService
            .createHistoricProcessInstanceQuery()
            .processInstanceId(id)
            .processDefinitionKey(PROCESS_KEY)
            .singleResult();
    if (instance == null) {
      throw new ResourceNotFoundException("No invitation with id " + id);
    }
    return instance;
  }

  private InvitationStatus status(HistoricProcessInstance instance, AdminAccess adminAccess) {
    if (instance.getEndTime() == null) {
      try {
        return InvitationStatus.ofRunning(runtimeService.getActiveActivityIds(instance.getId()), adminAccess);
      } catch (ProcessEngineException e) {
        // ended between the two reads
        instance = historicInstance(instance.getId());
        if (instance.getEndTime() == null) {
          throw e;
        }
      }
    }
    return InvitationStatus.ofEnded(instance.getEndActivityId());
  }

  private Map<String, Object> variables(String id) {
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable :
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceId(id)
            .variableNameIn(ADMIN_ACCESS, CUSTOMER_DOMAIN, INVITATION_URL, CUSTOMER_TENANT_ID, EXPIRES_AT, REASON)
            .disableCustomObjectDeserialization()
            .list()) {
      if (id.equals(variable.getActivityInstanceId()) || !variables.containsKey(variable.getName())) {
        variables.put(variable.getName(), variable.getValue());
      }
    }
    return variables;
  }

  private List<Step> steps(String id) {
    return historyService
        .createHistoricActivityInstanceQuery()
        .processInstanceId(id)
        .orderByHistoricActivityInstanceStartTime()
        .asc()
        .orderPartiallyByOccurrence()
        .asc()
        .list()
        .stream()
        .map(
            activity ->
                new Step(
                    activity.getActivityId(),
                    activity.getActivityName(),
                    activity.getActivityType(),
                    toInstant(activity.getStartTime()),
                    toInstant(activity.getEndTime())))
        .toList();
  }

  private static Instant toInstant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static ResourceConflictException alreadyOpen(String domain, String openInvitationId) {
    return new ResourceConflictException(
        "An invitation for " + domain + " is already open: " + openInvitationId,
        "openInvitationId",
        openInvitationId);
  }
}
