package io.partnerchannel.orchestrator.partnercenter;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** partner-center mode: the admin portal of {@code pco.partner.cloud} (reference §6). */
@Component
@Profile("!" + PartnerCenterModeCheck.SANDBOX_PROFILE)
class CloudAdminPortal implements CustomerAdminPortal {

  private final PartnerCenterCloud cloud;

  /** @param partner the operating partner and its cloud */
  public CloudAdminPortal(PartnerProperties partner) {
    this.cloud = partner.partnerCenterCloud();
  }

  @Override
  public String baseUrl() {
    return cloud.adminPortal();
  }
}
