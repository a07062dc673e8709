package io.partnerchannel.orchestrator.indirect;

import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.FORWARDED_BY;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_NAME;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_TENANT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.COMPANY_NAME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_DOMAIN;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.PARTNER_NAME;

import io.partnerchannel.orchestrator.invitation.InvitationMail;
import io.partnerchannel.orchestrator.notification.MailModel;
import io.partnerchannel.orchestrator.notification.MailOutbox;
import io.partnerchannel.orchestrator.notification.MailTemplate;
import java.util.HashMap;
import java.util.List;
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
 * "Notify reseller": tells the indirect reseller's staff that the customer accepted the invitation they
 * forwarded, the provider owning the relationship and the reseller being the customer's associated partner
 * (R13, R15). It e-mails the staff member who forwarded ({@code forwardedBy}); when that user has no e-mail
 * address, every member of the reseller's group {@code reseller-<resellerTenantId>} that has one. One e-mail
 * per recipient, each with its own idempotency key, so a retried job sends none twice.
 */
@Component("notifyReseller")
class NotifyResellerDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(NotifyResellerDelegate.class);

  private final IdentityService identityService;
  private final MailOutbox mailOutbox;

  /**
   * @param identityService the engine's identity service (users, groups and their e-mail)
   * @param mailOutbox the e-mail outbox
   */
  public NotifyResellerDelegate(IdentityService identityService, MailOutbox mailOutbox) {
    this.identityService = identityService;
    this.mailOutbox = mailOutbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String resellerTenantId = (String) execution.getVariable(RESELLER_TENANT_ID);
    List<User> recipients = recipients((String) execution.getVariable(FORWARDED_BY), resellerTenantId);
    if (recipients.isEmpty()) {
      log.debug("Invitation {}: nobody of reseller {} has an e-mail address, no notification sent",
          execution.getProcessInstanceId(), resellerTenantId);
      return;
    }
    for (User user : recipients) {
      Map<String, Object> model = new HashMap<>();
      for (String name : new String[] {COMPANY_NAME, CUSTOMER_DOMAIN, CUSTOMER_TENANT_ID, PARTNER_NAME, RESELLER_NAME}) {
        model.put(name, execution.getVariable(name));
      }
      model.put(MailModel.REQUESTER_NAME, InvitationMail.displayName(user));
      model.put(MailModel.PROCESS_INSTANCE_ID, execution.getProcessInstanceId());
      String entry = mailOutbox.enqueue(InvitationMail.idempotencyKey(execution) + ":" + user.getId(),
          MailTemplate.RESELLER_NOTIFICATION, user.getEmail(), Locale.ENGLISH, model);
      log.debug("Invitation {}: reseller {} notified at {} ({})", execution.getProcessInstanceId(), resellerTenantId,
          user.getId(), entry);
    }
  }

  private List<User> recipients(String forwardedBy, String resellerTenantId) {
    User forwarder = forwardedBy == null ? null : identityService.createUserQuery().userId(forwardedBy).singleResult();
    if (hasEmail(forwarder)) {
      return List.of(forwarder);
    }
    return identityService.createUserQuery()
        .memberOfGroup(IndirectResellerInvitationProcess.resellerGroup(resellerTenantId))
        .orderByUserId().asc()
        .list().stream()
        .filter(NotifyResellerDelegate::hasEmail)
        .toList();
  }

  private static boolean hasEmail(User user) {
    return user != null && user.getEmail() != null && !user.getEmail().isBlank();
  }
}
