package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Partner Center's answer to {@code GET /v1/compliance/csp/agreementstatus?tenantId={id}} (A9): whether an
 * indirect reseller signed the Microsoft Partner Agreement for the CSP region the calling indirect provider
 * transacts in (R16). A reseller that has not is answered with an error instead, see
 * {@link PartnerCenter#getIndirectResellerAgreementStatus}.
 *
 * @param isAgreementSigned whether the MPA is signed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgreementSignatureStatus(@JsonProperty("isAgreementSigned") Boolean isAgreementSigned) {

  /** Error code: the reseller's MPN id is invalid or not migrated to Partner Center. */
  public static final String NOT_MIGRATED = "2200";
  /** Error code: the reseller's CSP region does not match the provider's. */
  public static final String REGION_MISMATCH = "2201";
  /** Error code: the reseller has not signed the MPA for the provider's CSP region. */
  public static final String NOT_SIGNED = "2203";
  /** Error code: no CSP indirect reseller account is associated with the id. */
  public static final String NOT_AN_INDIRECT_RESELLER = "2204";
  /** Error code: Partner Center finds no account for the tenant id. */
  public static final String NO_ACCOUNT = "2205";
  /** Error code: the tenant id's Partner Center account has not signed the agreement. */
  public static final String NO_AGREEMENT = "2206";
}
