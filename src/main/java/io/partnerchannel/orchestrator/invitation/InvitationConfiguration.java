package io.partnerchannel.orchestrator.invitation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Publishes {@code ResellerRelationshipInvitation} as a {@link CustomerInvitationProcess}. */
@Configuration(proxyBeanMethods = false)
class InvitationConfiguration {

  @Bean
  @Order(1)
  CustomerInvitationProcess resellerRelationshipInvitationProcess() {
    return new CustomerInvitationProcess(ResellerRelationshipInvitationProcess.PROCESS_KEY, "/api/invitations/{id}");
  }
}
