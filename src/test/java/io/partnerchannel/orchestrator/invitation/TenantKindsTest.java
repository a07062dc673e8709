package io.partnerchannel.orchestrator.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.partnercenter.AgreementSignatureStatus;
import io.partnerchannel.orchestrator.partnercenter.TenantKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kind of an existing tenant (R6, R6b) from Partner Center's documented answers. */
class TenantKindsTest {

  @Test
  void aPartnerWeKnowIsACspTransactionTenantWhateverTheAgreementCheckSays() {
    assertThat(TenantKinds.of(true, null)).isEqualTo(TenantKind.CSP_TRANSACTION_TENANT);
    assertThat(TenantKinds.of(true, AgreementSignatureStatus.NO_ACCOUNT)).isEqualTo(TenantKind.CSP_TRANSACTION_TENANT);
  }

  @Test
  void aTenantWhoseAgreementStatusIsAnsweredIsACspTransactionTenant() {
    assertThat(TenantKinds.of(false, null)).isEqualTo(TenantKind.CSP_TRANSACTION_TENANT);
  }

  @ParameterizedTest
  @CsvSource({
      "2201, CSP_TRANSACTION_TENANT",
      "2203, CSP_TRANSACTION_TENANT",
      "2206, CSP_TRANSACTION_TENANT",
      "2205, CUSTOMER",
      "2204, UNKNOWN",
      "2200, UNKNOWN",
      "'', UNKNOWN"})
  void aRefusedAgreementCheckTellsTheKindByItsCode(String code, TenantKind kind) {
    assertThat(TenantKinds.of(false, code)).isEqualTo(kind);
  }
}
