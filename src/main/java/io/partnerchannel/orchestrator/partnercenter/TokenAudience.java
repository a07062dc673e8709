package io.partnerchannel.orchestrator.partnercenter;

/**
 * The two APIs the application calls; each needs an access token of its own audience (reference §8,
 * Authentication): Partner Center ({@code https://api.partnercenter.microsoft.com}) and Microsoft Graph
 * ({@code https://graph.microsoft.com}).
 */
public enum TokenAudience {
  /** The Partner Center REST API. */
  PARTNER_CENTER,
  /** Microsoft Graph (GDAP). */
  GRAPH
}
