package io.partnerchannel.orchestrator.invitation;

import io.partnerchannel.orchestrator.notification.MailModel;
import io.partnerchannel.orchestrator.notification.MailTexts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The GDAP approval link (G6) to the customer's Global admin ({@code templates/mail/gdap-approval.html}).
 *
 * @param companyName the customer's company name (required)
 * @param partnerName the operating partner's name (required)
 * @param gdapApprovalUrl where the Global admin approves the relationship (required)
 * @param gdapRoles the requested Entra role definition ids (at least one)
 * @param gdapDuration ISO-8601 duration of the relationship, e.g. {@code P730D} (required, R29)
 * @param processInstanceId the requesting process, the outbox entry's reference
 */
record GdapApprovalEmail(
    String companyName,
    String partnerName,
    String gdapApprovalUrl,
    List<String> gdapRoles,
    String gdapDuration,
    String processInstanceId) implements MailModel {

  /** @throws IllegalArgumentException when a required value is missing, naming it */
  public GdapApprovalEmail {
    MailModel.require("companyName", companyName);
    MailModel.require("partnerName", partnerName);
    MailModel.require("gdapApprovalUrl", gdapApprovalUrl);
    MailModel.require("gdapRoles", gdapRoles == null || gdapRoles.isEmpty() ? null : gdapRoles);
    MailModel.require("gdapDuration", gdapDuration);
    gdapRoles = List.copyOf(gdapRoles);
  }

  @Override
  public String templateName() {
    return "gdap-approval";
  }

  @Override
  public String subject(MailTexts texts) {
    return texts.message("mail.gdap-approval.subject", partnerName, companyName);
  }

  @Override
  public Map<String, Object> templateVariables(MailTexts texts) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("senderName", partnerName);
    variables.put("roles", texts.roles(gdapRoles));
    variables.put("durationText", texts.duration(gdapDuration));
    return variables;
  }

  @Override
  public String reference() {
    return processInstanceId;
  }
}
