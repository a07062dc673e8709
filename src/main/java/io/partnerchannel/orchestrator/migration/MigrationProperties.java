package io.partnerchannel.orchestrator.migration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timing of the partner-to-partner migrations ({@code pco.migration.*}).
 *
 * @param transferCheckInterval how often a waiting transfer's status is read besides the
 *     {@code subscription-updated} event (no transfer-specific event exists, A16), default 6 hours
 * @param termEndReminder how long before a license subscription's term ends the agent is reminded
 *     (2020 rule set, R5, R36), default 30 days
 * @param oldChannelReminder how often the agent is reminded while the cancellation in the old channel (EA portal,
 *     Azure portal) waits for the customer (R3), default 7 days
 */
@ConfigurationProperties("pco.migration")
record MigrationProperties(
    @DefaultValue("PT6H") Duration transferCheckInterval,
    @DefaultValue("P30D") Duration termEndReminder,
    @DefaultValue("P7D") Duration oldChannelReminder) {

  /** @return {@link #transferCheckInterval} as the ISO-8601 text a BPMN timer reads */
  public String transferCheckIntervalIso() {
    return transferCheckInterval.toString();
  }

  /** @return {@link #oldChannelReminder} as the ISO-8601 repeating interval a BPMN timer cycle reads */
  public String oldChannelReminderCycle() {
    return "R/" + oldChannelReminder;
  }
}
