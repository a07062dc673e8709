package io.partnerchannel.orchestrator.events;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Schedules {@link PartnerCenterEventInbox#correlatePending()} every {@code pco.events.retry-interval}, first one
 * interval after the start.
 */
@Component
class EventInboxRetry implements SchedulingConfigurer {

  private final PartnerCenterEventInbox inbox;
  private final EventsProperties properties;

  EventInboxRetry(PartnerCenterEventInbox inbox, EventsProperties properties) {
    this.inbox = inbox;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar tasks) {
    tasks.addFixedDelayTask(
        new FixedDelayTask(inbox::correlatePending, properties.retryInterval(), properties.retryInterval()));
  }
}
