package io.partnerchannel.orchestrator.partnercenter.sandbox;

import java.util.Map;

/** Display names of common Microsoft Entra built-in roles, by role definition id, for the admin center pages. */
final class EntraRoles {

  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("62e90394-69f5-4237-9190-012177145e10", "Global Administrator"),
      Map.entry("f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader"),
      Map.entry("88d8e3e3-8f55-4a1e-953a-9b9898b8876b", "Directory Readers"),
      Map.entry("fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator"),
      Map.entry("729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator"),
      Map.entry("4d6ac14f-3453-41d0-bef9-a3e0c569773a", "License Administrator"),
      Map.entry("e8611ab8-c189-46e8-94e1-60213ab1f814", "Privileged Role Administrator"),
      Map.entry("29232cdf-9323-42fd-ade2-1d097af3e4de", "Exchange Administrator"),
      Map.entry("f28a1f50-f6e7-4571-818b-6a12f2af6b6c", "SharePoint Administrator"),
      Map.entry("69091246-20e8-4a56-aa4d-066075b2a7a8", "Teams Administrator"),
      Map.entry("3a2c62db-5318-420d-8d74-23affee5d9d5", "Intune Administrator"),
      Map.entry("b0f54661-2d74-4c50-afa3-1ec803f12efe", "Billing Administrator"),
      Map.entry("f023fd81-a637-4b56-95fd-791ac0226033", "Service Support Administrator"),
      Map.entry("5d6b6bb7-de71-4623-b4af-96380a352509", "Security Reader"),
      Map.entry("194ae4cb-b126-40b2-bd5b-6091b380977d", "Security Administrator"));

  private EntraRoles() {}

  /**
   * @param roleDefinitionId role definition id
   * @return the role's display name, or the id when the role is not a known built-in role
   */
  static String name(String roleDefinitionId) {
    return NAMES.getOrDefault(roleDefinitionId, roleDefinitionId);
  }
}
