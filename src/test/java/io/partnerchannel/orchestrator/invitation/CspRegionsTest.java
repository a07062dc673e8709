package io.partnerchannel.orchestrator.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.partnerchannel.orchestrator.support.ProcessTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link CspRegions} on the whole application: the decision {@code CspRegion} is evaluated (one decision instance
 * in the history) once per country, and a version deployed on this node, or the deletion of that deployment, is
 * used by the next look-up without waiting for the cache time.
 */
@ProcessTest
class CspRegionsTest {

  @Autowired CspRegions regions;
  @Autowired CspRegionCache cache;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired MeterRegistry meters;
  Deployment analystsVersion;

  @BeforeEach
  void forgetEarlierLookUps() {
    cache.clear();
  }

  @AfterEach
  void deleteAnalystsVersion() {
    if (analystsVersion != null) {
      repositoryService.deleteDeployment(analystsVersion.getId(), true);
    }
  }

  @Test
  void aSecondLookUpOfTheSameCountryDoesNotEvaluateTheDecisionAgain() {
    long before = evaluations();

    assertThat(regions.of("pt")).isEqualTo("Europe");
    assertThat(regions.of(" PT ")).isEqualTo("Europe");
    assertThat(regions.sameRegion("PT", "de")).isTrue();

    assertThat(evaluations() - before).as("PT once, DE once").isEqualTo(2);
    assertThat(meters.get("cache.gets").tags("cache", CspRegionCache.NAME, "result", "hit").functionCounter().count())
        .isPositive();
  }

  @Test
  void aVersionDeployedOnThisNodeIsUsedByTheNextLookUpAndItsDeletionToo() throws IOException {
    assertThat(regions.of("JP")).isEqualTo("JP");
    assertThat(regions.sameRegion("JP", "CN")).isFalse();

    analystsVersion = repositoryService.createDeployment().name("analyst")
        .addString("CspRegion.dmn", cspRegionWith("\"CN\",\"JP\"")).deploy();

    assertThat(regions.of("JP")).isEqualTo("China");
    assertThat(regions.sameRegion("JP", "CN")).isTrue();
    String analystsDecision = repositoryService.createDecisionDefinitionQuery().deploymentId(analystsVersion.getId())
        .singleResult().getId();
    assertThat(historyService.createHistoricDecisionInstanceQuery().decisionDefinitionId(analystsDecision).count())
        .as("JP and CN once each, in the new version").isEqualTo(2);

    repositoryService.deleteDeployment(analystsVersion.getId(), true);
    analystsVersion = null;
    assertThat(regions.of("JP")).isEqualTo("JP");
  }

  long evaluations() {
    return historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey(CspRegions.DECISION_KEY).count();
  }

  /** The project's decision with the China rule's countries replaced, as an analyst would change it in Modeler. */
  static String cspRegionWith(String chinaCountries) throws IOException {
    try (InputStream dmn = CspRegionsTest.class.getResourceAsStream("/bpmn/CspRegion.dmn")) {
      String original = new String(dmn.readAllBytes(), StandardCharsets.UTF_8);
      String changed = original.replace("<text>\"CN\"</text>", "<text>" + chinaCountries + "</text>");
      assertThat(changed).isNotEqualTo(original);
      return changed;
    }
  }
}
