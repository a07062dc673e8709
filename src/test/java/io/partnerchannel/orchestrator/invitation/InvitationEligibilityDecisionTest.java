package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.DECISION_INVITATION_ELIGIBILITY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of {@code bpmn/InvitationEligibility.dmn} (hit policy FIRST), evaluated by the DMN engine. */
class InvitationEligibilityDecisionTest {

  private static final DmnDecision decision =
      InvitationTestSupport.parseDecision("/bpmn/InvitationEligibility.dmn", DECISION_INVITATION_ELIGIBILITY);

  static Stream<Arguments> rows() {
    return Stream.of(
        // tenantKind, sameRegion, cloud, adminAccess -> eligible, refusedByRule, reason contains
        Arguments.of("R6 refuses another partner's CSP transaction tenant",
            "CSP_TRANSACTION_TENANT", true, "GLOBAL", "GDAP", false, "R6", "transaction tenant of another Cloud Solution Provider partner"),
        Arguments.of("R6 wins over a region mismatch",
            "CSP_TRANSACTION_TENANT", false, "GLOBAL", "NONE", false, "R6", "cannot buy online services from another partner"),
        Arguments.of("a domain no tenant uses is refused",
            "NOT_FOUND", true, "GLOBAL", "NONE", false, null, "No Microsoft Entra tenant"),
        Arguments.of("R9 refuses a customer outside the partner's CSP region",
            "CUSTOMER", false, "GLOBAL", "NONE", false, "R9", "outside our Cloud Solution Provider region"),
        Arguments.of("R9 applies to corporate tenants too",
            "CSP_CORPORATE_TENANT", false, "GLOBAL", "GDAP", false, "R9", "only allows reseller relationships within the partner's country or region"),
        Arguments.of("R12 refuses US Government without admin access",
            "CUSTOMER", true, "US_GOVERNMENT", "NONE", false, "R12", "US Government"),
        Arguments.of("DAP is refused in the global cloud",
            "CUSTOMER", true, "GLOBAL", "DAP", false, "R8", "are no longer granted with reseller relationships; request granular delegated admin privileges (GDAP)"),
        Arguments.of("DAP is refused in US Government",
            "CUSTOMER", true, "US_GOVERNMENT", "DAP", false, "R8", "request granular delegated admin privileges (GDAP)"),
        Arguments.of("R34 refuses GDAP under 21Vianet",
            "CUSTOMER", true, "21VIANET", "GDAP", false, "R34", "21Vianet"),
        Arguments.of("R6b allows a CSP partner's corporate tenant",
            "CSP_CORPORATE_TENANT", true, "GLOBAL", "GDAP", true, null, "which may buy from another partner"),
        Arguments.of("an ordinary customer without admin access is eligible",
            "CUSTOMER", true, "GLOBAL", "NONE", true, null, null),
        Arguments.of("an ordinary customer with GDAP is eligible",
            "CUSTOMER", true, "GLOBAL", "GDAP", true, null, null),
        Arguments.of("DAP is still allowed under 21Vianet",
            "CUSTOMER", true, "21VIANET", "DAP", true, null, null),
        Arguments.of("US Government with GDAP is eligible",
            "CUSTOMER", true, "US_GOVERNMENT", "GDAP", true, null, null),
        Arguments.of("an unknown tenant kind (real Partner Center) is left to Microsoft",
            "UNKNOWN", true, "GLOBAL", "NONE", true, null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void decidesEligibility(
      String description,
      String tenantKind,
      boolean sameRegion,
      String cloud,
      String adminAccess,
      boolean eligible,
      String refusedByRule,
      String reasonContains) {
    Map<String, Object> variables = Variables.createVariables()
        .putValue("tenantKind", tenantKind)
        .putValue("sameRegion", sameRegion)
        .putValue("cloud", cloud)
        .putValue("adminAccess", adminAccess);
    DmnDecisionResultEntries result = InvitationTestSupport.evaluate(decision, variables);

    assertThat(result.get("eligible")).isEqualTo(eligible);
    assertThat(result.get("refusedByRule")).isEqualTo(refusedByRule);
    if (reasonContains == null) {
      assertThat(result.get("reasonCode")).isNull();
    } else {
      for (java.util.Locale language : java.util.List.of(java.util.Locale.ITALIAN, new java.util.Locale("pt"), new java.util.Locale("sv"))) {
        assertThat(InvitationTestSupport.reasonText(result, variables, language)).as("%s", language)
            .isNotBlank()
            .isNotEqualTo(InvitationTestSupport.reasonText(result, variables, java.util.Locale.ENGLISH));
      }
      assertThat(InvitationTestSupport.reasonText(result, variables, java.util.Locale.ENGLISH)).contains(reasonContains)
          .doesNotContainPattern("\\(R[0-9]");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("initiators")
  void refusesAnIndirectResellersOwnInvitationUnder21VianetPointingToItsProvider(
      String description, String initiatorType, String cloud, String indirectProviders, boolean eligible,
      String reasonContains) {
    Map<String, Object> variables = Variables.createVariables()
        .putValue("tenantKind", "CUSTOMER")
        .putValue("sameRegion", true)
        .putValue("cloud", cloud)
        .putValue("adminAccess", "NONE")
        .putValue("initiatorType", initiatorType)
        .putValue("indirectProviders", indirectProviders);

    DmnDecisionResultEntries result = InvitationTestSupport.evaluate(decision, variables);

    assertThat(result.get("eligible")).isEqualTo(eligible);
    assertThat(result.get("refusedByRule")).isEqualTo(eligible ? null : "R13");
    if (reasonContains != null) {
      assertThat(InvitationTestSupport.reasonText(result, variables, java.util.Locale.ENGLISH)).contains(reasonContains);
    }
  }

  static Stream<Arguments> initiators() {
    return Stream.of(
        Arguments.of("R13 refuses an indirect reseller under 21Vianet and names its provider",
            "INDIRECT_RESELLER", "21VIANET", "Tailspin Distribution", false,
            "ask your indirect provider Tailspin Distribution for its invitation"),
        Arguments.of("R13 wins over every customer rule", "INDIRECT_RESELLER", "21VIANET", null, false,
            "ask your indirect provider for its invitation and forward that one to the customer; the provider holds the"
                + " reseller relationship."),
        Arguments.of("R14: outside 21Vianet an indirect reseller invites", "INDIRECT_RESELLER", "GLOBAL", "Tailspin Distribution",
            true, null),
        Arguments.of("an indirect provider invites under 21Vianet", "INDIRECT_PROVIDER", "21VIANET", null, true, null),
        Arguments.of("a direct-bill partner invites under 21Vianet", "DIRECT_BILL_PARTNER", "21VIANET", null, true, null));
  }
}
