package io.partnerchannel.orchestrator.removal;

import io.partnerchannel.orchestrator.notification.MailOutbox;
import io.partnerchannel.orchestrator.web.PublicBaseUrl;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Notify requester": e-mails the requesting user how the removal ended ({@code removalStatus}), with what it does not
 * change ({@code unchangedByRemoval}, R18–R20) and a link to {@code GET /api/relationship-removals/{id}}
 * ({@link RemovalNotificationEmail}), queued in the outbox inside the job's transaction (one e-mail per
 * instance, whatever the retries). Without a requester or an e-mail address nothing is sent and that is logged.
 */
@Component("notifyRemovalRequester")
class NotifyRemovalRequesterDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(NotifyRemovalRequesterDelegate.class);

  private final IdentityService identityService;
  private final MailOutbox mailOutbox;
  private final PublicBaseUrl publicBaseUrl;

  NotifyRemovalRequesterDelegate(IdentityService identityService, MailOutbox mailOutbox, PublicBaseUrl publicBaseUrl) {
    this.identityService = identityService;
    this.mailOutbox = mailOutbox;
    this.publicBaseUrl = publicBaseUrl;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requester = RemovalVariables.REQUESTER.from(execution).getOrNull();
    User user = requester == null ? null : identityService.createUserQuery().userId(requester).singleResult();
    if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
      log.info("Relationship removal {}: requester '{}' has no e-mail address, no notification sent",
          execution.getProcessInstanceId(), requester);
      return;
    }
    String customerTenantId = RemovalVariables.CUSTOMER_TENANT_ID.from(execution).getOrNull();
    String companyName = RemovalVariables.COMPANY_NAME.from(execution).getOrNull();
    RemovalNotificationEmail email = new RemovalNotificationEmail(
        companyName == null ? customerTenantId : companyName,
        RemovalVariables.REMOVAL_STATUS.from(execution).getOrNull(),
        customerTenantId,
        RemovalVariables.REASON.from(execution).getOrNull(),
        RemovalVariables.UNCHANGED_BY_REMOVAL.from(execution).getOrNull(),
        displayName(user),
        publicBaseUrl.link("/api/relationship-removals/{id}", execution.getProcessInstanceId()),
        execution.getProcessInstanceId());
    String entry = mailOutbox.enqueue(execution.getProcessInstanceId() + ":removal-notification",
        user.getEmail(), Locale.ENGLISH, email);
    log.info("Relationship removal {}: requester {} notified ({})", execution.getProcessInstanceId(), requester, entry);
  }

  private static String displayName(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }
}
