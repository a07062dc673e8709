package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.ADMIN_ACCESS;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.COMPANY_NAME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_DOMAIN;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_ACCESS_ASSIGNMENT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_RELATIONSHIP_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.PARTNER_NAME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REASON;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REQUESTER;

import io.partnerchannel.orchestrator.notification.MailOutbox;
import io.partnerchannel.orchestrator.notification.MailTemplate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Notify requester": tells the requesting agent that the reseller relationship is established (and how
 * GDAP ended), by e-mail to the address of the requester's Camunda user. When the invitation was started
 * without a user, or the user has no e-mail address, nothing is sent and that is logged.
 */
@Component("notifyRequester")
public class NotifyRequesterDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(NotifyRequesterDelegate.class);

  private final IdentityService identityService;
  private final MailOutbox mailOutbox;

  /**
   * @param identityService the engine's identity service (users and their e-mail)
   * @param mailOutbox the e-mail outbox
   */
  public NotifyRequesterDelegate(IdentityService identityService, MailOutbox mailOutbox) {
    this.identityService = identityService;
    this.mailOutbox = mailOutbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requester = (String) execution.getVariable(REQUESTER);
    User user = requester == null ? null : identityService.createUserQuery().userId(requester).singleResult();
    if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
      log.info(
          "Invitation {}: requester '{}' has no e-mail address, no notification sent",
          execution.getProcessInstanceId(), requester);
      return;
    }
    Map<String, Object> model = new HashMap<>();
    for (String name :
        new String[] {
          COMPANY_NAME, CUSTOMER_DOMAIN, CUSTOMER_TENANT_ID, PARTNER_NAME, ADMIN_ACCESS, GDAP_RELATIONSHIP_ID,
          GDAP_ACCESS_ASSIGNMENT_ID, REASON
        }) {
      model.put(name, execution.getVariable(name));
    }
    model.put(REQUESTER, requester);
    model.put("requesterName", displayName(user));
    model.put("status", InvitationStatus.ESTABLISHED.name());
    model.put("invitationId", execution.getProcessInstanceId());
    String entry =
        mailOutbox.enqueue(
            InvitationMail.idempotencyKey(execution),
            MailTemplate.REQUESTER_NOTIFICATION,
            user.getEmail(),
            Locale.ENGLISH,
            model);
    log.info("Invitation {}: requester {} notified ({})", execution.getProcessInstanceId(), requester, entry);
  }

  private static String displayName(User user) {
    String name =
        ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName()))
            .trim();
    return name.isEmpty() ? user.getId() : name;
  }
}
