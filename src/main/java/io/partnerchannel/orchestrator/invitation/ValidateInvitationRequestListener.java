package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CLOUD;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_DOMAIN;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.EXPIRES_AT;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REMINDER_INTERVAL;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REQUESTER;

import io.partnerchannel.orchestrator.invitation.InvalidInvitationRequestException.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code StartEvent_InvitationRequested}: checks the start variables with the same
 * Bean Validation rules as {@code POST /api/invitations}, refuses a second open invitation for the same
 * domain, then normalises the request and sets the defaults: {@code cloud} from
 * {@code pco.partner.cloud}, {@code reminderInterval} and {@code expiresAt} from {@code pco.invitation.*}.
 * It throws before anything is written, so a bad form submission starts no instance.
 */
@Component("validateInvitationRequest")
public class ValidateInvitationRequestListener implements ExecutionListener {

  private static final Logger log = LoggerFactory.getLogger(ValidateInvitationRequestListener.class);

  private final Validator validator;
  private final OpenInvitations openInvitations;
  private final InvitationProperties properties;
  private final String partnerCloud;

  /**
   * @param validator Bean Validation
   * @param openInvitations finds an open invitation for the same domain
   * @param properties reminder interval and validity defaults
   * @param partnerCloud {@code pco.partner.cloud}: GLOBAL, US_GOVERNMENT or 21VIANET
   */
  public ValidateInvitationRequestListener(
      Validator validator,
      OpenInvitations openInvitations,
      InvitationProperties properties,
      @Value("${pco.partner.cloud:GLOBAL}") String partnerCloud) {
    this.validator = validator;
    this.openInvitations = openInvitations;
    this.properties = properties;
    this.partnerCloud = partnerCloud;
  }

  @Override
  public void notify(DelegateExecution execution) {
    InvitationRequest request = readRequest(execution);
    List<FieldProblem> problems =
        validator.validate(request).stream()
            .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
            .map(ValidateInvitationRequestListener::toProblem)
            .toList();
    if (!problems.isEmpty()) {
      throw new InvalidInvitationRequestException(problems);
    }
    Map<String, Object> variables = request.toVariables();
    String domain = (String) variables.get(CUSTOMER_DOMAIN);
    openInvitations
        .findByDomain(domain)
        .ifPresent(
            open -> {
              throw new InvitationAlreadyOpenException(domain, open);
            });
    execution.setVariables(variables);
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(domain);
    }
    execution.setVariable(CLOUD, partnerCloud);
    if (execution.getVariable(REMINDER_INTERVAL) == null) {
      execution.setVariable(REMINDER_INTERVAL, properties.reminderIntervalIso());
    }
    if (!(execution.getVariable(EXPIRES_AT) instanceof Date)) {
      Instant now = ClockUtil.getCurrentTime().toInstant();
      execution.setVariable(EXPIRES_AT, Date.from(now.plus(properties.validity())));
    }
    if (!execution.hasVariable(REQUESTER)) {
      execution.setVariable(REQUESTER, null);
    }
    log.info(
        "Invitation {} requested for {} by {} (admin access {})",
        execution.getProcessInstanceId(),
        domain,
        execution.getVariable(REQUESTER),
        request.adminAccess());
  }

  private static InvitationRequest readRequest(DelegateExecution execution) {
    try {
      return InvitationRequest.fromVariables(execution);
    } catch (IllegalArgumentException e) {
      String field = e.getMessage() != null && e.getMessage().startsWith(InvitationVariables.GDAP_ROLES)
          ? InvitationVariables.GDAP_ROLES
          : InvitationVariables.ADMIN_ACCESS;
      String message = field.equals(InvitationVariables.ADMIN_ACCESS)
          ? "must be one of " + List.of(AdminAccess.values())
          : "must be a JSON array of role definition ids";
      throw new InvalidInvitationRequestException(List.of(new FieldProblem(field, field, message)));
    }
  }

  private static FieldProblem toProblem(ConstraintViolation<InvitationRequest> violation) {
    String path = violation.getPropertyPath().toString().replace(".<list element>", "");
    String field = path.contains("[") ? path.substring(0, path.indexOf('[')) : path;
    return new FieldProblem(
        path, InvitationRequest.variableOf(field) + path.substring(field.length()), violation.getMessage());
  }
}
