package io.partnerchannel.orchestrator.invitation;

import io.partnerchannel.orchestrator.notification.MailModel;
import io.partnerchannel.orchestrator.notification.MailTexts;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How an invitation ended, to the requesting agent ({@code templates/mail/requester-notification.html}).
 *
 * @param companyName the customer's company name (required)
 * @param customerDomain the customer's domain (required)
 * @param status how the invitation ended, one of {@link #FINAL_STATUSES} (required)
 * @param reason the reason in words, may be null
 * @param customerTenantId the customer's tenant id once it accepted, may be null
 * @param detailsUrl the case page, may be null
 * @param requesterName the agent's name for the greeting, may be null
 * @param partnerName the operating partner's name, the sender; may be null
 * @param resellerName the customer's associated indirect reseller, may be null
 * @param processInstanceId the invitation, the outbox entry's reference
 */
record RequesterOutcomeEmail(
    String companyName,
    String customerDomain,
    InvitationStatus status,
    String reason,
    String customerTenantId,
    String detailsUrl,
    String requesterName,
    String partnerName,
    String resellerName,
    String processInstanceId) implements MailModel {

  /** The statuses an invitation ends in (those of {@code GET /api/invitations/{id}} that do not change). */
  public static final Set<InvitationStatus> FINAL_STATUSES = EnumSet.of(
      InvitationStatus.ESTABLISHED, InvitationStatus.ALREADY_RELATED, InvitationStatus.REFUSED,
      InvitationStatus.EXPIRED, InvitationStatus.WITHDRAWN);

  /** @throws IllegalArgumentException when a required value is missing or the status is not final */
  public RequesterOutcomeEmail {
    MailModel.require("companyName", companyName);
    MailModel.require("customerDomain", customerDomain);
    MailModel.require("status", status);
    if (!FINAL_STATUSES.contains(status)) {
      throw new IllegalArgumentException("status must be one of " + FINAL_STATUSES + ", was " + status);
    }
  }

  @Override
  public String templateName() {
    return "requester-notification";
  }

  @Override
  public String subject(MailTexts texts) {
    return texts.message("mail.requester-notification.subject." + status.name(), companyName, customerDomain);
  }

  @Override
  public Map<String, Object> templateVariables(MailTexts texts) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("status", status.name());
    variables.put("senderName", partnerName);
    return variables;
  }

  @Override
  public String reference() {
    return processInstanceId;
  }
}
