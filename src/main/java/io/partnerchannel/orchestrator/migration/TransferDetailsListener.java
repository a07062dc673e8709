package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_EMAIL;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SOURCE_PARTNER_NAME;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SOURCE_PARTNER_TENANT_ID;

import io.partnerchannel.orchestrator.invitation.InvitationConstraints;
import io.partnerchannel.orchestrator.partnercenter.PartnerProperties;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Enter transfer details" ({@code Form_EnterTransferDetails}). A new-commerce transfer is
 * created by the target partner naming the source partner's tenant id and name and the customer's e-mail
 * (create-a-transfer: {@code sourcePartnerTenantId}, {@code sourcePartnerName}, {@code customerEmailId}, all
 * required). Partner Center does not show another partner's subscriptions, so the agent enters what the customer
 * tells: the source partner's tenant id (a GUID, not this partner: R7 refuses before any call), its name (1..256
 * characters) and the customer's e-mail. Refuses the completion naming the fields; stores them normalised.
 */
@Component("transferDetailsListener")
class TransferDetailsListener implements TaskListener {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final PartnerProperties partner;

  /** @param partner the operating partner, never the source of a transfer to itself */
  public TransferDetailsListener(PartnerProperties partner) {
    this.partner = partner;
  }

  @Override
  public void notify(DelegateTask task) {
    List<FieldError> errors = new ArrayList<>();
    String source = MigrationVariables.trimmed(SOURCE_PARTNER_TENANT_ID, task);
    if (source == null || !source.matches(InvitationConstraints.GUID_PATTERN)) {
      errors.add(new FieldError(SOURCE_PARTNER_TENANT_ID.getName(), "must be the current partner's tenant id (GUID)"));
    } else if (source.equalsIgnoreCase(partner.tenantId())) {
      errors.add(new FieldError(SOURCE_PARTNER_TENANT_ID.getName(),
          "must be another partner: a transfer moves subscriptions from the current partner to us (R7, R24)"));
    }
    String name = MigrationVariables.trimmed(SOURCE_PARTNER_NAME, task);
    if (name == null || name.length() > 256) {
      errors.add(new FieldError(SOURCE_PARTNER_NAME.getName(), "must be 1 to 256 characters"));
    }
    String email = MigrationVariables.trimmed(CUSTOMER_EMAIL, task);
    if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
      errors.add(new FieldError(CUSTOMER_EMAIL.getName(), "must be the customer's e-mail address"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException("Invalid transfer details", errors);
    }
    SOURCE_PARTNER_TENANT_ID.on(task.getExecution()).set(source.toLowerCase(Locale.ROOT));
    SOURCE_PARTNER_NAME.on(task.getExecution()).set(name);
    CUSTOMER_EMAIL.on(task.getExecution()).set(email.toLowerCase(Locale.ROOT));
  }
}
