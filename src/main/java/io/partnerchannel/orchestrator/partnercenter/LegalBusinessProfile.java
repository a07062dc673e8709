package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Partner Center {@code LegalBusinessProfile} ({@code GET /v1/profiles/legalbusiness}), reduced to what the
 * processes read.
 *
 * @param companyName the partner's legal name
 * @param address the legal address; {@code country} is ISO 3166 alpha-2
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LegalBusinessProfile(String companyName, Address address) {

  /**
   * @param country ISO 3166 alpha-2 country code
   * @param city city
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Address(String country, String city) {}
}
