package io.partnerchannel.orchestrator.invitation;

import io.partnerchannel.orchestrator.notification.MailModel;
import io.partnerchannel.orchestrator.notification.MailTexts;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The invitation to the customer's Global admin ({@code templates/mail/invitation.html}) and its reminder when the
 * agent chooses "resend" ({@code invitation-reminder.html}): the same content in other words. With
 * {@code resellerName} set (an indirect provider's invitation forwarded by its indirect reseller) the e-mail goes
 * out in the reseller's name.
 *
 * @param reminder whether this is the reminder
 * @param companyName the customer's company name (required)
 * @param partnerName the operating partner's name as the customer knows it (required)
 * @param invitationUrl the reseller relationship invitation link (required)
 * @param message the agent's message, line breaks kept; may be null or empty
 * @param adminAccess admin access requested with the relationship; null means {@link AdminAccess#NONE}
 * @param gdapRoles Entra role definition ids of a GDAP request, may be empty
 * @param gdapDuration ISO-8601 duration of a GDAP request (R29), may be null
 * @param expiresAt until when we follow the invitation up, may be null
 * @param resellerName the indirect reseller the e-mail goes out in the name of, may be null
 * @param processInstanceId the invitation, the outbox entry's reference
 */
record InvitationEmail(
    boolean reminder,
    String companyName,
    String partnerName,
    String invitationUrl,
    String message,
    AdminAccess adminAccess,
    List<String> gdapRoles,
    String gdapDuration,
    Date expiresAt,
    String resellerName,
    String processInstanceId) implements MailModel {

  /** @throws IllegalArgumentException when a required value is missing, naming it */
  public InvitationEmail {
    MailModel.require("companyName", companyName);
    MailModel.require("partnerName", partnerName);
    MailModel.require("invitationUrl", invitationUrl);
    adminAccess = adminAccess == null ? AdminAccess.NONE : adminAccess;
    gdapRoles = gdapRoles == null ? List.of() : List.copyOf(gdapRoles);
    resellerName = resellerName == null || resellerName.isBlank() ? null : resellerName.trim();
  }

  @Override
  public String templateName() {
    return reminder ? "invitation-reminder" : "invitation";
  }

  @Override
  public String subject(MailTexts texts) {
    return resellerName != null
        ? texts.message("mail." + templateName() + ".subject.indirect", resellerName, companyName, partnerName)
        : texts.message("mail." + templateName() + ".subject", partnerName, companyName);
  }

  @Override
  public Map<String, Object> templateVariables(MailTexts texts) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("adminAccess", adminAccess.name());
    variables.put("senderName", resellerName != null ? resellerName : partnerName);
    variables.put("roles", texts.roles(gdapRoles));
    variables.put("durationText", texts.duration(gdapDuration));
    variables.put("expiresOn", texts.longDate(expiresAt));
    return variables;
  }

  @Override
  public String reference() {
    return processInstanceId;
  }
}
