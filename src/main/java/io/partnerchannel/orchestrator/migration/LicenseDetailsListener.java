package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.COMMITMENT_END_DATE_ENTERED;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.QUANTITY_ENTERED;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.BILLING_CYCLE;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.COMMITMENT_END_DATE;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.OFFER_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.QUANTITY;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.REMINDER_AT;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TERM_DURATION;

import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.web.FieldError;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Enter subscription details" of the license transition ({@code Form_EnterLicenseDetails}).
 * Partner Center does not show the other partner's subscription, so the agent enters it from the customer's
 * information (2020 rule set, R5, R36): the offer (1..128 characters, the offer this partner provisions again),
 * the seats (1..100000), the billing cycle ({@code monthly}, {@code annual}), the term ({@code P1M}, {@code P1Y},
 * {@code P3Y}) and the term's end date ({@code yyyy-MM-dd}, in the future). Sets the term end (end of that day, UTC)
 * and the agent's reminder {@code pco.migration.term-end-reminder} before it. Refuses naming the fields.
 */
@Component("licenseDetailsListener")
class LicenseDetailsListener implements TaskListener {

  private static final List<String> BILLING_CYCLES = List.of("monthly", "annual");
  private static final List<String> TERMS = List.of("P1M", "P1Y", "P3Y");

  private final MigrationProperties properties;

  /** @param properties the reminder lead time */
  public LicenseDetailsListener(MigrationProperties properties) {
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    List<FieldError> errors = new ArrayList<>();
    String offer = MigrationVariables.trimmed(OFFER_ID, task);
    if (offer == null || offer.length() > 128) {
      errors.add(new FieldError(OFFER_ID.getName(), "must be 1 to 128 characters"));
    }
    Integer quantity = null;
    try {
      Number entered = QUANTITY_ENTERED.from(task).getOrNull();
      quantity = entered == null ? null : new java.math.BigDecimal(entered.toString()).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    if (quantity == null || quantity < 1 || quantity > 100_000) {
      errors.add(new FieldError(QUANTITY.getName(), "must be a whole number from 1 to 100000"));
    }
    String cycle = MigrationVariables.trimmed(BILLING_CYCLE, task);
    if (cycle == null || !BILLING_CYCLES.contains(cycle)) {
      errors.add(new FieldError(BILLING_CYCLE.getName(), "must be one of " + BILLING_CYCLES));
    }
    String term = MigrationVariables.trimmed(TERM_DURATION, task);
    if (term == null || !TERMS.contains(term)) {
      errors.add(new FieldError(TERM_DURATION.getName(), "must be one of " + TERMS));
    }
    Date termEnd = null;
    try {
      String text = MigrationVariables.trimmed(COMMITMENT_END_DATE_ENTERED, task);
      termEnd = text == null ? null
          : Date.from(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text)
              .plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1));
    } catch (DateTimeParseException e) {
      // reported below
    }
    if (termEnd == null || !termEnd.after(ClockUtil.getCurrentTime())) {
      errors.add(new FieldError(COMMITMENT_END_DATE.getName(), "must be the term's end date (yyyy-MM-dd), in the future"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException("Invalid subscription details", errors);
    }
    OFFER_ID.on(task.getExecution()).set(offer);
    QUANTITY.on(task.getExecution()).set(quantity);
    BILLING_CYCLE.on(task.getExecution()).set(cycle);
    TERM_DURATION.on(task.getExecution()).set(term);
    COMMITMENT_END_DATE.on(task.getExecution()).set(termEnd);
    REMINDER_AT.on(task.getExecution()).set(Date.from(termEnd.toInstant().minus(properties.termEndReminder())));
  }
}
