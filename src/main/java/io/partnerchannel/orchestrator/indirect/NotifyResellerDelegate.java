package io.partnerchannel.orchestrator.indirect;

import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.FORWARDED_BY;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_NAME;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_TENANT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.COMPANY_NAME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_DOMAIN;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.PARTNER_NAME;

import io.partnerchannel.orchestrator.invitation.InvitationMail;
import io.partnerchannel.orchestrator.notification.MailRecipients;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

  private final ResellerNotices notices;

  NotifyResellerDelegate(ResellerNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String resellerTenantId = RESELLER_TENANT_ID.from(execution).getOrNull();
    List<String> entries = notices.send(InvitationMail.idempotencyKey(execution), FORWARDED_BY.from(execution).getOrNull(),
        resellerTenantId, displayName -> new ResellerNotificationEmail(
            COMPANY_NAME.from(execution).getOrNull(),
            CUSTOMER_DOMAIN.from(execution).getOrNull(),
            PARTNER_NAME.from(execution).getOrNull(),
            RESELLER_NAME.from(execution).getOrNull(),
            CUSTOMER_TENANT_ID.from(execution).getOrNull(),
            displayName,
            execution.getProcessInstanceId()));
    log.debug("Invitation {}: reseller {} notified ({} e-mail(s): {})", execution.getProcessInstanceId(),
        resellerTenantId, entries.size(), entries);
  }
}
