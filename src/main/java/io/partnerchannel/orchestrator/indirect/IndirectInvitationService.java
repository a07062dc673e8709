package io.partnerchannel.orchestrator.indirect;

import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.DECLINE_REASON;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_NAME;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_TENANT_ID;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.ROUTE;
import static io.partnerchannel.orchestrator.indirect.IndirectResellerInvitationProcess.PROCESS_KEY;
import static io.partnerchannel.orchestrator.indirect.IndirectResellerInvitationProcess.TASK_REVIEW_DECLINED_INVITATION;
import static io.partnerchannel.orchestrator.indirect.IndirectResellerInvitationProcess.WITH_RESELLER_ACTIVITIES;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.ASSOCIATED_PARTNER_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_DOMAIN;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.EXPIRES_AT;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.INVITATION_URL;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REQUESTER;

import io.partnerchannel.orchestrator.invitation.AdminAccess;
import io.partnerchannel.orchestrator.invitation.InvitationReasons;
import io.partnerchannel.orchestrator.invitation.InitiatorType;
import io.partnerchannel.orchestrator.invitation.InvitationInstances;
import io.partnerchannel.orchestrator.invitation.InvitationStatus;
import io.partnerchannel.orchestrator.invitation.InvitationView.Reference;
import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationship;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationshipType;
import io.partnerchannel.orchestrator.web.FieldError;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.web.ResourceConflictException;
import io.partnerchannel.orchestrator.web.ResourceNotFoundException;
import io.partnerchannel.orchestrator.web.ValidationGate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.variable.VariableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts, reads and withdraws indirect provider invitations, i.e. instances of
 * {@code IndirectResellerInvitation}, and records delegated admin privileges their customers grant to other
 * indirect resellers (R13). An invitation's id is its process instance id; its status is derived from the
 * engine as for reseller relationship invitations ({@link InvitationStatus}), with
 * {@link InvitationStatus#WITH_RESELLER} and {@link InvitationStatus#DECLINED_BY_RESELLER} besides.
 */
@Service
class IndirectInvitationService {

  private static final Logger log = LoggerFactory.getLogger(IndirectInvitationService.class);

  private final InvitationInstances instances;
  private final InvitationReasons reasons;
  private final ValidationGate gate;
  private final PartnerCenter partnerCenter;
  private final DelegatedAdminGrants grants;
  /** What {@link #find} shows or derives the reason from: the only variables it reads. */
  private final Set<String> viewVariables;

  /**
   * @param instances reads, starts and withdraws invitation instances
   * @param gate the validation gate of starts
   * @param partnerCenter the Partner Center port (the provider's resellers, the customer)
   * @param grants recorded delegated admin grants
   * @param reasons the reason in words
   */
  public IndirectInvitationService(
      InvitationInstances instances, ValidationGate gate, PartnerCenter partnerCenter, DelegatedAdminGrants grants,
      InvitationReasons reasons) {
    this.instances = instances;
    this.reasons = reasons;
    this.gate = gate;
    this.partnerCenter = partnerCenter;
    this.grants = grants;
    this.viewVariables = reasons.variableNamesWith(RESELLER_TENANT_ID.getName(), ROUTE.getName(),
        RESELLER_NAME.getName(), CUSTOMER_DOMAIN.getName(), INVITATION_URL.getName(), CUSTOMER_TENANT_ID.getName(),
        ASSOCIATED_PARTNER_ID.getName(), EXPIRES_AT.getName(), DECLINE_REASON.getName());
  }

  /**
   * Starts an indirect invitation.
   *
   * @param request the request as received
   * @param requester the requesting user's id, or null
   * @return the new invitation's id and status
   * @throws InvalidFieldsException naming every invalid field; nothing is started
   * @throws ResourceConflictException when an invitation for the same domain is still open, in either
   *     invitation process
   */
  public Reference start(IndirectInvitationRequest request, String requester) {
    List<FieldError> errors = request.errors(gate, UnaryOperator.identity());
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException(IndirectInvitationRequest.INVALID, errors);
    }
    Map<String, Object> variables = request.toVariables();
    variables.put(REQUESTER.getName(), requester);
    String id = instances.start(PROCESS_KEY, variables);
    log.info("Indirect invitation {} started for {} by {}, route {} {}", id, variables.get(CUSTOMER_DOMAIN.getName()), requester,
        request.route(), request.resellerTenantId() == null ? "" : request.resellerTenantId());
    InvitationInstances.Position position = instances.position(id);
    return new Reference(id, position.running()
        ? runningStatus(position.activeActivityIds())
        : InvitationStatus.ofEnded(position.endActivityId()));
  }

  /**
   * @param id the invitation id
   * @return the invitation with its derived status, reseller, grants and steps, the engine's part read in one
   *     engine command ({@link InvitationInstances#read})
   * @throws ResourceNotFoundException when no indirect invitation has that id, or the caller may not see it
   */
  public IndirectInvitationView find(String id) {
    InvitationInstances.InstanceRead read = instances.read(id, PROCESS_KEY, viewVariables)
        .orElseThrow(() -> new ResourceNotFoundException("No invitation with id " + id));
    VariableMap variables = read.variables();
    InvitationStatus status = read.running()
        ? runningStatus(read.activeActivityIds())
        : InvitationStatus.ofEnded(read.endActivityId());
    String reseller = RESELLER_TENANT_ID.from(variables).getOrNull();
    return new IndirectInvitationView(
        id,
        status,
        ROUTE.from(variables).getOptional().map(IndirectRoute::valueOf).orElse(null),
        reseller == null ? null : new IndirectInvitationView.Reseller(reseller, RESELLER_NAME.from(variables).getOrNull()),
        CUSTOMER_DOMAIN.from(variables).getOrNull(),
        INVITATION_URL.from(variables).getOrNull(),
        CUSTOMER_TENANT_ID.from(variables).getOrNull(),
        ASSOCIATED_PARTNER_ID.from(variables).getOrNull(),
        EXPIRES_AT.from(variables).getOptional().map(Date::toInstant).orElse(null),
        reasons.text(variables, java.util.Locale.ENGLISH),
        DECLINE_REASON.from(variables).getOrNull(),
        grants.ofInvitation(id),
        read.steps(),
        read.incident());
  }

  /**
   * Withdraws an invitation that waits for the reseller or for the customer.
   *
   * @param id the invitation id
   * @param reason why, may be null
   * @param withdrawnBy the user who withdraws, may be null
   * @return the invitation, now {@link InvitationStatus#WITHDRAWN}
   * @throws ResourceNotFoundException when no indirect invitation has that id
   * @throws ResourceConflictException when the invitation ended or is not with the reseller or the customer
   */
  public IndirectInvitationView withdraw(String id, String reason, String withdrawnBy) {
    instances.withdraw(id, PROCESS_KEY, reason, withdrawnBy, () -> find(id).status());
    log.info("Indirect invitation {} withdrawn by {}", id, withdrawnBy);
    return find(id);
  }

  /**
   * Records that the customer of an established indirect invitation granted delegated admin privileges to
   * another of the provider's indirect resellers (R13, last bullet). Nothing changes in Partner Center: the
   * provider keeps the reseller relationship and the customer keeps its associated reseller. Recording the
   * same grant again changes nothing.
   *
   * @param id the invitation id
   * @param resellerTenantId the reseller the customer granted delegated admin privileges to
   * @param recordedBy the user who records it, may be null
   * @return the grant as recorded and whether this call recorded it
   * @throws ResourceNotFoundException when no indirect invitation has that id
   * @throws ResourceConflictException when the invitation is not {@link InvitationStatus#ESTABLISHED}, or the
   *     customer is no longer the provider's reseller customer in Partner Center
   * @throws InvalidFieldsException naming {@code resellerTenantId} when it is the customer's associated
   *     reseller or not one of the provider's indirect resellers in an active partnership
   */
  public DelegatedAdminGrants.Recorded grantDelegatedAdmin(String id, String resellerTenantId, String recordedBy) {
    InvitationStatus status = find(id).status();
    if (status != InvitationStatus.ESTABLISHED) {
      throw new ResourceConflictException("Invitation " + id + " is " + status
          + "; delegated admin grants are recorded for an established relationship only", "status", status);
    }
    VariableMap variables = instances.variables(id, CUSTOMER_TENANT_ID.getName(), ASSOCIATED_PARTNER_ID.getName());
    String customerTenantId = CUSTOMER_TENANT_ID.from(variables).getOrNull();
    String reseller = resellerTenantId.trim().toLowerCase(Locale.ROOT);
    if (reseller.equalsIgnoreCase(ASSOCIATED_PARTNER_ID.from(variables).getOrNull())) {
      throw invalidReseller("is already the customer's associated reseller; name another reseller");
    }
    PartnerRelationship partnership = activePartnership(reseller)
        .or(() -> {
          // the relationships may be cached: a partnership made since is seen at once
          partnerCenter.forgetPartnerReads();
          return activePartnership(reseller);
        })
        .orElseThrow(() -> invalidReseller("must be one of the provider's indirect resellers in an active partnership"));
    Customer customer = partnerCenter.getCustomer(customerTenantId).filter(Customer::isReseller)
        .orElseThrow(() -> new ResourceConflictException("Customer " + customerTenantId
            + " is no longer a reseller customer of the provider in Partner Center"));
    DelegatedAdminGrants.Recorded recorded = grants.record(new DelegatedAdminGrant(
        id, customer.id(), reseller, partnership.name(), recordedBy, Instant.now()));
    log.info("Indirect invitation {}: customer {} granted delegated admin to reseller {} ({}), associated reseller {}",
        id, customer.id(), reseller, recorded.created() ? "recorded" : "already recorded", customer.associatedPartnerId());
    return recorded;
  }

  private Optional<PartnerRelationship> activePartnership(String reseller) {
    return partnerCenter.getPartnerRelationships(PartnerRelationshipType.IsIndirectCloudSolutionProviderOf).stream()
        .filter(relationship -> reseller.equalsIgnoreCase(relationship.id()) && InitiatorType.isActive(relationship))
        .findFirst();
  }

  /**
   * @return the operating indirect provider's indirect resellers in Partner Center (A3), for picking
   *     {@code resellerTenantId}
   */
  public List<PartnerRelationship> resellers() {
    return partnerCenter.getPartnerRelationships(PartnerRelationshipType.IsIndirectCloudSolutionProviderOf);
  }

  private static InvitationStatus runningStatus(Collection<String> activeActivityIds) {
    if (activeActivityIds.stream().anyMatch(WITH_RESELLER_ACTIVITIES::contains)) {
      return InvitationStatus.WITH_RESELLER;
    }
    if (activeActivityIds.contains(TASK_REVIEW_DECLINED_INVITATION)) {
      return InvitationStatus.DECLINED_BY_RESELLER;
    }
    return InvitationStatus.ofRunning(activeActivityIds, AdminAccess.NONE);
  }

  private static InvalidFieldsException invalidReseller(String message) {
    return new InvalidFieldsException(List.of(new FieldError("resellerTenantId", message)));
  }
}
