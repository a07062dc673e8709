package io.partnerchannel.orchestrator.routing;

import static io.partnerchannel.orchestrator.routing.CustomerSubscriptionOnboardingProcess.DECISION_CHANNEL_TRANSITION;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@code bpmn/ChannelTransition.dmn} (hit policy FIRST), evaluated by the DMN engine: each case
 * names the row that must decide it, and after all cases every row must have decided at least once.
 */
class ChannelTransitionDecisionTest {

  private static DmnEngine dmnEngine;
  private static DmnDecision decision;
  private static final List<String> matchedRules = new ArrayList<>();
  private static final Set<String> rowsHit = new HashSet<>();

  @BeforeAll
  static void parseDecision() throws Exception {
    DefaultDmnEngineConfiguration configuration = new DefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.<DmnDecisionTableEvaluationListener>of(
        (DmnDecisionTableEvaluationEvent event) -> event.getMatchingRules().stream()
            .map(DmnEvaluatedDecisionRule::getId)
            .forEach(matchedRules::add)));
    dmnEngine = configuration.buildEngine();
    try (InputStream dmn = ChannelTransitionDecisionTest.class.getResourceAsStream("/bpmn/ChannelTransition.dmn")) {
      decision = dmnEngine.parseDecision(DECISION_CHANNEL_TRANSITION, dmn);
    }
  }

  @BeforeEach
  void clearMatches() {
    matchedRules.clear();
  }

  @AfterAll
  static void everyRowDecidedSomeCase() {
    Set<String> rows = new HashSet<>();
    for (DmnDecisionTableRuleImpl rule : ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules()) {
      rows.add(rule.getId());
    }
    assertThat(rows).hasSize(13);
    assertThat(rowsHit).containsExactlyInAnyOrderElementsOf(rows);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // serviceType, boughtFrom, cloud, ruleSet -> row, route, reason contains
        Arguments.of("USAGE_BASED", "21VIANET", "21VIANET", "2020", "Rule_Vianet_UsageBased", "NOT_SUPPORTED", "(S3)"),
        Arguments.of("USAGE_BASED", "ADVISOR", "21VIANET", "NEW_COMMERCE", "Rule_Vianet_UsageBased", "NOT_SUPPORTED", "usage-based"),
        Arguments.of("LICENSE_BASED", "21VIANET", "21VIANET", "2020", "Rule_Vianet_LicenseBased", "RELATIONSHIP_REQUEST", "(R21)"),
        Arguments.of("LICENSE_BASED", "ADVISOR", "21VIANET", "NEW_COMMERCE", "Rule_Vianet_LicenseBased", "RELATIONSHIP_REQUEST", "(S3, R2)"),
        Arguments.of("LICENSE_BASED", "CSP_PARTNER", "21VIANET", "NEW_COMMERCE", "Rule_Vianet_OtherCspPartner", "NOT_SUPPORTED", "(R21)"),
        Arguments.of("LICENSE_BASED", "EA", "21VIANET", "2020", "Rule_Vianet_OtherChannel", "NOT_SUPPORTED", "21Vianet"),
        Arguments.of("LICENSE_BASED", "MICROSOFT_DIRECT", "21VIANET", "2020", "Rule_Vianet_OtherChannel", "NOT_SUPPORTED", "(S3)"),
        Arguments.of("LICENSE_BASED", "21VIANET", "GLOBAL", "2020", "Rule_BoughtFrom21Vianet", "NOT_SUPPORTED", "China"),
        Arguments.of("USAGE_BASED", "21VIANET", "US_GOVERNMENT", "NEW_COMMERCE", "Rule_BoughtFrom21Vianet", "NOT_SUPPORTED", "(§6)"),
        Arguments.of("LICENSE_BASED", "MICROSOFT_DIRECT", "GLOBAL", "2020", "Rule_LicenseBased_MultiChannel", "RELATIONSHIP_REQUEST", "(R1, R2)"),
        Arguments.of("LICENSE_BASED", "ADVISOR", "US_GOVERNMENT", "NEW_COMMERCE", "Rule_LicenseBased_MultiChannel", "RELATIONSHIP_REQUEST", "reseller relationship"),
        Arguments.of("LICENSE_BASED", "OPEN", "GLOBAL", "NEW_COMMERCE", "Rule_LicenseBased_MultiChannel", "RELATIONSHIP_REQUEST", "(R1, R2)"),
        Arguments.of("LICENSE_BASED", "EA", "GLOBAL", "2020", "Rule_LicenseBased_MultiChannel", "RELATIONSHIP_REQUEST", "(R1, R2)"),
        Arguments.of("LICENSE_BASED", "THIRD_PARTY_NON_CSP", "GLOBAL", "2020", "Rule_LicenseBased_ThirdPartyNonCsp", "WAIT_FOR_TERM_END", "cannot switch it to a partner in the CSP program"),
        Arguments.of("LICENSE_BASED", "THIRD_PARTY_NON_CSP", "US_GOVERNMENT", "NEW_COMMERCE", "Rule_LicenseBased_ThirdPartyNonCsp", "WAIT_FOR_TERM_END", "end of its term"),
        Arguments.of("USAGE_BASED", "ADVISOR", "GLOBAL", "2020", "Rule_UsageBased_AdvisorOpenEa", "CANCEL_AND_RECREATE", "(R3)"),
        Arguments.of("USAGE_BASED", "OPEN", "US_GOVERNMENT", "NEW_COMMERCE", "Rule_UsageBased_AdvisorOpenEa", "CANCEL_AND_RECREATE", "coexist"),
        Arguments.of("USAGE_BASED", "EA", "GLOBAL", "NEW_COMMERCE", "Rule_UsageBased_AdvisorOpenEa", "CANCEL_AND_RECREATE", "(R3)"),
        Arguments.of("USAGE_BASED", "MICROSOFT_DIRECT", "GLOBAL", "2020", "Rule_UsageBased_OtherNonCspChannel", "CANCEL_AND_RECREATE", "(R1, R3)"),
        Arguments.of("USAGE_BASED", "THIRD_PARTY_NON_CSP", "US_GOVERNMENT", "2020", "Rule_UsageBased_OtherNonCspChannel", "CANCEL_AND_RECREATE", "another channel"),
        Arguments.of("USAGE_BASED", "CSP_PARTNER", "GLOBAL", "2020", "Rule_UsageBased_OtherCspPartner", "PARTNER_SWITCH", "(R4, R23)"),
        Arguments.of("USAGE_BASED", "CSP_PARTNER", "US_GOVERNMENT", "NEW_COMMERCE", "Rule_UsageBased_OtherCspPartner", "PARTNER_SWITCH", "transfer request"),
        Arguments.of("LICENSE_BASED", "CSP_PARTNER", "GLOBAL", "2020", "Rule_LicenseBased_OtherCspPartner2020", "WAIT_FOR_TERM_END", "(R5, R36)"),
        Arguments.of("LICENSE_BASED", "CSP_PARTNER", "US_GOVERNMENT", "2020", "Rule_LicenseBased_OtherCspPartner2020", "WAIT_FOR_TERM_END", "mid-term"),
        Arguments.of("LICENSE_BASED", "CSP_PARTNER", "GLOBAL", "NEW_COMMERCE", "Rule_LicenseBased_OtherCspPartnerNewCommerce", "PARTNER_TRANSFER", "(R5b, R24)"),
        Arguments.of("LICENSE_BASED", "CSP_PARTNER", "GLOBAL", "2016", "Rule_NoMatchingRow", "NOT_SUPPORTED", "No channel transition"),
        Arguments.of("SEAT_BASED", "EA", "GLOBAL", "2020", "Rule_NoMatchingRow", "NOT_SUPPORTED", "No channel transition"));
  }

  /** The process each route of the shipped table starts; null: none per subscription. */
  private static final Map<String, String> PROCESS_OF_ROUTE = Map.of(
      "CANCEL_AND_RECREATE", "AzureCancelAndRecreateMigration",
      "PARTNER_SWITCH", "AzurePartnerSwitch",
      "WAIT_FOR_TERM_END", "LicenseSubscriptionTransition",
      "PARTNER_TRANSFER", "LicenseSubscriptionTransition");

  @ParameterizedTest(name = "{0} from {1} in {2} ({3}) -> {5} by {4}")
  @MethodSource("cases")
  void decidesTheRouteByTheExpectedRow(
      String serviceType, String boughtFrom, String cloud, String ruleSet, String row, String route, String reasonContains) {
    DmnDecisionResultEntries result = dmnEngine.evaluateDecision(decision, Variables.createVariables()
            .putValue("serviceType", serviceType)
            .putValue("boughtFrom", boughtFrom)
            .putValue("cloud", cloud)
            .putValue("ruleSet", ruleSet))
        .getSingleResult();

    assertThat(matchedRules).first().isEqualTo(row);
    assertThat(result.<String>getEntry("route")).isEqualTo(route);
    assertThat(result.<String>getEntry("reason")).contains(reasonContains);
    assertThat(result.get("routeProcessKey")).isEqualTo(PROCESS_OF_ROUTE.get(route));
    assertThat(result.get("needsRelationship")).isEqualTo(!"NOT_SUPPORTED".equals(route));
    rowsHit.add(matchedRules.get(0));
  }
}
