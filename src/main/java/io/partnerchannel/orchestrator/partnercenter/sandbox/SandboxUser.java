package io.partnerchannel.orchestrator.partnercenter.sandbox;

import java.util.List;

/**
 * A user of a sandbox tenant.
 *
 * @param userPrincipalName e.g. {@code admin@adatum.onmicrosoft.com}
 * @param tenantId the user's tenant
 * @param displayName display name
 * @param roles Entra role names, e.g. {@code Global Administrator}
 */
public record SandboxUser(String userPrincipalName, String tenantId, String displayName, List<String> roles) {

  /** The Entra role that may accept reseller relationships and approve GDAP (R10). */
  public static final String GLOBAL_ADMINISTRATOR = "Global Administrator";

  /** @return whether the user holds the Global Administrator role */
  public boolean isGlobalAdministrator() {
    return roles.contains(GLOBAL_ADMINISTRATOR);
  }
}
