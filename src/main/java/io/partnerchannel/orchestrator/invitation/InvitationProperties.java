package io.partnerchannel.orchestrator.invitation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Defaults of a new invitation ({@code pco.invitation.*}).
 *
 * @param reminderInterval time between "Follow up with customer" reminders, default 7 days
 * @param validity how long the customer has to accept before the invitation expires, default 30 days
 */
@ConfigurationProperties("pco.invitation")
record InvitationProperties(
    @DefaultValue("P7D") Duration reminderInterval, @DefaultValue("P30D") Duration validity) {

  /**
   * @return {@link #reminderInterval} as the ISO-8601 text a BPMN timer reads, in days when whole
   *     ({@code P7D}), otherwise as {@link Duration#toString()} ({@code PT2M})
   */
  public String reminderIntervalIso() {
    Duration interval = reminderInterval;
    return interval.toSeconds() % 86_400 == 0 ? "P" + interval.toDays() + "D" : interval.toString();
  }
}
