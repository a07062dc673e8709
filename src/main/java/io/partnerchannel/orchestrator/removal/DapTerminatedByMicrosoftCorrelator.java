package io.partnerchannel.orchestrator.removal;

import io.holunda.camunda.bpm.data.CamundaBpmData;
import io.partnerchannel.orchestrator.events.CorrelationResult;
import io.partnerchannel.orchestrator.events.EventCorrelator;
import io.partnerchannel.orchestrator.events.InboxEvent;
import io.partnerchannel.orchestrator.partnercenter.AuditRecord;
import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * {@code dap-admin-relationship-terminated-by-microsoft} (partner-center-webhook-events; R33): Microsoft terminated
 * this partner's DAP with a customer after 90 days without use. The event names no customer (no {@code ResourceUri},
 * {@code ResourceName} {@code PartnerCustomerDap}), so the customer is read from Partner Center's activity records of
 * {@code partner_customer_dap} around the event's {@code ResourceChangeUtcDate} (get-a-record-of-partner-center-activity-by-user;
 * records within {@value #MATCH_WINDOW_MINUTES} minutes of the change). For each such customer the termination is
 * recorded at the activity record's {@code operationDate} ({@link DapTerminations}) and a {@code DapTerminatedByMicrosoft}
 * instance offers a GDAP request; a repeated delivery, or another event matching the same activity record, records and
 * starts nothing again. While no activity record shows yet the event stays pending (retried by the
 * inbox) for a day, then it is ignored with that reason.
 */
@Component
class DapTerminatedByMicrosoftCorrelator implements EventCorrelator {

  /** The Partner Center event name. */
  static final String EVENT_NAME = "dap-admin-relationship-terminated-by-microsoft";
  /** How far an activity record's {@code operationDate} may be from the event's change time. */
  static final long MATCH_WINDOW_MINUTES = 10;
  private static final Duration WAIT_FOR_AUDIT_RECORD = Duration.ofDays(1);

  private final PartnerCenter partnerCenter;
  private final DapTerminations terminations;
  private final RuntimeService runtimeService;

  DapTerminatedByMicrosoftCorrelator(PartnerCenter partnerCenter, DapTerminations terminations, RuntimeService runtimeService) {
    this.partnerCenter = partnerCenter;
    this.terminations = terminations;
    this.runtimeService = runtimeService;
  }

  @Override
  public String eventName() {
    return EVENT_NAME;
  }

  @Override
  public CorrelationResult correlate(InboxEvent event) {
    OffsetDateTime changedAt;
    try {
      changedAt = OffsetDateTime.parse(event.resourceChangeUtcDate().trim()).withOffsetSameInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return CorrelationResult.ignored("ResourceChangeUtcDate " + event.resourceChangeUtcDate() + " is no date-time");
    }
    Duration window = Duration.ofMinutes(MATCH_WINDOW_MINUTES);
    Map<String, AuditRecord> customers = new LinkedHashMap<>();
    for (AuditRecord record : partnerCenter.getAuditRecords(changedAt.minus(window).toLocalDate(),
        changedAt.plus(window).toLocalDate(), AuditRecord.PARTNER_CUSTOMER_DAP)) {
      if (record.customerId() != null && record.operationDate() != null
          && Duration.between(record.operationDate(), changedAt).abs().compareTo(window) <= 0) {
        customers.putIfAbsent(record.customerId().toLowerCase(java.util.Locale.ROOT), record);
      }
    }
    if (customers.isEmpty()) {
      boolean stillWaiting = event.receivedAt() == null
          || event.receivedAt().plus(WAIT_FOR_AUDIT_RECORD).isAfter(OffsetDateTime.now(ZoneOffset.UTC));
      String detail = "no partner_customer_dap activity record within " + MATCH_WINDOW_MINUTES + " minutes of " + changedAt
          + " names the customer";
      return stillWaiting ? CorrelationResult.pending(detail) : CorrelationResult.ignored(detail + " after a day");
    }
    List<String> recorded = new ArrayList<>();
    for (Map.Entry<String, AuditRecord> entry : customers.entrySet()) {
      recorded.add(record(event, entry.getKey(), entry.getValue()));
    }
    return CorrelationResult.correlated("DAP termination by Microsoft recorded: " + String.join(", ", recorded));
  }

  /** Records one customer's termination and starts its follow-up, unless recorded before. */
  private String record(InboxEvent event, String customerTenantId, AuditRecord record) {
    OffsetDateTime terminatedAt = record.operationDate().withOffsetSameInstant(ZoneOffset.UTC);
    DapTermination termination = new DapTermination(UUID.randomUUID().toString(), customerTenantId, record.customerName(),
        terminatedAt, event.id(), null, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
    if (!terminations.insertIfNew(termination)) {
      return customerTenantId + " (recorded before)";
    }
    String customerDomain = partnerCenter.getCustomer(customerTenantId)
        .map(Customer::companyProfile).map(Customer.CompanyProfile::domain).orElse(null);
    String processInstanceId = runtimeService.startProcessInstanceByKey(
        ResellerRelationshipRemovalProcess.DAP_PROCESS_KEY, customerTenantId,
        CamundaBpmData.builder()
            .set(RemovalVariables.CUSTOMER_TENANT_ID, customerTenantId)
            .set(RemovalVariables.COMPANY_NAME, record.customerName())
            .set(RemovalVariables.CUSTOMER_DOMAIN, customerDomain)
            .set(RemovalVariables.DAP_TERMINATED_AT, terminatedAt.toString())
            .set(RemovalVariables.REQUESTER, null)
            .build())
        .getId();
    terminations.setProcessInstance(termination.id(), processInstanceId);
    return customerTenantId + " (GDAP request offered in " + processInstanceId + ")";
  }
}
