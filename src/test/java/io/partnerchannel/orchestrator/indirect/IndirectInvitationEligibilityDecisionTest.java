package io.partnerchannel.orchestrator.indirect;

import static io.partnerchannel.orchestrator.indirect.IndirectResellerInvitationProcess.DECISION_INDIRECT_INVITATION_ELIGIBILITY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import io.partnerchannel.orchestrator.invitation.InvitationTestSupport;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of {@code bpmn/IndirectInvitationEligibility.dmn} (hit policy FIRST), evaluated by the DMN engine. */
class IndirectInvitationEligibilityDecisionTest {

  private static final String RESELLER = "a1b2c3d4-0000-4000-8000-000000000003";
  private static final DmnDecision decision = InvitationTestSupport.parseDecision(
      "/bpmn/IndirectInvitationEligibility.dmn", DECISION_INDIRECT_INVITATION_ELIGIBILITY);

  static Stream<Arguments> rows() {
    return Stream.of(
        // initiatorType, route, partnershipState, agreementStatus -> eligible, refusedByRule, reason contains
        Arguments.of("an indirect reseller is pointed to its own Partner Center (R14)",
            "INDIRECT_RESELLER", "VIA_RESELLER", "Active", "SIGNED", false, "R14", "Fourth Coffee IT is an indirect reseller"),
        Arguments.of("a direct-bill partner uses the reseller relationship invitation",
            "DIRECT_BILL_PARTNER", "DIRECT", null, null, false, null, "is a direct-bill partner"),
        Arguments.of("the initiator is checked before the reseller",
            "DIRECT_BILL_PARTNER", "VIA_RESELLER", "NONE", "NOT_CHECKED", false, null, "Only an indirect provider"),
        Arguments.of("R15 refuses a reseller without partnership",
            "INDIRECT_PROVIDER", "VIA_RESELLER", "NONE", "NOT_CHECKED", false, "R15", "(partnership: NONE)"),
        Arguments.of("R15 refuses an inactive partnership",
            "INDIRECT_PROVIDER", "VIA_RESELLER", "Inactive", "NOT_CHECKED", false, "R15", "not an indirect reseller in an active partnership"),
        Arguments.of("R16 refuses a reseller not migrated (2200)",
            "INDIRECT_PROVIDER", "VIA_RESELLER", "Active", "2200", false, "R16", "error 2200"),
        Arguments.of("R16 refuses a region mismatch (2201)",
            "INDIRECT_PROVIDER", "VIA_RESELLER", "Active", "2201", false, "R16", "error 2201"),
        Arguments.of("R16 refuses an MPA not signed for the region (2203)",
            "INDIRECT_PROVIDER", "VIA_RESELLER", "Active", "2203", false, "R16", "has not signed the Microsoft Partner Agreement"),
        Arguments.of("R16 refuses a partner without indirect reseller account (2204)",
            "INDIRECT_PROVIDER", "VIA_RESELLER", "Active", "2204", false, "R16", "error 2204"),
        Arguments.of("R16 refuses a tenant without account (2205)",
            "INDIRECT_PROVIDER", "VIA_RESELLER", "Active", "2205", false, "R16", "error 2205"),
        Arguments.of("an active reseller with a signed MPA forwards",
            "INDIRECT_PROVIDER", "VIA_RESELLER", "Active", "SIGNED", true, null, null),
        Arguments.of("the direct route needs no reseller",
            "INDIRECT_PROVIDER", "DIRECT", null, null, true, null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void decidesTheIndirectInvitation(
      String description,
      String initiatorType,
      String route,
      String partnershipState,
      String agreementStatus,
      boolean eligible,
      String refusedByRule,
      String reasonContains) {
    Map<String, Object> variables = Variables.createVariables()
        .putValue("initiatorType", initiatorType)
        .putValue("route", route)
        .putValue("resellerPartnershipState", partnershipState)
        .putValue("resellerAgreementStatus", agreementStatus)
        .putValue("resellerTenantId", RESELLER)
        .putValue("resellerName", "Active".equals(partnershipState) ? "Wingtip Solutions" : null)
        .putValue("partnerName", "INDIRECT_RESELLER".equals(initiatorType) ? "Fourth Coffee IT" : "Tailspin Distribution");
    DmnDecisionResultEntries result = InvitationTestSupport.evaluate(decision, variables);

    assertThat(result.get("eligible")).isEqualTo(eligible);
    assertThat(result.get("refusedByRule")).isEqualTo(refusedByRule);
    if (reasonContains == null) {
      assertThat(result.get("reasonCode")).isNull();
    } else {
      assertThat(InvitationTestSupport.reasonText(result, variables, java.util.Locale.ENGLISH)).contains(reasonContains)
          .doesNotContainPattern("\\(R[0-9]");
      assertThat(InvitationTestSupport.reasonText(result, variables, new java.util.Locale("sv"))).isNotBlank();
    }
  }
}
