package io.partnerchannel.orchestrator.partnercenter;

/** What kind of Entra tenant owns a domain, as far as it matters for a reseller relationship (R6, R6b). */
public enum TenantKind {
  /** An ordinary organization: may enter a reseller relationship. */
  CUSTOMER,
  /** A CSP partner's CSP transaction tenant: cannot buy from another CSP partner (R6). */
  CSP_TRANSACTION_TENANT,
  /** A CSP partner's corporate (non-CSP) tenant: may buy from another CSP partner (R6b). */
  CSP_CORPORATE_TENANT,
  /** No tenant has the domain yet. */
  NOT_FOUND,
  /** The adapter cannot tell (real Partner Center publishes no such look-up). */
  UNKNOWN
}
