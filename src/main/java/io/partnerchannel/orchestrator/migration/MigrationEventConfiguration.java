package io.partnerchannel.orchestrator.migration;

import io.partnerchannel.orchestrator.events.EventMessages;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Publishes the message of {@code subscription-updated} ({@link SubscriptionUpdatedCorrelator}) as a Partner Center event's. */
@Configuration(proxyBeanMethods = false)
class MigrationEventConfiguration {

  /** @return {@code SubscriptionUpdated}, refused to users by the engine: only the event inbox correlates it */
  @Bean
  EventMessages migrationEventMessages() {
    return new EventMessages(Set.of(AzurePartnerSwitchProcess.MESSAGE_SUBSCRIPTION_UPDATED));
  }
}
