package io.partnerchannel.orchestrator.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decision {@code CspRegion} ({@code bpmn/CspRegion.dmn}) groups countries into CSP regions (R9, S4). */
class CspRegionDecisionTest {

  private static final DmnDecision DECISION =
      InvitationTestSupport.parseDecision("/bpmn/CspRegion.dmn", CspRegions.DECISION_KEY);

  @ParameterizedTest(name = "{0} is in {1}")
  @CsvSource({
    "IT, Europe", "SE, Europe", "PT, Europe", "NO, Europe", "GB, Europe", "CH, Europe",
    "US, NorthAmerica", "CA, NorthAmerica",
    "CN, China",
    "JP, JP", "KR, KR", "BR, BR"
  })
  void groupsTheCountry(String country, String region) {
    assertThat(InvitationTestSupport.evaluate(DECISION, Variables.putValue("country", country)).<String>getSingleEntry())
        .isEqualTo(region);
  }
}
