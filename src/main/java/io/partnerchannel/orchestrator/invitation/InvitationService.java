package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.ADMIN_ACCESS;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_DOMAIN;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.EXPIRES_AT;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.INVITATION_URL;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REQUESTER;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;

import io.partnerchannel.orchestrator.invitation.InvitationView.Reference;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.web.ResourceConflictException;
import io.partnerchannel.orchestrator.web.ResourceNotFoundException;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
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

  private final InvitationInstances instances;
  private final InvitationReasons reasons;
  /** What {@link #find} shows or derives the status and reason from: the only variables it reads. */
  private final Set<String> viewVariables;

  /**
   * @param instances reads, starts and withdraws invitation instances
   * @param reasons the reason in words
   */
  public InvitationService(InvitationInstances instances, InvitationReasons reasons) {
    this.instances = instances;
    this.reasons = reasons;
    this.viewVariables = reasons.variableNamesWith(CUSTOMER_DOMAIN.getName(), INVITATION_URL.getName(),
        CUSTOMER_TENANT_ID.getName(), EXPIRES_AT.getName(), ADMIN_ACCESS.getName());
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
    variables.put(REQUESTER.getName(), requester);
    String id = instances.start(PROCESS_KEY, variables);
    log.info("Invitation {} started for {} by {}", id, variables.get(CUSTOMER_DOMAIN.getName()), requester);
    InvitationInstances.Position position = instances.position(id);
    return new Reference(id, position.running()
        ? InvitationStatus.ofRunning(position.activeActivityIds(), adminAccess(Variables.fromMap(variables)))
        : InvitationStatus.ofEnded(position.endActivityId()));
  }

  /**
   * @param id the invitation id
   * @return the invitation with its derived status and steps, read in one engine command
   *     ({@link InvitationInstances#read})
   * @throws ResourceNotFoundException when no invitation has that id, or the caller may not see it
   */
  public InvitationView find(String id) {
    InvitationInstances.InstanceRead read = instances.read(id, PROCESS_KEY, viewVariables)
        .orElseThrow(() -> new ResourceNotFoundException("No invitation with id " + id));
    VariableMap variables = read.variables();
    AdminAccess adminAccess = adminAccess(variables);
    InvitationStatus status = read.running()
        ? InvitationStatus.ofRunning(read.activeActivityIds(), adminAccess)
        : InvitationStatus.ofEnded(read.endActivityId());
    return new InvitationView(
        id,
        status,
        CUSTOMER_DOMAIN.from(variables).getOrNull(),
        INVITATION_URL.from(variables).getOrNull(),
        CUSTOMER_TENANT_ID.from(variables).getOrNull(),
        EXPIRES_AT.from(variables).getOptional().map(Date::toInstant).orElse(null),
        reasons.text(variables, java.util.Locale.ENGLISH),
        read.steps(),
        read.incident());
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
    instances.withdraw(id, PROCESS_KEY, reason, withdrawnBy, () -> find(id).status());
    log.info("Invitation {} withdrawn by {}", id, withdrawnBy);
    return find(id);
  }

  private static AdminAccess adminAccess(VariableMap variables) {
    return ADMIN_ACCESS.from(variables).getOptional().map(AdminAccess::valueOf).orElse(AdminAccess.NONE);
  }
}
