package io.partnerchannel.orchestrator.invitation;

/** Admin access the partner asks for together with the reseller relationship (S4, G6). */
public enum AdminAccess {
  /** The reseller relationship only. */
  NONE,
  /** Legacy delegated admin privileges ({@code DAP=true} in the invitation link); only under 21Vianet. */
  DAP,
  /** A granular delegated admin (GDAP) relationship with the chosen Entra roles, requested after acceptance. */
  GDAP
}
