package io.partnerchannel.orchestrator.routing;

import static io.partnerchannel.orchestrator.routing.CustomerSubscriptionOnboardingProcess.DECISION_CHANNEL_TRANSITION;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.springframework.context.support.ResourceBundleMessageSource;

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
        // serviceType, boughtFrom, cloud, ruleSet -> row, route, reason code
        Arguments.of("USAGE_BASED", "21VIANET", "21VIANET", "2020", "Rule_Vianet_UsageBased", "NOT_SUPPORTED", "AZURE_NOT_IN_21VIANET"),
        Arguments.of("USAGE_BASED", "ADVISOR", "21VIANET", "NEW_COMMERCE", "Rule_Vianet_UsageBased", "NOT_SUPPORTED", "AZURE_NOT_IN_21VIANET"),
        Arguments.of("LICENSE_BASED", "21VIANET", "21VIANET", "2020", "Rule_Vianet_LicenseBased", "RELATIONSHIP_REQUEST", "VIANET_LICENSE_NEEDS_RELATIONSHIP"),
        Arguments.of("LICENSE_BASED", "ADVISOR", "21VIANET", "NEW_COMMERCE", "Rule_Vianet_LicenseBased", "RELATIONSHIP_REQUEST", "VIANET_LICENSE_NEEDS_RELATIONSHIP"),
        Arguments.of("LICENSE_BASED", "CSP_PARTNER", "21VIANET", "NEW_COMMERCE", "Rule_Vianet_OtherCspPartner", "NOT_SUPPORTED", "VIANET_ONE_CSP_PARTNER_PER_SERVICE"),
        Arguments.of("LICENSE_BASED", "EA", "21VIANET", "2020", "Rule_Vianet_OtherChannel", "NOT_SUPPORTED", "VIANET_CHANNEL_NOT_SUPPORTED"),
        Arguments.of("LICENSE_BASED", "MICROSOFT_DIRECT", "21VIANET", "2020", "Rule_Vianet_OtherChannel", "NOT_SUPPORTED", "VIANET_CHANNEL_NOT_SUPPORTED"),
        Arguments.of("LICENSE_BASED", "21VIANET", "GLOBAL", "2020", "Rule_BoughtFrom21Vianet", "NOT_SUPPORTED", "BOUGHT_FROM_21VIANET"),
        Arguments.of("USAGE_BASED", "21VIANET", "US_GOVERNMENT", "NEW_COMMERCE", "Rule_BoughtFrom21Vianet", "NOT_SUPPORTED", "BOUGHT_FROM_21VIANET"),
        Arguments.of("LICENSE_BASED", "MICROSOFT_DIRECT", "GLOBAL", "2020", "Rule_LicenseBased_MultiChannel", "RELATIONSHIP_REQUEST", "LICENSE_NEEDS_RELATIONSHIP"),
        Arguments.of("LICENSE_BASED", "ADVISOR", "US_GOVERNMENT", "NEW_COMMERCE", "Rule_LicenseBased_MultiChannel", "RELATIONSHIP_REQUEST", "LICENSE_NEEDS_RELATIONSHIP"),
        Arguments.of("LICENSE_BASED", "OPEN", "GLOBAL", "NEW_COMMERCE", "Rule_LicenseBased_MultiChannel", "RELATIONSHIP_REQUEST", "LICENSE_NEEDS_RELATIONSHIP"),
        Arguments.of("LICENSE_BASED", "EA", "GLOBAL", "2020", "Rule_LicenseBased_MultiChannel", "RELATIONSHIP_REQUEST", "LICENSE_NEEDS_RELATIONSHIP"),
        Arguments.of("LICENSE_BASED", "THIRD_PARTY_NON_CSP", "GLOBAL", "2020", "Rule_LicenseBased_ThirdPartyNonCsp", "WAIT_FOR_TERM_END", "LICENSE_FROM_THIRD_PARTY"),
        Arguments.of("LICENSE_BASED", "THIRD_PARTY_NON_CSP", "US_GOVERNMENT", "NEW_COMMERCE", "Rule_LicenseBased_ThirdPartyNonCsp", "WAIT_FOR_TERM_END", "LICENSE_FROM_THIRD_PARTY"),
        Arguments.of("USAGE_BASED", "ADVISOR", "GLOBAL", "2020", "Rule_UsageBased_AdvisorOpenEa", "CANCEL_AND_RECREATE", "AZURE_CANCEL_AND_RECREATE"),
        Arguments.of("USAGE_BASED", "OPEN", "US_GOVERNMENT", "NEW_COMMERCE", "Rule_UsageBased_AdvisorOpenEa", "CANCEL_AND_RECREATE", "AZURE_CANCEL_AND_RECREATE"),
        Arguments.of("USAGE_BASED", "EA", "GLOBAL", "NEW_COMMERCE", "Rule_UsageBased_AdvisorOpenEa", "CANCEL_AND_RECREATE", "AZURE_CANCEL_AND_RECREATE"),
        Arguments.of("USAGE_BASED", "MICROSOFT_DIRECT", "GLOBAL", "2020", "Rule_UsageBased_OtherNonCspChannel", "CANCEL_AND_RECREATE", "AZURE_FROM_OTHER_CHANNEL"),
        Arguments.of("USAGE_BASED", "THIRD_PARTY_NON_CSP", "US_GOVERNMENT", "2020", "Rule_UsageBased_OtherNonCspChannel", "CANCEL_AND_RECREATE", "AZURE_FROM_OTHER_CHANNEL"),
        Arguments.of("USAGE_BASED", "CSP_PARTNER", "GLOBAL", "2020", "Rule_UsageBased_OtherCspPartner", "PARTNER_SWITCH", "AZURE_PARTNER_SWITCH"),
        Arguments.of("USAGE_BASED", "CSP_PARTNER", "US_GOVERNMENT", "NEW_COMMERCE", "Rule_UsageBased_OtherCspPartner", "PARTNER_SWITCH", "AZURE_PARTNER_SWITCH"),
        Arguments.of("LICENSE_BASED", "CSP_PARTNER", "GLOBAL", "2020", "Rule_LicenseBased_OtherCspPartner2020", "WAIT_FOR_TERM_END", "LICENSE_WAIT_FOR_TERM_END"),
        Arguments.of("LICENSE_BASED", "CSP_PARTNER", "US_GOVERNMENT", "2020", "Rule_LicenseBased_OtherCspPartner2020", "WAIT_FOR_TERM_END", "LICENSE_WAIT_FOR_TERM_END"),
        Arguments.of("LICENSE_BASED", "CSP_PARTNER", "GLOBAL", "NEW_COMMERCE", "Rule_LicenseBased_OtherCspPartnerNewCommerce", "PARTNER_TRANSFER", "LICENSE_PARTNER_TRANSFER"),
        Arguments.of("LICENSE_BASED", "CSP_PARTNER", "GLOBAL", "2016", "Rule_NoMatchingRow", "NOT_SUPPORTED", "NO_CHANNEL_TRANSITION"),
        Arguments.of("SEAT_BASED", "EA", "GLOBAL", "2020", "Rule_NoMatchingRow", "NOT_SUPPORTED", "NO_CHANNEL_TRANSITION"));
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
      String serviceType, String boughtFrom, String cloud, String ruleSet, String row, String route, String reasonCode) {
    DmnDecisionResultEntries result = dmnEngine.evaluateDecision(decision, Variables.createVariables()
            .putValue(OnboardingVariables.SERVICE_TYPE.getName(), serviceType)
            .putValue(OnboardingVariables.BOUGHT_FROM.getName(), boughtFrom)
            .putValue(OnboardingVariables.CLOUD.getName(), cloud)
            .putValue(OnboardingVariables.RULE_SET.getName(), ruleSet))
        .getSingleResult();

    assertThat(matchedRules).first().isEqualTo(row);
    assertThat(result.<String>getEntry(OnboardingVariables.ROUTE.getName())).isEqualTo(route);
    assertThat(result.<String>getEntry(OnboardingVariables.REASON_CODE.getName())).isEqualTo(reasonCode);
    assertThat(result.get(OnboardingVariables.ROUTE_PROCESS_KEY.getName())).isEqualTo(PROCESS_OF_ROUTE.get(route));
    assertThat(result.get(OnboardingVariables.NEEDS_RELATIONSHIP.getName())).isEqualTo(!"NOT_SUPPORTED".equals(route));
    rowsHit.add(matchedRules.get(0));
  }

  /** The reason codes the table's rows output, read from the model. */
  static Stream<String> reasonCodes() throws Exception {
    try (InputStream dmn = ChannelTransitionDecisionTest.class.getResourceAsStream("/bpmn/ChannelTransition.dmn")) {
      Matcher matcher = Pattern.compile("<outputEntry id=\"OutputEntry_\\w+_Reason\">\\s*<text>\"(\\w+)\"</text>")
          .matcher(new String(dmn.readAllBytes(), StandardCharsets.UTF_8));
      List<String> codes = new ArrayList<>();
      while (matcher.find()) {
        codes.add(matcher.group(1));
      }
      assertThat(codes).hasSize(13);
      return codes.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reasonCodes")
  void everyReasonCodeHasWordsInEachLanguageWithoutRuleIds(String code) {
    ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
    bundles.setBasename("reasons/reasons");
    bundles.setDefaultEncoding("UTF-8");
    bundles.setFallbackToSystemLocale(false);
    Map<String, String> words = new HashMap<>();
    for (String language : List.of("en", "it", "pt", "sv")) {
      String text = bundles.getMessage("reason." + code, null, null, Locale.forLanguageTag(language));
      assertThat(text).as("%s in %s", code, language).isNotBlank()
          .doesNotContainPattern("\\b[RSA][0-9]+b?\\b").doesNotContain("§");
      words.put(language, text);
    }
    assertThat(words.get("it")).isNotEqualTo(words.get("en"));
    assertThat(words.get("pt")).isNotEqualTo(words.get("en"));
    assertThat(words.get("sv")).isNotEqualTo(words.get("en"));
  }
}
