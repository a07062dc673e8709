package io.partnerchannel.orchestrator.indirect;

import io.partnerchannel.orchestrator.notification.MailModel;
import io.partnerchannel.orchestrator.notification.MailTexts;
import java.util.Map;

/**
 * Notice to an indirect reseller's staff that the customer accepted the invitation they forwarded (R15)
 * ({@code templates/mail/reseller-notification.html}).
 *
 * @param companyName the customer's company name (required)
 * @param customerDomain the customer's domain (required)
 * @param partnerName the indirect provider that holds the relationship, the sender (required)
 * @param resellerName the reseller, now the customer's associated indirect reseller (required)
 * @param customerTenantId the customer's tenant id, may be null
 * @param requesterName the staff member's name for the greeting, may be null
 * @param processInstanceId the invitation, the outbox entry's reference
 */
record ResellerNotificationEmail(
    String companyName,
    String customerDomain,
    String partnerName,
    String resellerName,
    String customerTenantId,
    String requesterName,
    String processInstanceId) implements MailModel {

  /** @throws IllegalArgumentException when a required value is missing, naming it */
  public ResellerNotificationEmail {
    MailModel.require("companyName", companyName);
    MailModel.require("customerDomain", customerDomain);
    MailModel.require("partnerName", partnerName);
    MailModel.require("resellerName", resellerName);
  }

  @Override
  public String templateName() {
    return "reseller-notification";
  }

  @Override
  public String subject(MailTexts texts) {
    return texts.message("mail.reseller-notification.subject", companyName, customerDomain);
  }

  @Override
  public Map<String, Object> templateVariables(MailTexts texts) {
    return Map.of("senderName", partnerName);
  }

  @Override
  public String reference() {
    return processInstanceId;
  }
}
