package io.partnerchannel.orchestrator.migration;

import java.util.Map;

/**
 * Fixed ids of the sandbox data set used by the migration and routing tests and what agents enter (jobs are driven
 * by {@link io.partnerchannel.orchestrator.support.ProcessJobs}, the sandbox by
 * {@link io.partnerchannel.orchestrator.support.SandboxDriver}).
 */
public final class MigrationTestWorld {

  public static final String NORTHWIND = "a1b2c3d4-0000-4000-8000-000000000001";
  public static final String LITWARE = "a1b2c3d4-0000-4000-8000-000000000005";
  public static final String ADATUM = "c0ffee00-0000-4000-8000-000000000001";
  public static final String BELLOWS = "c0ffee00-0000-4000-8000-000000000002";
  public static final String COHO = "c0ffee00-0000-4000-8000-000000000003";
  public static final String DATUM = "c0ffee00-0000-4000-8000-000000000004";
  public static final String LAMNA = "c0ffee00-0000-4000-8000-000000000006";
  public static final String RELECLOUD = "c0ffee00-0000-4000-8000-000000000007";
  public static final String PROSEWARE = "c0ffee00-0000-4000-8000-000000000011";
  /** A. Datum's usage-based Azure bought through its Enterprise Agreement. */
  public static final String DATUM_EA_AZURE = "5b5c0000-0000-4000-8000-000000000005";
  /** A. Datum's license-based Microsoft 365 E5 bought through its Enterprise Agreement. */
  public static final String DATUM_EA_LICENSES = "5b5c0000-0000-4000-8000-000000000006";
  public static final String DATUM_PRODUCTION = "a2e00000-0000-4000-8000-000000000051";
  public static final String DATUM_DEVELOPMENT = "a2e00000-0000-4000-8000-000000000052";
  public static final String DATUM_ANALYTICS = "a2e00000-0000-4000-8000-000000000053";
  /** Lamna's license-based Microsoft 365 Business Standard from Litware. */
  public static final String LAMNA_LITWARE_LICENSES = "5b5c0000-0000-4000-8000-000000000008";
  /** Lamna's Azure plan from Litware. */
  public static final String LAMNA_LITWARE_AZURE_PLAN = "5b5c0000-0000-4000-8000-000000000009";
  public static final String LAMNA_PATIENT_PORTAL = "a2e00000-0000-4000-8000-000000000091";
  /** Proseware's licenses from Northwind (this partner). */
  public static final String PROSEWARE_LICENSES = "5b5c0000-0000-4000-8000-000000000013";
  public static final String NORTHWIND_MPN = "6100001";
  public static final String LITWARE_MPN = "6100005";

  private MigrationTestWorld() {}

  /**
   * What the agent enters in "Enter transfer details" for a transfer from Litware (create-a-transfer's required
   * {@code sourcePartnerTenantId}, {@code sourcePartnerName}, {@code customerEmailId}).
   *
   * @return the form's variables
   */
  public static Map<String, Object> transferFromLitware() {
    return Map.of(MigrationVariables.SOURCE_PARTNER_TENANT_ID.getName(), LITWARE,
        MigrationVariables.SOURCE_PARTNER_NAME.getName(), "Litware CSP",
        MigrationVariables.CUSTOMER_EMAIL.getName(), "claire.dubois@lamna.example");
  }
}
