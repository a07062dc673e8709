package io.partnerchannel.orchestrator.notification;

/**
 * The e-mails the processes send; each is {@code templates/mail/<templateName>.html} plus its texts under
 * {@code mail.<templateName>.*} in {@code mail/messages*.properties} (en, it, pt, sv). The model keys each
 * template reads are listed in {@link MailModel}.
 */
public enum MailTemplate {
  /** Reseller relationship invitation to the customer's Global admin: link, partner, message, requested access. */
  INVITATION("invitation"),
  /** Reminder of a pending invitation, sent when the agent chooses "resend". */
  INVITATION_REMINDER("invitation-reminder"),
  /** GDAP approval link to the customer's Global admin. */
  GDAP_APPROVAL("gdap-approval"),
  /** Reminder to a GDAP relationship's owner that it expires and cannot auto-extend (R30); a new one is requested. */
  GDAP_EXPIRY_REMINDER("gdap-expiry-reminder"),
  /** Notice to the requesting agent that the relationship is established (or why the process ended). */
  REQUESTER_NOTIFICATION("requester-notification"),
  /** Notice to an indirect reseller's staff that the customer accepted the invitation they forwarded (R15). */
  RESELLER_NOTIFICATION("reseller-notification"),
  /** Notice to the requesting user how the removal of a reseller relationship ended and what it does not change. */
  REMOVAL_NOTIFICATION("removal-notification");

  private final String templateName;

  MailTemplate(String templateName) {
    this.templateName = templateName;
  }

  /** @return the Thymeleaf template name under {@code templates/mail/} */
  public String templateName() {
    return templateName;
  }
}
