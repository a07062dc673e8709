package io.partnerchannel.orchestrator.partnercenter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The operating partner ({@code pco.partner.*}): the CSP partner on whose behalf the application talks to
 * Partner Center.
 *
 * @param tenantId the partner's tenant id (GUID); the {@code sandbox} profile sets the sandbox direct-bill
 *     partner Northwind Cloud Solutions {@code a1b2c3d4-0000-4000-8000-000000000001}
 * @param cloud the partner's cloud: {@code GLOBAL}, {@code US_GOVERNMENT} or {@code 21VIANET} (§6); chooses the
 *     base URLs, sign-in authority and admin portal ({@link PartnerCenterCloud})
 */
@Validated
@ConfigurationProperties("pco.partner")
public record PartnerProperties(
    @NotBlank String tenantId,
    @NotBlank @Pattern(regexp = "GLOBAL|US_GOVERNMENT|21VIANET") @DefaultValue("GLOBAL") String cloud) {

  /** @return the partner's cloud */
  public PartnerCenterCloud partnerCenterCloud() {
    return PartnerCenterCloud.fromProperty(cloud);
  }
}
