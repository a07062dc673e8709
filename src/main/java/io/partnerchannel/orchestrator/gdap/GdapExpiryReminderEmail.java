package io.partnerchannel.orchestrator.gdap;

import io.partnerchannel.orchestrator.notification.MailModel;
import io.partnerchannel.orchestrator.notification.MailTexts;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reminder to a GDAP relationship's owner that it ends and cannot auto-extend (R30), and that a new relationship
 * waits for the customer's approval ({@code templates/mail/gdap-expiry-reminder.html}).
 *
 * @param companyName the customer's company name (required)
 * @param expiresAt the relationship's {@code endDateTime} (required)
 * @param gdapRelationshipId the relationship's id (required)
 * @param gdapRoles its Entra role definition ids, may be empty
 * @param customerTenantId the customer's tenant id, may be null
 * @param finalReminder whether this is the last reminder before the end
 * @param requesterName the owner's name for the greeting, may be null
 * @param processInstanceId the lifecycle, the outbox entry's reference
 */
record GdapExpiryReminderEmail(
    String companyName,
    Date expiresAt,
    String gdapRelationshipId,
    List<String> gdapRoles,
    String customerTenantId,
    boolean finalReminder,
    String requesterName,
    String processInstanceId) implements MailModel {

  /** @throws IllegalArgumentException when a required value is missing, naming it */
  public GdapExpiryReminderEmail {
    MailModel.require("companyName", companyName);
    MailModel.require("expiresAt", expiresAt);
    MailModel.require("gdapRelationshipId", gdapRelationshipId);
    gdapRoles = gdapRoles == null ? List.of() : List.copyOf(gdapRoles);
  }

  @Override
  public String templateName() {
    return "gdap-expiry-reminder";
  }

  @Override
  public String subject(MailTexts texts) {
    return texts.message("mail.gdap-expiry-reminder.subject" + (finalReminder ? ".final" : ""),
        companyName, texts.longDate(expiresAt));
  }

  @Override
  public Map<String, Object> templateVariables(MailTexts texts) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("expiresOn", texts.longDate(expiresAt));
    variables.put("roles", texts.roles(gdapRoles));
    variables.put("durationText", null);
    return variables;
  }

  @Override
  public String reference() {
    return processInstanceId;
  }
}
