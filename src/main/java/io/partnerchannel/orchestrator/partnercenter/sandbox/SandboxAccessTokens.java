package io.partnerchannel.orchestrator.partnercenter.sandbox;

import io.partnerchannel.orchestrator.partnercenter.AccessTokenProvider;
import io.partnerchannel.orchestrator.partnercenter.PartnerProperties;
import io.partnerchannel.orchestrator.partnercenter.TokenAudience;
import org.springframework.stereotype.Component;

/**
 * Sandbox mode: the stand-in for the App+User token, the operating partner's tenant id, which is how the
 * sandbox identifies its caller ({@link SandboxCallers}). Never used with the real Partner Center.
 */
@Component
@SandboxConfiguration
class SandboxAccessTokens implements AccessTokenProvider {

  private final PartnerProperties partner;

  /** @param partner the operating partner */
  public SandboxAccessTokens(PartnerProperties partner) {
    this.partner = partner;
  }

  @Override
  public String accessToken(TokenAudience audience) {
    return partner.tenantId();
  }
}
