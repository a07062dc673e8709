package io.partnerchannel.orchestrator.partnercenter.sandbox;

import io.partnerchannel.orchestrator.partnercenter.TenantKind;

/**
 * An organization (Entra tenant) of the sandbox world.
 *
 * @param id tenant id
 * @param kind what the tenant is
 * @param ownerPartnerId for a partner's CSP transaction or corporate tenant, that partner's id
 * @param domain primary domain, e.g. {@code adatum.onmicrosoft.com}
 * @param companyName company name
 * @param country ISO 3166 alpha-2 country
 * @param language two-letter language
 * @param boughtFrom where the tenant bought its existing subscriptions, e.g. {@code MICROSOFT_DIRECT}; may be null
 * @param customerDocument the Partner Center {@code Customer} resource as JSON, without partner-specific fields
 */
record SandboxTenant(
    String id,
    Kind kind,
    String ownerPartnerId,
    String domain,
    String companyName,
    String country,
    String language,
    String boughtFrom,
    String customerDocument) {

  /** Kinds of sandbox organizations. */
  public enum Kind {
    /** A CSP partner's own tenant, which is also its CSP transaction tenant. */
    PARTNER,
    /** An ordinary organization. */
    CUSTOMER,
    /** A CSP partner's CSP transaction tenant (R6). */
    CSP_TRANSACTION_TENANT,
    /** A CSP partner's corporate (non-CSP) tenant (R6b). */
    CSP_CORPORATE_TENANT;

    /** @return the kind of tenant this organization is in the R6 sense (what the sandbox world models; Partner Center has no such look-up) */
    public TenantKind tenantKind() {
      return switch (this) {
        case PARTNER, CSP_TRANSACTION_TENANT -> TenantKind.CSP_TRANSACTION_TENANT;
        case CSP_CORPORATE_TENANT -> TenantKind.CSP_CORPORATE_TENANT;
        case CUSTOMER -> TenantKind.CUSTOMER;
      };
    }
  }
}
