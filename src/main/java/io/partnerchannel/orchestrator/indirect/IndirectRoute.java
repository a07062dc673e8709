package io.partnerchannel.orchestrator.indirect;

/**
 * How an indirect provider's invitation reaches the customer (21Vianet multi-channel seed: the provider
 * "can send it directly to the end customer or to its resellers, who send it on to the end customers").
 */
enum IndirectRoute {
  /** The provider e-mails the reseller link to the customer itself; the customer becomes its direct customer. */
  DIRECT,
  /**
   * One of the provider's indirect resellers forwards the indirect reseller link; the customer becomes the
   * provider's customer with the reseller as associated partner (R15).
   */
  VIA_RESELLER
}
