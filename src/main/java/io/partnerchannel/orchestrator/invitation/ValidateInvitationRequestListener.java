package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CLOUD;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_DOMAIN;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.EXPIRES_AT;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REMINDER_INTERVAL;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REQUESTER;

import io.partnerchannel.orchestrator.forms.VariableUpdates;
import io.partnerchannel.orchestrator.partnercenter.PartnerProperties;
import io.partnerchannel.orchestrator.web.FieldError;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.web.ValidationGate;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code StartEvent_InvitationRequested}: checks the start variables at the same gate as
 * {@code POST /api/invitations} ({@link ValidationGate} on {@link InvitationRequest}), refuses a second open invitation for the same
 * domain, then normalises the request and sets the defaults: {@code cloud} from
 * {@code pco.partner.cloud}, {@code reminderInterval} and {@code expiresAt} from {@code pco.invitation.*}.
 * It throws before anything is written, so a bad form submission starts no instance. Other invitation
 * processes reuse {@link #prepareStart} from their own start listeners.
 */
@Component("validateInvitationRequest")
public class ValidateInvitationRequestListener implements ExecutionListener {

  private static final Logger log = LoggerFactory.getLogger(ValidateInvitationRequestListener.class);

  private final ValidationGate gate;
  private final OpenInvitations openInvitations;
  private final InvitationProperties properties;
  private final String partnerCloud;

  /**
   * @param gate the validation gate of starts
   * @param openInvitations claims the domain for the starting invitation (one open invitation per domain)
   * @param properties reminder interval and validity defaults
   * @param partner the operating partner, whose {@code pco.partner.cloud} is GLOBAL, US_GOVERNMENT or 21VIANET
   */
  public ValidateInvitationRequestListener(
      ValidationGate gate,
      OpenInvitations openInvitations,
      InvitationProperties properties,
      PartnerProperties partner) {
    this.gate = gate;
    this.openInvitations = openInvitations;
    this.properties = properties;
    this.partnerCloud = partner.cloud();
  }

  @Override
  public void notify(DelegateExecution execution) {
    InvitationRequest request = InvitationRequest.fromVariables(execution);
    prepareStart(execution, request, gate.errors(request, InvitationRequest::variableOf));
  }

  /**
   * The start checks of every invitation process: refuses the start when {@code problems} (found by the
   * caller's gate) or the timer overrides are invalid, or when an invitation for the same domain is still open
   * (the domain is claimed in this transaction, {@link OpenInvitations#claim});
   * otherwise stores the normalised request, the business key (the domain) and the defaults
   * ({@code cloud}, {@code reminderInterval}, {@code expiresAt}, {@code requester}).
   *
   * @param execution the starting execution
   * @param request the request read from the start variables
   * @param problems what the caller found invalid in it, named by process variable, may be empty
   * @throws InvalidFieldsException when anything is invalid
   * @throws InvitationAlreadyOpenException when an invitation for the domain is open
   */
  public void prepareStart(DelegateExecution execution, InvitationRequest request, List<FieldError> problems) {
    List<FieldError> all = new ArrayList<>(problems);
    all.addAll(overrideProblems(execution));
    if (!all.isEmpty()) {
      throw new InvalidFieldsException(InvitationRequest.INVALID, all);
    }
    VariableMap variables = Variables.fromMap(request.toVariables());
    String domain = CUSTOMER_DOMAIN.from(variables).get();
    openInvitations.claim(domain, execution.getProcessInstanceId());
    VariableUpdates.setChanged(execution, variables);
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(domain);
    }
    CLOUD.on(execution).set(partnerCloud);
    if (execution.getVariable(REMINDER_INTERVAL.getName()) == null) {
      REMINDER_INTERVAL.on(execution).set(properties.reminderIntervalIso());
    }
    if (execution.getVariable(EXPIRES_AT.getName()) == null) {
      Instant now = ClockUtil.getCurrentTime().toInstant();
      EXPIRES_AT.on(execution).set(Date.from(now.plus(properties.validity())));
    }
    if (!execution.hasVariable(REQUESTER.getName())) {
      REQUESTER.on(execution).set(null);
    }
    log.info(
        "Invitation {} requested for {} by {} (admin access {})",
        execution.getProcessInstanceId(),
        domain,
        execution.getVariable(REQUESTER.getName()),
        request.adminAccess());
  }

  /**
   * {@code reminderInterval} and {@code expiresAt} are not part of the request, but a start may set them
   * (tests, scripts through the engine REST API); when set they must be usable by the timers.
   */
  private static List<FieldError> overrideProblems(DelegateExecution execution) {
    List<FieldError> problems = new ArrayList<>();
    Object interval = execution.getVariable(REMINDER_INTERVAL.getName());
    if (interval != null && !isIsoDuration(interval.toString())) {
      problems.add(new FieldError(REMINDER_INTERVAL.getName(), "must be an ISO-8601 duration such as P7D"));
    }
    Object expiresAt = execution.getVariable(EXPIRES_AT.getName());
    if (expiresAt != null && !(expiresAt instanceof Date)) {
      problems.add(new FieldError(EXPIRES_AT.getName(), "must be a date"));
    }
    return problems;
  }

  private static boolean isIsoDuration(String text) {
    try {
      Duration.parse(text);
      return true;
    } catch (DateTimeParseException notADuration) {
      try {
        Period.parse(text);
        return true;
      } catch (DateTimeParseException notAPeriod) {
        return false;
      }
    }
  }
}
