package io.partnerchannel.orchestrator.indirect;

import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.AGREEMENT_NOT_CHECKED;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.AGREEMENT_SIGNED;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.NO_PARTNERSHIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.partnerchannel.orchestrator.forms.JsonArrayVariable.Option;
import io.partnerchannel.orchestrator.partnercenter.AgreementSignatureStatus;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationship;
import io.partnerchannel.orchestrator.partnercenter.PartnerRelationshipType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link IndirectResellerCheck}: partnership, agreement (R16) and the other resellers, against a Partner Center port. */
class IndirectResellerCheckTest {

  private static final PartnerRelationshipType INDIRECT = PartnerRelationshipType.IsIndirectCloudSolutionProviderOf;
  private static final String FABRIKAM = "6b0c5f8e-0000-4000-8000-00000000fab1";
  private static final String WINGTIP = "6b0c5f8e-0000-4000-8000-00000000a1f2";

  private final PartnerCenter partnerCenter = mock(PartnerCenter.class);
  private final IndirectResellerCheck check = new IndirectResellerCheck(partnerCenter);

  @Test
  void anActiveResellerWithASignedAgreementStandsWithTheOtherActiveResellersAsChoices() {
    when(partnerCenter.getPartnerRelationships(INDIRECT)).thenReturn(List.of(
        reseller(FABRIKAM, "Fabrikam", "Active"), reseller(WINGTIP, "Wingtip", "Active")));
    when(partnerCenter.getIndirectResellerAgreementStatus(FABRIKAM)).thenReturn(new AgreementSignatureStatus(true));

    IndirectResellerCheck.Standing standing = check.of(FABRIKAM);

    assertThat(standing.reseller()).map(PartnerRelationship::name).contains("Fabrikam");
    assertThat(standing.partnershipState()).isEqualTo("Active");
    assertThat(standing.agreementStatus()).isEqualTo(AGREEMENT_SIGNED);
    assertThat(standing.otherResellers()).containsExactly(new Option("Wingtip (Seattle)", WINGTIP));
    verify(partnerCenter, never()).forgetPartnerReads();
  }

  @Test
  void aResellerNotSeenActiveIsReadAgainUncachedSoANewPartnershipCounts() {
    when(partnerCenter.getPartnerRelationships(INDIRECT))
        .thenReturn(List.of())
        .thenReturn(List.of(reseller(FABRIKAM, "Fabrikam", "Active")));
    when(partnerCenter.getIndirectResellerAgreementStatus(FABRIKAM)).thenReturn(new AgreementSignatureStatus(false));

    IndirectResellerCheck.Standing standing = check.of(FABRIKAM);

    verify(partnerCenter).forgetPartnerReads();
    assertThat(standing.partnershipState()).isEqualTo("Active");
    assertThat(standing.agreementStatus()).isEqualTo(AgreementSignatureStatus.NOT_SIGNED);
  }

  @Test
  void withoutAnActivePartnershipTheAgreementIsNotChecked() {
    when(partnerCenter.getPartnerRelationships(INDIRECT)).thenReturn(List.of(reseller(WINGTIP, "Wingtip", "Active")));

    IndirectResellerCheck.Standing standing = check.of(FABRIKAM);

    assertThat(standing.reseller()).isEmpty();
    assertThat(standing.partnershipState()).isEqualTo(NO_PARTNERSHIP);
    assertThat(standing.agreementStatus()).isEqualTo(AGREEMENT_NOT_CHECKED);
    verify(partnerCenter, never()).getIndirectResellerAgreementStatus(FABRIKAM);
  }

  @Test
  void anAgreementRefusalIsTheAnswerAndAnyOtherFailureIsRetried() {
    when(partnerCenter.getPartnerRelationships(INDIRECT)).thenReturn(List.of(reseller(FABRIKAM, "Fabrikam", "Active")));
    when(partnerCenter.getIndirectResellerAgreementStatus(FABRIKAM))
        .thenThrow(new PartnerCenterException(400, AgreementSignatureStatus.REGION_MISMATCH, "region mismatch", null))
        .thenThrow(new PartnerCenterException(503, null, "unavailable", null));

    assertThat(check.of(FABRIKAM).agreementStatus()).isEqualTo(AgreementSignatureStatus.REGION_MISMATCH);
    assertThatThrownBy(() -> check.of(FABRIKAM)).isInstanceOf(PartnerCenterException.class);
  }

  private static PartnerRelationship reseller(String id, String name, String state) {
    return new PartnerRelationship(id, name, "IsIndirectCloudSolutionProviderOf", state, "123456", "Seattle", Map.of());
  }
}
