package io.partnerchannel.orchestrator.partnercenter.sandbox;

import java.util.Locale;
import java.util.Set;

/**
 * The CSP region a partner's country belongs to in the emulated Partner Center, where a partner signs the
 * Microsoft Partner Agreement once per region ({@code sbx_mpa_status}). Partner Center's regions are fixed by
 * Microsoft (regional authorization: a partner transacts throughout a CSP region from one tenant; reference R9),
 * so the sandbox keeps its own copy instead of reading the application's decision {@code CspRegion}, which
 * analysts may change: Europe = EU/EEA + GB + CH, North America = US + CA, China = CN (21Vianet); any other
 * country is a region of its own.
 */
final class SandboxCspRegions {

  private static final Set<String> EUROPE = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
      "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
      "GB", "CH");
  private static final Set<String> NORTH_AMERICA = Set.of("US", "CA");

  private SandboxCspRegions() {}

  /**
   * @param country ISO 3166 alpha-2 country code, any case
   * @return the region as {@code sbx_mpa_status} stores it: {@code EUROPE}, {@code NORTHAMERICA}, {@code CHINA}, or
   *     the country code in capitals
   */
  static String of(String country) {
    String code = country.trim().toUpperCase(Locale.ROOT);
    if (EUROPE.contains(code)) {
      return "EUROPE";
    }
    if (NORTH_AMERICA.contains(code)) {
      return "NORTHAMERICA";
    }
    return code.equals("CN") ? "CHINA" : code;
  }
}
