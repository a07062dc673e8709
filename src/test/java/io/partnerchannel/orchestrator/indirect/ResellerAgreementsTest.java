package io.partnerchannel.orchestrator.indirect;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.partnercenter.AgreementSignatureStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reseller's MPA status for the provider's region (R16) from Partner Center's answers and refusals. */
class ResellerAgreementsTest {

  @Test
  void aSignedAgreementIsSignedAndAnythingElseIsNotSigned() {
    assertThat(ResellerAgreements.of(new AgreementSignatureStatus(true))).isEqualTo("SIGNED");
    assertThat(ResellerAgreements.of(new AgreementSignatureStatus(false))).isEqualTo(AgreementSignatureStatus.NOT_SIGNED);
    assertThat(ResellerAgreements.of(null)).isEqualTo(AgreementSignatureStatus.NOT_SIGNED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2200", "2201", "2203", "2204", "2205"})
  void theDocumentedRefusalsAreAnswers(String code) {
    assertThat(ResellerAgreements.ofRefusal(400, code)).contains(code);
  }

  @Test
  void otherFailuresAreNoAnswerAndAreRetried() {
    assertThat(ResellerAgreements.ofRefusal(400, "2206")).isEmpty();
    assertThat(ResellerAgreements.ofRefusal(500, "2203")).isEmpty();
    assertThat(ResellerAgreements.ofRefusal(403, null)).isEmpty();
  }
}
