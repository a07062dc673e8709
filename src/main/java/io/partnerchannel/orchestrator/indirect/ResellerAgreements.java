package io.partnerchannel.orchestrator.indirect;

import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.AGREEMENT_SIGNED;

import io.partnerchannel.orchestrator.partnercenter.AgreementSignatureStatus;
import java.util.Optional;
import java.util.Set;

/**
 * The reseller's Microsoft Partner Agreement status for the provider's CSP region (R16) as
 * {@code resellerAgreementStatus}: {@code SIGNED}, or the Partner Center error code that says why not. Those codes
 * are business answers (verify-indirect-reseller-mpa-status); any other failure is for the engine to retry.
 */
final class ResellerAgreements {

  /** Error codes of the agreement-status check that answer the question (HTTP 400). */
  static final Set<String> ANSWERS = Set.of(
      AgreementSignatureStatus.NOT_MIGRATED,
      AgreementSignatureStatus.REGION_MISMATCH,
      AgreementSignatureStatus.NOT_SIGNED,
      AgreementSignatureStatus.NOT_AN_INDIRECT_RESELLER,
      AgreementSignatureStatus.NO_ACCOUNT);

  private ResellerAgreements() {}

  /**
   * @param status what the check answered, may be null
   * @return {@code SIGNED} when it says signed, else {@code 2203} (not signed)
   */
  static String of(AgreementSignatureStatus status) {
    return status != null && Boolean.TRUE.equals(status.isAgreementSigned()) ? AGREEMENT_SIGNED : AgreementSignatureStatus.NOT_SIGNED;
  }

  /**
   * @param httpStatus the failed check's HTTP status
   * @param errorCode Partner Center's error code, may be null
   * @return the status the failure stands for; empty when it is no answer (to be retried)
   */
  static Optional<String> ofRefusal(int httpStatus, String errorCode) {
    return httpStatus == 400 && ANSWERS.contains(errorCode) ? Optional.of(errorCode) : Optional.empty();
  }
}
