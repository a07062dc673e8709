package io.partnerchannel.orchestrator.removal;

import java.time.OffsetDateTime;

/**
 * A DAP Microsoft terminated (R33), as recorded on the customer ({@code pco_dap_termination}).
 *
 * @param id record id (UUID)
 * @param customerTenantId the customer
 * @param customerName the customer's name from Partner Center's activity record, may be null
 * @param terminatedAt when Microsoft terminated it (its activity record's {@code operationDate})
 * @param inboxEventId the event inbox entry it was recorded from
 * @param processInstanceId the {@code DapTerminatedByMicrosoft} instance offering a GDAP request
 * @param recordedAt when it was recorded (UTC)
 */
public record DapTermination(
    String id,
    String customerTenantId,
    String customerName,
    OffsetDateTime terminatedAt,
    String inboxEventId,
    String processInstanceId,
    OffsetDateTime recordedAt) {}
