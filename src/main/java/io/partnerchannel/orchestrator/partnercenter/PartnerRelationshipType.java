package io.partnerchannel.orchestrator.partnercenter;

/** {@code relationship_type} of {@code GET /v1/relationships} (A2, A3). */
public enum PartnerRelationshipType {
  /** Indirect provider → its indirect resellers. */
  IsIndirectCloudSolutionProviderOf,
  /** Indirect reseller → its indirect providers. */
  IsIndirectResellerOf
}
