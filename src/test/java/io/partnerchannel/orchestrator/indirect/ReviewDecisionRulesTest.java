package io.partnerchannel.orchestrator.indirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerchannel.orchestrator.forms.JsonArrayVariable.Option;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;

/** The review form's rules: {@link ReviewDecision#of} and {@link ResellerOptions#chosen}. */
class ReviewDecisionRulesTest {

  private static final String WINGTIP = "6b0c5f8e-0000-4000-8000-00000000a1f2";
  private static final List<Option> OPTIONS = List.of(new Option("Wingtip (Torino, IT)", WINGTIP));

  @Test
  void aDecisionIsOneOfTheConstantsByExactName() {
    assertThat(ReviewDecision.of("SEND_DIRECTLY")).isEqualTo(ReviewDecision.SEND_DIRECTLY);
    assertThatThrownBy(() -> ReviewDecision.of("send_directly")).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining(IndirectInvitationVariables.REVIEW_DECISION.getName());
    assertThatThrownBy(() -> ReviewDecision.of(null)).isInstanceOf(BadUserRequestException.class);
  }

  @Test
  void theNewResellerMustBeOneOfTheOptionsAndIsKeptLowerCase() {
    assertThat(ResellerOptions.chosen(OPTIONS, " " + WINGTIP.toUpperCase() + " ")).isEqualTo(WINGTIP);
    assertThatThrownBy(() -> ResellerOptions.chosen(OPTIONS, "another-tenant")).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining(IndirectInvitationVariables.NEW_RESELLER_TENANT_ID.getName());
    assertThatThrownBy(() -> ResellerOptions.chosen(OPTIONS, null)).isInstanceOf(BadUserRequestException.class);
  }
}
