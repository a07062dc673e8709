package io.partnerchannel.orchestrator.partnercenter.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The emulated Partner Center's CSP regions, in the form {@code sbx_mpa_status} stores them. */
class SandboxCspRegionsTest {

  @Test
  void europeAndNorthAmericaSpanSeveralCountriesAnyOtherIsItsOwn() {
    assertThat(SandboxCspRegions.of("it")).isEqualTo("EUROPE");
    assertThat(SandboxCspRegions.of("GB")).isEqualTo("EUROPE");
    assertThat(SandboxCspRegions.of(" ca ")).isEqualTo("NORTHAMERICA");
    assertThat(SandboxCspRegions.of("CN")).isEqualTo("CHINA");
    assertThat(SandboxCspRegions.of("jp")).isEqualTo("JP");
  }
}
