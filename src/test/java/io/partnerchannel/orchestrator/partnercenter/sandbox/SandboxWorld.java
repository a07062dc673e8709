package io.partnerchannel.orchestrator.partnercenter.sandbox;

import io.partnerchannel.orchestrator.support.TestUsers;
import org.springframework.web.client.RestClient;

/** Fixed ids of the sandbox data set and an HTTP client for the emulator, shared by the sandbox tests. */
final class SandboxWorld {

  static final String NORTHWIND = "a1b2c3d4-0000-4000-8000-000000000001";
  static final String TAILSPIN = "a1b2c3d4-0000-4000-8000-000000000002";
  static final String FOURTH_COFFEE = "a1b2c3d4-0000-4000-8000-000000000003";
  static final String LITWARE = "a1b2c3d4-0000-4000-8000-000000000005";
  static final String ADATUM = "c0ffee00-0000-4000-8000-000000000001";
  static final String BELLOWS = "c0ffee00-0000-4000-8000-000000000002";
  static final String COHO = "c0ffee00-0000-4000-8000-000000000003";
  static final String DATUM = "c0ffee00-0000-4000-8000-000000000004";
  static final String FABRIKAM = "c0ffee00-0000-4000-8000-000000000005";
  static final String LAMNA = "c0ffee00-0000-4000-8000-000000000006";
  static final String LITWARE_TRANSACTION_TENANT = "c0ffee00-0000-4000-8000-000000000008";
  static final String EXCHANGE_ADMINISTRATOR = "29232cdf-9323-42fd-ade2-1d097af3e4de";
  static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";

  private SandboxWorld() {}

  /**
   * @param port the application's port
   * @return a client that never throws on error statuses, so tests can assert them; it authenticates as
   *     the sales agent (for {@code /sandbox/tenants}) unless a request sends its own bearer token
   */
  static RestClient http(int port) {
    return TestUsers.http(port);
  }
}
