package io.partnerchannel.orchestrator.invitation;

import java.util.Locale;
import java.util.Set;

/**
 * The CSP region a country belongs to, for the "same country or region" rule of reseller relationship
 * requests (R9, S4). This project's regions: Europe = EU/EEA + GB + CH, North America = US + CA,
 * China = CN (21Vianet); any other country is a region of its own.
 *
 * @param name {@code Europe}, {@code NorthAmerica}, {@code China} or the ISO country code itself
 */
public record CspRegion(String name) {

  private static final Set<String> EUROPE =
      Set.of(
          // EU
          "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
          "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
          // EEA outside the EU
          "IS", "LI", "NO",
          // Europe outside the EEA served by the European CSP region
          "GB", "CH");
  private static final Set<String> NORTH_AMERICA = Set.of("US", "CA");

  /**
   * @param country ISO 3166 alpha-2 country code, any case
   * @return the region of the country
   * @throws IllegalArgumentException when {@code country} is blank
   */
  public static CspRegion of(String country) {
    if (country == null || country.isBlank()) {
      throw new IllegalArgumentException("A country code is required to find its CSP region");
    }
    String code = country.trim().toUpperCase(Locale.ROOT);
    if (EUROPE.contains(code)) {
      return new CspRegion("Europe");
    }
    if (NORTH_AMERICA.contains(code)) {
      return new CspRegion("NorthAmerica");
    }
    if ("CN".equals(code)) {
      return new CspRegion("China");
    }
    return new CspRegion(code);
  }
}
