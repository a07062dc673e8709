package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.ADMIN_ACCESS;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.COMPANY_NAME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_DOMAIN;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_ACCESS_ASSIGNMENT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_RELATIONSHIP_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.OUTCOME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.PARTNER_NAME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REASON;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REASON_CODE;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REQUESTER;

import io.partnerchannel.orchestrator.notification.AgentLanguage;
import io.partnerchannel.orchestrator.notification.MailModel;
import io.partnerchannel.orchestrator.notification.MailOutbox;
import io.partnerchannel.orchestrator.notification.MailTemplate;
import io.partnerchannel.orchestrator.web.PublicBaseUrl;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the requesting agent how the invitation ended, by e-mail to the address of the requester's Camunda user,
 * in the agent's language ({@link AgentLanguage}): on "Notify requester" that the relationship is established
 * (and how GDAP ended, or which indirect reseller is the customer's associated partner); on the message end
 * events "Customer already related", "Invitation refused", "Follow-up ended" and "Invitation withdrawn" the
 * outcome their input {@code outcome} names, with the reason in words ({@link InvitationReasons}; also recorded in
 * English as the process variable {@code reason} for the history's readers). The e-mail
 * links the case page {@code /cases/{processInstanceId}}. It goes through the outbox with the key
 * {@code <processInstanceId>:<activityInstanceId>}, so a retried job never sends it twice. When the invitation
 * was started without a user, or the user has no e-mail address, nothing is sent and that is logged. Shared by
 * both invitation processes.
 */
@Component("notifyRequester")
class NotifyRequesterDelegate implements JavaDelegate {

  /** The case page of a process instance, linked from the e-mail. */
  public static final String CASE_PAGE = "/cases/{processInstanceId}";

  private static final Logger log = LoggerFactory.getLogger(NotifyRequesterDelegate.class);

  private final IdentityService identityService;
  private final MailOutbox mailOutbox;
  private final PublicBaseUrl publicBaseUrl;
  private final AgentLanguage agentLanguage;
  private final InvitationReasons reasons;

  /**
   * @param identityService the engine's identity service (users and their e-mail)
   * @param mailOutbox the e-mail outbox
   * @param publicBaseUrl {@code pco.public-base-url}, the base of the case page link
   * @param agentLanguage the language of the requester
   * @param reasons the reason in words
   */
  public NotifyRequesterDelegate(
      IdentityService identityService,
      MailOutbox mailOutbox,
      PublicBaseUrl publicBaseUrl,
      AgentLanguage agentLanguage,
      InvitationReasons reasons) {
    this.identityService = identityService;
    this.mailOutbox = mailOutbox;
    this.publicBaseUrl = publicBaseUrl;
    this.agentLanguage = agentLanguage;
    this.reasons = reasons;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requester = text(execution, REQUESTER);
    InvitationStatus outcome = execution.hasVariableLocal(OUTCOME)
        ? InvitationStatus.valueOf(text(execution, OUTCOME))
        : InvitationStatus.ESTABLISHED;
    // The reason in words, recorded for whoever reads the history (case pages, the onboarding that called it).
    if (execution.getVariableTyped(REASON_CODE) instanceof StringValue code && code.getValue() != null) {
      execution.setVariable(REASON, reasons.text(execution, Locale.ENGLISH));
    }
    User user = requester == null ? null : identityService.createUserQuery().userId(requester).singleResult();
    if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
      log.debug(
          "Invitation {} ended {}: requester '{}' has no e-mail address, no notification sent",
          execution.getProcessInstanceId(), outcome, requester);
      return;
    }
    Locale language = agentLanguage.of(requester);
    Map<String, Object> model = new HashMap<>();
    for (String name :
        new String[] {
          COMPANY_NAME, CUSTOMER_DOMAIN, CUSTOMER_TENANT_ID, PARTNER_NAME, ADMIN_ACCESS, GDAP_RELATIONSHIP_ID,
          GDAP_ACCESS_ASSIGNMENT_ID, MailModel.RESELLER_NAME
        }) {
      model.put(name, execution.getVariable(name));
    }
    model.put(MailModel.REASON, reasons.text(execution, language));
    model.put(REQUESTER, requester);
    model.put(MailModel.REQUESTER_NAME, InvitationMail.displayName(user));
    model.put(MailModel.STATUS, outcome.name());
    model.put(MailModel.PROCESS_INSTANCE_ID, execution.getProcessInstanceId());
    model.put(MailModel.DETAILS_URL, publicBaseUrl.link(CASE_PAGE, execution.getProcessInstanceId()));
    String entry =
        mailOutbox.enqueue(
            InvitationMail.idempotencyKey(execution),
            MailTemplate.REQUESTER_NOTIFICATION,
            user.getEmail(),
            language,
            model);
    log.debug("Invitation {}: requester {} told {} ({})", execution.getProcessInstanceId(), requester, outcome, entry);
  }

  private static String text(DelegateExecution execution, String name) {
    return execution.getVariableTyped(name) instanceof StringValue value ? value.getValue() : null;
  }
}
