package io.partnerchannel.orchestrator.indirect;

import io.partnerchannel.orchestrator.invitation.CustomerInvitationProcess;
import io.partnerchannel.orchestrator.security.ResellerStaffProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Publishes {@code IndirectResellerInvitation} as a {@link CustomerInvitationProcess}: its open invitations
 * count against the one-per-domain rule, and customers' acceptances (reseller link or indirect reseller link)
 * are correlated to it; and as a {@link ResellerStaffProcess}, whose task reseller staff work on.
 */
@Configuration(proxyBeanMethods = false)
class IndirectInvitationConfiguration {

  @Bean
  @Order(2)
  CustomerInvitationProcess indirectResellerInvitationProcess() {
    return new CustomerInvitationProcess(IndirectResellerInvitationProcess.PROCESS_KEY, "/api/indirect-invitations/{id}");
  }

  /** Reseller staff work on its "Forward invitation to customer" task, so they may read its definition. */
  @Bean
  ResellerStaffProcess indirectResellerStaffProcess() {
    return new ResellerStaffProcess(IndirectResellerInvitationProcess.PROCESS_KEY);
  }
}
