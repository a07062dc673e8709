package io.partnerchannel.orchestrator.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox tests' e-mail: fills the {@code invitation} template the way a feature's model does, so a stored or
 * sent e-mail reads like a real one, without the notification tests knowing a feature.
 */
record SampleInvitationMail(
    String companyName, String partnerName, String invitationUrl, String message, String processInstanceId)
    implements MailModel {

  static final String INVITATION_URL = "http://localhost:8080/sandbox/Adminportal/Home?invType=ResellerRelationship"
      + "&partnerId=a1b2c3d4-0000-4000-8000-000000000001&msppId=0&DAP=false#/BillingAccounts/partner-invitation";

  /** @return Northwind's invitation to Adatum, referencing {@code processInstanceId} */
  static SampleInvitationMail of(String processInstanceId) {
    return new SampleInvitationMail("Adatum Corporation", "Northwind Cloud Solutions", INVITATION_URL,
        "As discussed on the phone.\nSee you soon!", processInstanceId);
  }

  SampleInvitationMail withMessage(String otherMessage) {
    return new SampleInvitationMail(companyName, partnerName, invitationUrl, otherMessage, processInstanceId);
  }

  @Override
  public String templateName() {
    return "invitation";
  }

  @Override
  public String subject(MailTexts texts) {
    return texts.message("mail.invitation.subject", partnerName, companyName);
  }

  @Override
  public Map<String, Object> templateVariables(MailTexts texts) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("adminAccess", "NONE");
    variables.put("senderName", partnerName);
    variables.put("roles", List.of());
    variables.put("durationText", null);
    variables.put("expiresOn", null);
    return variables;
  }

  @Override
  public String reference() {
    return processInstanceId;
  }
}
