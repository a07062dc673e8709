package io.partnerchannel.orchestrator.invitation;

import io.partnerchannel.orchestrator.partnercenter.AgreementSignatureStatus;
import io.partnerchannel.orchestrator.partnercenter.TenantKind;
import java.util.Set;

/**
 * The kind of an existing tenant (R6, R6b), from documented answers only (verify-indirect-reseller-mpa-status):
 * a tenant we know as a partner, or one Partner Center's agreement-status check answers or refuses with
 * {@code 2201}, {@code 2203} or {@code 2206}, is a CSP transaction tenant; {@code 2205} (no Partner Center account)
 * is a customer, an ordinary organization or a partner's non-CSP corporate tenant (R6b); anything else is unknown.
 */
final class TenantKinds {

  /** Agreement-status codes that name an existing CSP indirect reseller account. */
  static final Set<String> PARTNER_ACCOUNT_CODES = Set.of(
      AgreementSignatureStatus.REGION_MISMATCH, AgreementSignatureStatus.NOT_SIGNED, AgreementSignatureStatus.NO_AGREEMENT);

  private TenantKinds() {}

  /**
   * @param knownPartner the tenant is the operating partner's own or one of its indirect partners
   * @param agreementRefusal the error code with which the agreement-status check refused the tenant; null when it
   *     answered (or was not asked, for a known partner)
   * @return the tenant's kind
   */
  static TenantKind of(boolean knownPartner, String agreementRefusal) {
    if (knownPartner || agreementRefusal == null || PARTNER_ACCOUNT_CODES.contains(agreementRefusal)) {
      return TenantKind.CSP_TRANSACTION_TENANT;
    }
    return AgreementSignatureStatus.NO_ACCOUNT.equals(agreementRefusal) ? TenantKind.CUSTOMER : TenantKind.UNKNOWN;
  }
}
