package io.partnerchannel.orchestrator.removal;

import io.partnerchannel.orchestrator.notification.MailModel;
import io.partnerchannel.orchestrator.notification.MailTexts;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the removal of a reseller relationship ended and what it does not change, to the requesting user
 * ({@code templates/mail/removal-notification.html}).
 *
 * @param companyName the customer's company name, or its tenant id when unknown (required)
 * @param status how the removal ended, one of {@link #STATUSES} (required, any case)
 * @param customerTenantId the customer's tenant id, may be null
 * @param reason why, may be null
 * @param unchanged what the removal does not change (R18–R20), one item per line; may be null
 * @param requesterName the requester's name for the greeting, may be null
 * @param detailsUrl where the removal's details are read, may be null
 * @param processInstanceId the removal, the outbox entry's reference
 */
record RemovalNotificationEmail(
    String companyName,
    String status,
    String customerTenantId,
    String reason,
    String unchanged,
    String requesterName,
    String detailsUrl,
    String processInstanceId) implements MailModel {

  /** How a removal ends. */
  static final Set<String> STATUSES = Set.of("REMOVED", "NOT_RELATED", "CANCELLED");

  /** @throws IllegalArgumentException when a required value is missing or the status unknown */
  RemovalNotificationEmail {
    MailModel.require("companyName", companyName);
    MailModel.require("status", status);
    status = status.trim().toUpperCase(Locale.ROOT);
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("status must be one of " + STATUSES + ", was " + status);
    }
  }

  @Override
  public String templateName() {
    return "removal-notification";
  }

  @Override
  public String subject(MailTexts texts) {
    return texts.message("mail.removal-notification.subject." + status, companyName);
  }

  @Override
  public Map<String, Object> templateVariables(MailTexts texts) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("unchanged", unchanged == null || unchanged.isBlank() ? List.of() : List.of(unchanged.trim().split("\\R")));
    return variables;
  }

  @Override
  public String reference() {
    return processInstanceId;
  }
}
